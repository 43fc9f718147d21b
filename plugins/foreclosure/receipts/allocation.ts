/*
| 抵债金额 over the debt it settles. The bank's order for a non-performing loan
| is 先本后息 — principal first, then 正常利息, 逾期利息, 罚息, 复利 — the
| prudent order banks apply to 不良贷款 recoveries (the principal is the risk
| asset; interest on a loan in default is mostly off balance and doubtful).
| The loan contracts let the bank choose the order (民法典 §561 is the default
| only "absent agreement"). One place for the order: BUCKET_ORDER.
|
| Over several loans of the same debtor a bucket is filled for all the loans
| before the next bucket; when the amount left does not cover a bucket, it is
| shared over the loans in proportion to what each owes in that bucket
| (Money.allocate: exact to the fen, no fen lost or created). Whatever is not
| settled stays a claim (shortfall) on the loan.
*/
import { Money } from '#core/money/money'

export const BUCKET_ORDER = [
  'principal',
  'normal_interest',
  'overdue_interest',
  'penalty',
  'compound',
] as const
export type Bucket = (typeof BUCKET_ORDER)[number]
export type Buckets = Record<Bucket, Money>

export const zeroBuckets = (): Buckets =>
  Object.fromEntries(BUCKET_ORDER.map((b) => [b, Money.zero()])) as Buckets

export const totalOf = (b: Buckets) => Money.sum(BUCKET_ORDER.map((k) => b[k]))

export class AllocationError extends Error {}

/** Splits `amount` over the loans' buckets; returns what each loan's buckets settle. */
export function allocate(amount: Money, owed: Buckets[]): Buckets[] {
  if (amount.isNegative()) throw new AllocationError('抵债金额不能为负数')
  const owedTotal = Money.sum(owed.map(totalOf))
  if (amount.compare(owedTotal) > 0)
    throw new AllocationError(
      `抵债金额 ${amount.toYuan()} 超过所抵债务合计 ${owedTotal.toYuan()}，差额应退还债务人，请调整抵债金额`
    )
  const settled = owed.map(() => zeroBuckets())
  let left = amount
  for (const bucket of BUCKET_ORDER) {
    if (left.isZero()) break
    const amounts = owed.map((o) => o[bucket])
    const bucketTotal = Money.sum(amounts)
    if (bucketTotal.isZero()) continue
    if (left.compare(bucketTotal) >= 0) {
      owed.forEach((o, i) => (settled[i][bucket] = o[bucket]))
      left = left.minus(bucketTotal)
      continue
    }
    const shares = left.allocate(amounts.map((a) => a.toFen()))
    shares.forEach((s, i) => (settled[i][bucket] = s))
    left = Money.zero()
  }
  return settled
}
