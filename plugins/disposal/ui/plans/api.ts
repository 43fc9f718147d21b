/* 处置预案: one typed function per endpoint over the shell's HTTP client, and the PDF fetch. */
import { ElMessage } from 'element-plus'
import { ApiError, http, type Query } from '@/api/http'
import { openFile } from '@/api/download'
import type { Paginated } from '@/api/types'

const base = '/disposal'

export interface SectionSource {
  code: string
  zh: string
  en: string
}

/** One block of real-time facts on the form: where from, when, or why not. */
export interface PrefillSection {
  section: 'principal' | 'creditLines' | 'litigation' | 'assetChanges' | 'related'
  source: SectionSource
  status: 'ok' | 'unavailable'
  fetchedAt: string
  data?: any
  message?: string
}

export interface PlanCustomer {
  id: number
  customerNo: string
  name: string
  customerType: string
  orgName: string | null
}

export interface PlanLoanOption {
  id: number
  loanNo: string
  product: string
  fiveClass: string
  overdueDays: number
  maturityDate: string | null
  balance: string
  interest: string
  pendingPlanNo: string | null
  /** Another disposal holding the loan (`核销方案 HXFA…`): not selectable. */
  heldBy: string | null
}

export interface PlanRow {
  id: number
  planNo: string
  customerId: number
  customerNo: string
  customerName: string
  orgId: number
  orgName: string | null
  createdBy: number
  applicantName: string | null
  method: string
  principal: string
  interest: string
  claimTotal: string
  expectedRecovery: string
  status: string
  workflowInstanceId: number | null
  submittedAt: string | null
  decidedAt: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface PlanDetail extends PlanRow {
  reasons: string
  loans: Array<{
    loanId: number
    loanNo: string
    principal: string
    interest: string
    fiveClass: string
    overdueDays: number
    figuresSource: 'core-banking' | 'book'
  }>
  sections: PrefillSection[]
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

export interface PlanInput {
  customerId: number
  loanIds: number[]
  method: string
  expectedRecovery: string
  reasons: string
}

function clean(query: Record<string, unknown>): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value as any
  return out
}

export const plansApi = {
  list: (query: Record<string, unknown>) =>
    http.get<Paginated<PlanRow>>(`${base}/plans`, clean(query)),
  show: (id: number) => http.get<PlanDetail>(`${base}/plans/${id}`),
  create: (input: PlanInput) => http.post<PlanDetail>(`${base}/plans`, input),
  update: (id: number, input: PlanInput) => http.put<PlanDetail>(`${base}/plans/${id}`, input),
  submit: (id: number) =>
    http.post<PlanDetail & { instanceId: number }>(`${base}/plans/${id}/submit`),
  startExport: (query: Record<string, unknown>) =>
    http.post<{ jobId: string }>(`${base}/plans-export`, clean(query)),
  customers: (keyword: string) =>
    http.get<{ data: PlanCustomer[] }>(`${base}/plan-customers`, clean({ keyword })),
  loans: (customerId: number) =>
    http.get<{ customer: PlanCustomer; loans: PlanLoanOption[] }>(
      `${base}/plan-customers/${customerId}/loans`
    ),
  prefill: (customerId: number, loanIds: number[], signal?: AbortSignal) =>
    http.get<{ sections: PrefillSection[] }>(
      `${base}/plan-prefill`,
      { customerId, loanIds: loanIds.join(',') },
      { signal }
    ),
  orgOptions: () =>
    http.get<Array<{ id: number; code: string; name: string; parentId: number | null }>>(
      `${base}/plan-org-options`
    ),
  reportCustomers: (keyword: string) =>
    http.get<{ data: PlanCustomer[] }>(`${base}/judicial-report/customers`, clean({ keyword })),
  report: (customerId: number) => http.get<any>(`${base}/judicial-report/${customerId}`),
}

/**
 * A plan PDF saved or opened in a new tab (the shell's openFile); a refusal
 * shows the server's message.
 */
export async function openPdf(path: string, fileName: string, mode: 'download' | 'view') {
  try {
    await openFile(`${base}${path}`, fileName, mode)
  } catch (error) {
    ElMessage.error((error as Error).message)
    throw new ApiError((error as Error).message, (error as ApiError).status ?? 0, null, true)
  }
}

/** The section's title on the form and the detail page. */
export const SECTION_TITLES: Record<PrefillSection['section'], { zh: string; en: string }> = {
  principal: { zh: '本金利息（实时）', en: 'Principal and interest (live)' },
  creditLines: { zh: '授信情况（含他行）', en: 'Credit lines (incl. other banks)' },
  litigation: { zh: '涉诉及被执行信息', en: 'Litigation and enforcement' },
  assetChanges: { zh: '资产及股权变动', en: 'Asset and equity changes' },
  related: { zh: '关联借款及关联客户', en: 'Related loans and customers' },
}
