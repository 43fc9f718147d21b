/*
| 利息试算 (overdue interest trial) — input and output shapes. Amounts and rates
| travel as decimal strings (yuan, annual fractions), dates as 'YYYY-MM-DD';
| nothing here is ever a JS float.
*/
import { RuleError } from '#core/plugins/rule_error'

/** The buckets a loan's debt sits in; a repayment is allocated over them in an order. */
export const BUCKETS = [
  'penalty', // 罚息
  'compound', // 复利
  'overdueInterest', // 逾期利息（欠息）
  'overduePrincipal', // 逾期本金
  'accruedInterest', // 应计利息（未到结息日）
  'notDuePrincipal', // 未到期本金
] as const
export type Bucket = (typeof BUCKETS)[number]

/**
 * Default allocation order: 罚息 → 复利 → 欠息 → 逾期本金 → 应计利息 → 未到期本金.
 * 民法典 §561 puts interest before principal; loan contracts usually put 罚息/复利 first.
 */
export const DEFAULT_ORDER: readonly Bucket[] = BUCKETS

export const BUCKET_NAMES: Record<Bucket, string> = {
  penalty: '罚息',
  compound: '复利',
  overdueInterest: '逾期利息',
  overduePrincipal: '逾期本金',
  accruedInterest: '应计利息',
  notDuePrincipal: '未到期本金',
}

export interface TrialInput {
  /** 起息日: the first day that accrues. */
  start: string
  /** 试算日: results are as of the start of this day (it does not accrue, 算头不算尾). */
  asOf: string
  /** 利率 (LPR repricing): each applies from its `from` date on. */
  rates: { from: string; annualRate: string }[]
  /** 罚息上浮比例, e.g. "0.5" for +50% (银发〔2003〕251号). Default "0.5". */
  penaltySurcharge?: string
  installments: { dueDate: string; principal: string }[]
  /** 结息日 */
  interestDueDates?: string[]
  repayments?: { date: string; amount: string }[]
  order?: Bucket[]
  /** Unpaid 罚息 and 复利 also bear 复利. */
  compoundOnPenalty?: boolean
  /** 停息日 (企业破产法 §46): nothing accrues on or after it. */
  stopDate?: string
  /**
   * 迟延履行期间的债务利息: 1.75‱ a day on the judgment's money debt (ordinary
   * interest excluded) from the day after the performance deadline.
   */
  delayedPerformance?: { deadline: string; debt: string }
}

export type StepKind = 'normal' | 'penalty' | 'compound' | 'delay'

/** One row of the step table: a run of consecutive days with the same base and rate. */
export interface TrialStep {
  kind: StepKind
  /** 计息项目 in zh-CN. */
  label: string
  from: string
  /** Last day of the run (inclusive). */
  to: string
  days: number
  base: string
  /** Annual rate as applied (incl. surcharge), or the daily rate for `delay`. */
  rate: string
  amount: string
  formula: string
}

/** What happened on an event day (转逾期, 结息, 还款分配). */
export interface TrialEvent {
  date: string
  kind: 'principalDue' | 'interestDue' | 'repayment'
  description: string
  amount: string
  allocation?: { bucket: Bucket; label: string; amount: string }[]
  unapplied?: string
}

export interface TrialResult {
  notDuePrincipal: string
  overduePrincipal: string
  accruedInterest: string
  overdueInterest: string
  penaltyInterest: string
  compoundInterest: string
  delayInterest: string
  unapplied: string
  /** Everything owed at asOf (the six buckets plus delay interest). */
  total: string
  steps: TrialStep[]
  events: TrialEvent[]
}

/** A problem with the input that validation of single fields cannot see. */
/** Input the calculator cannot use: a 422 under its field (a RuleError the handler answers). */
export class TrialInputError extends RuleError {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(422, 'validation.failed', {
      problems: [{ field, rule: 'trial', text: { zh: message, en: message } }],
    })
    this.message = message
  }
}
