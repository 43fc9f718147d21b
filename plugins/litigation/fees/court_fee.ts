/*
| 诉讼费试算 per 《诉讼费用交纳办法》 (国务院令第481号). One pure function over decimal
| yuan: each band's rate applies only to the part of the amount inside that band
| (超额累进), the fixed first band is a flat fee, and the result is rounded once,
| half-up to the fen, after every rule (halving, one third, cap) has been applied.
|
|   acceptance     §13(一)  财产案件受理费
|   summary        §16      适用简易程序审理的案件减半交纳
|   preservation   §14(二)  申请保全措施, 最多不超过 5,000 元
|   execution      §14(一)  申请执行 (有执行金额或者价额)
|   payment-order  §14(三)  申请支付令: 比照财产案件受理费标准的 1/3 交纳
*/
import { Decimal } from 'decimal.js'
import { decimalText } from '#core/money/money'
import { RuleError } from '#core/plugins/rule_error'

// Exact text never in exponent notation (toString), as the money helpers write it.
const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
})
type Dec = InstanceType<typeof Dec>

export const FEE_KINDS = ['acceptance', 'preservation', 'execution', 'payment-order'] as const
export type FeeKind = (typeof FEE_KINDS)[number]

/**
 * One band of a schedule: the part of the amount above `from` and up to `to`
 * (null = no upper limit). A band with `flat` costs that much in total once the
 * amount reaches into it (the first band: "不超过 1 万元的，每件交纳 50 元"); a band
 * with `rate` costs rate × the part inside it.
 */
export interface FeeBand {
  from: string
  to: string | null
  flat?: string
  rate?: string
}

export interface FeeSchedule {
  kind: FeeKind
  article: string
  name: { zh: string; en: string }
  bands: FeeBand[]
  /** 保全费 "最多不超过 5,000 元". */
  cap?: string
  /** 支付令: the acceptance schedule times this factor. */
  factorOfAcceptance?: string
  note?: { zh: string; en: string }
}

const ACCEPTANCE_BANDS: FeeBand[] = [
  { from: '0', to: '10000', flat: '50' },
  { from: '10000', to: '100000', rate: '0.025' },
  { from: '100000', to: '200000', rate: '0.02' },
  { from: '200000', to: '500000', rate: '0.015' },
  { from: '500000', to: '1000000', rate: '0.01' },
  { from: '1000000', to: '2000000', rate: '0.009' },
  { from: '2000000', to: '5000000', rate: '0.008' },
  { from: '5000000', to: '10000000', rate: '0.007' },
  { from: '10000000', to: '20000000', rate: '0.006' },
  { from: '20000000', to: null, rate: '0.005' },
]

/** The schedules, in the order the page shows them (also served to the console). */
export const FEE_SCHEDULES: FeeSchedule[] = [
  {
    kind: 'acceptance',
    article: '第十三条第（一）项',
    name: { zh: '案件受理费（财产案件）', en: 'Acceptance fee (property case)' },
    bands: ACCEPTANCE_BANDS,
    note: {
      zh: '适用简易程序审理的案件减半交纳（第十六条）',
      en: 'Halved for cases heard under the summary procedure (§16)',
    },
  },
  {
    kind: 'preservation',
    article: '第十四条第（二）项',
    name: { zh: '申请保全措施', en: 'Preservation application' },
    bands: [
      { from: '0', to: '1000', flat: '30' },
      { from: '1000', to: '100000', rate: '0.01' },
      { from: '100000', to: null, rate: '0.005' },
    ],
    cap: '5000',
    note: { zh: '最多不超过 5,000 元', en: 'At most 5,000 yuan' },
  },
  {
    kind: 'execution',
    article: '第十四条第（一）项',
    name: { zh: '申请执行', en: 'Execution application' },
    bands: [
      { from: '0', to: '10000', flat: '50' },
      { from: '10000', to: '500000', rate: '0.015' },
      { from: '500000', to: '5000000', rate: '0.01' },
      { from: '5000000', to: '10000000', rate: '0.005' },
      { from: '10000000', to: null, rate: '0.001' },
    ],
  },
  {
    kind: 'payment-order',
    article: '第十四条第（三）项',
    name: { zh: '申请支付令', en: 'Payment order application' },
    bands: ACCEPTANCE_BANDS,
    factorOfAcceptance: '1/3',
    note: {
      zh: '比照财产案件受理费标准的 1/3 交纳',
      en: 'One third of the property-case acceptance fee',
    },
  },
]

