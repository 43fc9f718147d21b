/* 诉前方案申报: one typed function per endpoint over the shell's HTTP client. */
import { http, type Query } from '@/api/http'
import type { Paginated } from '@/api/types'

const base = '/litigation'

export interface SourceInfo {
  code: string
  zh: string
  en: string
}

export interface FactStatus {
  source: SourceInfo
  status: 'ok' | 'unavailable'
  fetchedAt: string
  message?: string
}

export interface CollectionRecord {
  date: string
  method: string
  collector: string
  result: string
  promisedAmount: string | null
}

export interface PlanFacts {
  applicationDate: string
  figures: FactStatus
  loans: Array<{
    loanId: number
    loanNo: string
    principal: string
    interest: string
    source: 'core-banking' | 'book'
    asOf: string
  }>
  principal: string
  interest: string
  total: string
  collections: FactStatus & { data?: CollectionRecord[] }
}

export interface DisposalPlanOption {
  id: number
  planNo: string
  method: string
  principal: string
  interest: string
  expectedRecovery: string
  approvedOn: string
  loanNos: string[]
}

export interface LitPlanRow {
  id: number
  planNo: string
  customerId: number
  customerNo: string
  customerName: string
  orgName: string | null
  createdBy: number
  applicantName: string | null
  caseType: string
  judicialMethod: string
  bankRole: string
  businessSegment: string
  applicationDate: string
  claimPrincipal: string
  claimInterest: string
  claimTotal: string
  figuresSource: string
  cause: string
  status: string
  workflowInstanceId: number | null
  submittedAt: string | null
  decidedAt: string | null
  createdAt: string | null
}

export interface LitPlanDetail extends LitPlanRow {
  applicationReason: string
  amountReason: string | null
  systemPrincipal: string
  systemInterest: string
  disposalPlanId: number | null
  disposalPlanNo: string | null
  figures: FactStatus | null
  collections: Partial<FactStatus> & { data?: CollectionRecord[] }
  loans: Array<{
    loanId: number
    loanNo: string
    principal: string
    interest: string
    figuresSource: string
  }>
  timeline: Array<{
    id: number
    eventType: string
    fromStatus: string | null
    toStatus: string
    actorName: string | null
    comment: string | null
    createdAt: string | null
  }>
}

export interface LitPlanInput {
  customerId: number
  loanIds: number[]
  caseType: string
  judicialMethod: string
  bankRole: string
  businessSegment: string
  claimPrincipal?: string
  claimInterest?: string
  amountReason?: string
  cause: string
  applicationReason: string
  disposalPlanId?: number
}

function clean(query: Record<string, unknown>): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value as any
  return out
}

export const litPlansApi = {
  list: (query: Record<string, unknown>) =>
    http.get<Paginated<LitPlanRow>>(`${base}/plans`, clean(query)),
  show: (id: number) => http.get<LitPlanDetail>(`${base}/plans/${id}`),
  create: (input: LitPlanInput) => http.post<LitPlanDetail>(`${base}/plans`, input),
  update: (id: number, input: LitPlanInput) =>
    http.put<LitPlanDetail>(`${base}/plans/${id}`, input),
  remove: (id: number) => http.delete<void>(`${base}/plans/${id}`),
  submit: (id: number) =>
    http.post<LitPlanDetail & { instanceId: number }>(`${base}/plans/${id}/submit`),
  facts: (customerId: number, loanIds: number[], signal?: AbortSignal) =>
    http.get<PlanFacts>(
      `${base}/plan-facts`,
      { customerId, loanIds: loanIds.join(',') },
      { signal }
    ),
  disposalPlans: (customerId: number) =>
    http.get<{ data: DisposalPlanOption[] }>(`${base}/plan-disposal-plans`, { customerId }),
}

/** The collection method's label (智能催收's codes). */
export const COLLECTION_METHODS: Record<string, { zh: string; en: string }> = {
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: '上门', en: 'Visit' },
  letter: { zh: '信函', en: 'Letter' },
  sms: { zh: '短信', en: 'SMS' },
  lawyer_letter: { zh: '律师函', en: 'Lawyer letter' },
}

export const EDITABLE_STATUSES = ['draft', 'returned', 'withdrawn']
