/* One typed function per 时效管理 endpoint, over the shell's one HTTP client. */
import { http, type Query } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'

const base = '/disposal/limitation'

export interface LimitationAssetRow {
  loanId: number
  loanNo: string
  customerId: number
  customerName: string
  orgName: string | null
  overdueDays: number
  balance: string
  dueDate: string | null
  litigationEnd: string | null
  litigationStatus: string | null
  enforcementEnd: string | null
  enforcementStatus: string | null
  computedOn: string | null
  reviewPending: number
  /** The end date's year has no imported holiday arrangement (rolled over weekends only). */
  calendarMissing: boolean
}

export interface Period {
  key: string
  ruleCode: string
  ruleName: string
  legalBasis: string
  base: string
  end: string | null
  status: string
  trail: string[]
  subject?: string
}

export interface LimitationEventRow {
  id: number
  type: string
  typeName: string
  date: string
  endDate: string | null
  signed: boolean
  guaranteeId: number | null
  proofRef: string
  remark: string | null
  effect: string
  note: string
  legalReview: string | null
  reviewNote: string | null
  operatorName: string | null
  createdAt: string
  /** Recorded by another plugin (诉讼管理's case …); null when registered here. */
  source: { plugin: string; kind: string; id: string; label: string | null } | null
}

export interface LoanLimitation {
  loanId: number
  loanNo: string
  customerId: number
  customerName: string
  dueDate: string
  periods: Period[]
  events: LimitationEventRow[]
  warnings: string[]
  nextDeadline: { key: string; ruleName: string; end: string } | null
}

export interface NewLimitationEvent {
  eventType: string
  eventDate: string
  endDate?: string
  guaranteeId?: number
  signed?: boolean
  proofRef: string
  remark?: string
}

export interface LimitationRule {
  id: number
  code: string
  name: string
  nameEn: string
  periodYears: number | null
  periodMonths: number | null
  rollToWorkingDay: boolean
  legalBasis: string
  description: string
  enabled: boolean
  updatedAt: string
}

function clean(query: ListQuery): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value as Query[string]
  return out
}

export const limitationApi = {
  assets: (query: ListQuery) =>
    http.get<Paginated<LimitationAssetRow>>(`${base}/assets`, clean(query)),
  loan: (id: number) => http.get<LoanLimitation>(`${base}/loans/${id}`),
  addEvent: (id: number, event: NewLimitationEvent) =>
    http.post<{
      assessment: { effect: string; note: string; legalReview: boolean }
      limitation: LoanLimitation
    }>(`${base}/loans/${id}/events`, event),
  review: (eventId: number, reviewNote: string) =>
    http.post<{ id: number }>(`${base}/events/${eventId}/review`, { reviewNote }),
  rules: () => http.get<{ data: LimitationRule[] }>(`${base}/rules`),
  updateRule: (
    id: number,
    rule: Omit<LimitationRule, 'id' | 'code' | 'name' | 'nameEn' | 'updatedAt'>
  ) => http.put<LimitationRule>(`${base}/rules/${id}`, rule),
}
