/*
| 时效管理 — shapes shared by the calculator, the service and the API.
*/

/** The rule codes the calculator knows; rows of disposal_limitation_rules carry their parameters. */
export const RULE_CODES = [
  'litigation',
  'suspension',
  'outer_limit',
  'waiver',
  'guarantee',
  'enforcement',
  'mortgage',
] as const
export type RuleCode = (typeof RULE_CODES)[number]

export interface LimitationRule {
  code: RuleCode
  name: string
  nameEn: string
  periodYears: number | null
  periodMonths: number | null
  rollToWorkingDay: boolean
  legalBasis: string
  description: string
  enabled: boolean
}
export type RuleSet = Record<RuleCode, LimitationRule>

export const EVENT_TYPES = [
  'collection',
  'acknowledgement',
  'lawsuit',
  'arbitration',
  'suspension',
  'judgment',
  'enforcement_application',
  'guarantor_claim',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const EVENT_NAMES: Record<EventType, string> = {
  collection: '催收',
  acknowledgement: '债务人承认',
  lawsuit: '起诉',
  arbitration: '申请仲裁',
  suspension: '中止事由',
  judgment: '判决/裁决生效',
  enforcement_application: '申请执行',
  guarantor_claim: '向保证人主张权利',
}

/** §195: what interrupts the 诉讼时效 (a 催收 only with proof, which registration requires). */
export const INTERRUPTING: ReadonlySet<EventType> = new Set([
  'collection',
  'acknowledgement',
  'lawsuit',
  'arbitration',
])

export interface LimitationEvent {
  id: number
  type: EventType
  date: string
  /** suspension: obstacle ended (null = still there); judgment: last day of performance. */
  endDate: string | null
  signed: boolean
  guaranteeId: number | null
  proofRef: string
}

export interface Guarantee {
  id: number
  /** ca_guarantees.guarantee_type: guaranty 保证, mortgage 抵押, pledge 质押 … */
  type: string
  name: string
}

export interface LimitationCase {
  /** Due date of the last instalment, or of the loan (§189). */
  dueDate: string
  guarantees: Guarantee[]
  events: LimitationEvent[]
}

export type PeriodStatus = 'running' | 'expired' | 'suspended' | 'closed' | 'exercised'
export type EventEffect = 'interrupt' | 'suspend' | 'waiver' | 'judgment' | 'claim' | 'none'

export interface Period {
  /** litigation, outer_limit, enforcement, guarantee:<id>, mortgage:<id> */
  key: string
  ruleCode: RuleCode
  ruleName: string
  legalBasis: string
  /** The date the current period runs from (due date, or the last interruption). */
  base: string
  /** Last day (after the §203 roll when the rule says so); null while suspended with the obstacle open. */
  end: string | null
  status: PeriodStatus
  /** How the dates came about, step by step (zh-CN), for the clerk and the legal reviewer. */
  trail: string[]
  subject?: string
}

export interface EventAssessment {
  eventId: number
  effect: EventEffect
  note: string
  /** A post-expiry signature: a waiver, to be checked by the legal department. */
  legalReview: boolean
}

export interface LimitationOutcome {
  periods: Period[]
  events: EventAssessment[]
  warnings: string[]
}