/** "0.025" → "2.5%" (decimal, no float). */
export const percentText = (rate: string) => `${new Dec(rate).times(100).toString()}%`

/** Input the schedule cannot take: a RuleError the exception handler answers as a 422 on the field. */
export class FeeTrialError extends RuleError {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(422, 'validation.failed', {
      problems: [{ field, rule: 'feeTrial', text: { zh: message, en: message } }],
    })
    this.message = message
  }
}

export interface FeeLine {
  from: string
  to: string | null
  /** The part of the amount inside this band (yuan, exact). */
  base: string
  flat?: string
  rate?: string
  /** The rate as a percentage ("0.025" → "2.5%"). */
  percent?: string
  /** This band's share, exact (not rounded). */
  fee: string
}

export interface FeeResult {
  kind: FeeKind
  amount: string
  summaryProcedure: boolean
  /** Half-up to the fen, two decimals: the fee to pay. */
  fee: string
  /** Sum of the bands before halving, one third or the cap (exact). */
  bandTotal: string
  lines: FeeLine[]
  /** What was applied after the bands, in order, in Chinese (for the page and the case form). */
  adjustments: string[]
}

const AMOUNT_TEXT = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/

function bandsTotal(bands: FeeBand[], amount: Dec): { total: Dec; lines: FeeLine[] } {
  let total = new Dec(0)
  const lines: FeeLine[] = []
  for (const band of bands) {
    const from = new Dec(band.from)
    // amount > 0, so the first band (from 0) always applies.
    if (amount.lte(from)) break
    const upper = band.to === null ? amount : Dec.min(amount, new Dec(band.to))
    const base = upper.minus(from)
    const fee = band.flat ? new Dec(band.flat) : base.times(band.rate!)
    total = total.plus(fee)
    lines.push({
      from: band.from,
      to: band.to,
      base: base.toString(),
      ...(band.flat ? { flat: band.flat } : { rate: band.rate, percent: percentText(band.rate!) }),
      fee: fee.toString(),
    })
  }
  return { total, lines }
}

/**
 * The court fee for `amount` yuan (decimal text, at most two decimals, > 0).
 * `summaryProcedure` halves the acceptance fee (§16) and is refused for other kinds.
 */
export function courtFee(
  kind: FeeKind,
  amount: string,
  options: { summaryProcedure?: boolean } = {}
): FeeResult {
  const schedule = FEE_SCHEDULES.find((s) => s.kind === kind)
  if (!schedule) throw new FeeTrialError('kind', `unknown fee kind ${kind}`)
  if (!AMOUNT_TEXT.test(amount) || new Dec(amount).lte(0))
    throw new FeeTrialError('amount', '金额须为大于 0、至多两位小数的元金额')
  const summary = options.summaryProcedure === true
  if (summary && kind !== 'acceptance')
    throw new FeeTrialError('summaryProcedure', '简易程序减半仅适用于案件受理费')

  const value = new Dec(amount)
  const { total, lines } = bandsTotal(schedule.bands, value)
  let fee = total
  const adjustments: string[] = []
  if (schedule.factorOfAcceptance) {
    fee = fee.dividedBy(3)
    adjustments.push('按财产案件受理费标准的 1/3 交纳（第十四条第（三）项）')
  }
  if (summary) {
    fee = fee.dividedBy(2)
    adjustments.push('简易程序减半交纳（第十六条）')
  }
  if (schedule.cap && fee.gt(schedule.cap)) {
    fee = new Dec(schedule.cap)
    adjustments.push(`最多不超过 ${schedule.cap} 元（第十四条第（二）项）`)
  }
  return {
    kind,
    amount: decimalText(value.toString(), 2),
    summaryProcedure: summary,
    // Rounded once, half-up to the fen, after every rule.
    fee: decimalText(fee.toString(), 2),
    bandTotal: total.toString(),
    lines,
    adjustments,
  }
}
