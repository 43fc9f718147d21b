/*
| 减免的科目 (buckets) of a loan's debt and the 价款分配 of a payment over them.
| Pure: fen as bigint, no database. The plan's allocation order decides which
| bucket a received payment pays first; within a bucket the plan's loans are
| paid in the order they are listed.
*/
export const BUCKETS = ['penalty', 'compound', 'onInterest', 'offInterest', 'principal'] as const
export type Bucket = (typeof BUCKETS)[number]

export const BUCKET_LABELS: Record<Bucket, { zh: string; en: string }> = {
  penalty: { zh: '罚息', en: 'Penalty interest' },
  compound: { zh: '复利', en: 'Compound interest' },
  onInterest: { zh: '表内利息', en: 'On-balance interest' },
  offInterest: { zh: '表外利息', en: 'Off-balance interest' },
  principal: { zh: '本金', en: 'Principal' },
}

/** Column stem of each bucket in relief_plan_loans (`<stem>_owed_fen`, `<stem>_relief_fen`). */
export const BUCKET_COLUMN: Record<Bucket, string> = {
  penalty: 'penalty',
  compound: 'compound',
  onInterest: 'on_interest',
  offInterest: 'off_interest',
  principal: 'principal',
}

/** 民法典 §561: costs, then interest, then principal; 罚息/复利 first as loan contracts say. */
export const DEFAULT_ORDER: Bucket[] = [
  'penalty',
  'compound',
  'offInterest',
  'onInterest',
  'principal',
]

export const INTEREST_BUCKETS: Bucket[] = ['penalty', 'compound', 'onInterest', 'offInterest']

export type Amounts = Record<Bucket, bigint>

export const zeroAmounts = (): Amounts => ({
  penalty: 0n,
  compound: 0n,
  onInterest: 0n,
  offInterest: 0n,
  principal: 0n,
})

export interface PostingLine {
  loanId: number
  loanNo: string
  bucket: Bucket | 'cash'
  /** Fen, positive. */
  amountFen: string
}

/**
 * 价款分配: `amountFen` over what is still due per loan and bucket, bucket by bucket
 * in `order`, loan by loan within a bucket. Returns the lines (zero lines left out)
 * and what could not be placed (a payment above the debt).
 */
export function allocatePayment(
  amountFen: bigint,
  order: Bucket[],
  due: { loanId: number; loanNo: string; amounts: Amounts }[]
): { lines: PostingLine[]; unapplied: bigint } {
  let left = amountFen
  const lines: PostingLine[] = []
  for (const bucket of order) {
    for (const loan of due) {
      if (left <= 0n) break
      const take = loan.amounts[bucket] < left ? loan.amounts[bucket] : left
      if (take <= 0n) continue
      lines.push({ loanId: loan.loanId, loanNo: loan.loanNo, bucket, amountFen: take.toString() })
      left -= take
    }
  }
  return { lines, unapplied: left }
}

export const sumLines = (lines: PostingLine[]) =>
  lines.reduce((total, l) => total + BigInt(l.amountFen), 0n)

/** A valid allocation order: every bucket exactly once. */
export function isOrder(value: unknown): value is Bucket[] {
  return (
    Array.isArray(value) &&
    value.length === BUCKETS.length &&
    BUCKETS.every((b) => value.includes(b))
  )
}
