/* One typed function per 债权减免 endpoint, over the shell's one HTTP client. */
import { http, type Query } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'
import { currentLocale, localize } from '@/i18n'
import type { PickerSource } from '@/components/pickers/picker_source'

const base = '/relief'
export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

export const BUCKETS = ['penalty', 'compound', 'onInterest', 'offInterest', 'principal'] as const
export type Bucket = (typeof BUCKETS)[number]
export const BUCKET_LABEL: Record<Bucket | 'cash', [string, string]> = {
  penalty: ['罚息', 'Penalty'],
  compound: ['复利', 'Compound'],
  onInterest: ['表内利息', 'On-balance interest'],
  offInterest: ['表外利息', 'Off-balance interest'],
  principal: ['本金', 'Principal'],
  cash: ['收款', 'Cash'],
}
export const bucketLabel = (b: Bucket | 'cash') => tr(...BUCKET_LABEL[b])
export type Amounts = Record<Bucket, string>

export interface Posting {
  id: number
  noticeNo: string
  kind: string
  kindLabel: string
  reversesId: number | null
  reversedBy: string | null
  amount: string
  businessDate: string
  postingState: 'pending' | 'posted' | 'failed'
  reason: string | null
  lines: { loanNo: string; bucket: Bucket | 'cash'; amount: string }[]
}

export interface Plan {
  id: number
  planNo: string
  debtorRole: 'borrower' | 'guarantor'
  customerId: number
  customerName: string | null
  guaranteeId: number | null
  guarantorName: string | null
  releasesBorrower: boolean
  planDate: string
  bucketSource: 'core' | 'trial'
  bucketDate: string
  allocationOrder: Bucket[]
  owed: string
  interestOwed: string
  relief: string
  reliefInterest: string
  reliefPrincipal: string
  payAmount: string
  paid: string
  paymentMode: 'single' | 'instalments'
  conditions: string | null
  agreementDate: string | null
  status: string
  statusReason: string | null
  committeeResolution: string | null
  loans?: { loanId: number; loanNo: string; fiveClass: string; owed: Amounts; relief: Amounts }[]
  instalments?: {
    id: number
    seq: number
    dueDate: string
    amount: string
    paid: string
    paidOn: string | null
    state: 'paid' | 'overdue' | 'due'
  }[]
  postings?: Posting[]
  events?: {
    from: string | null
    to: string
    reason: string | null
    operator: string | null
    at: string
  }[]
}

export interface PlanBody {
  debtorRole: 'borrower' | 'guarantor'
  customerId: number
  guaranteeId?: number | null
  releasesBorrower?: boolean
  planDate: string
  bucketSource: 'core' | 'trial'
  bucketDate: string
  loans: { loanId: number; relief: Amounts }[]
  payAmount: string
  paymentMode: 'single' | 'instalments'
  instalments: { dueDate: string; amount: string }[]
  conditions?: string | null
}

export const reliefApi = {
  list: (query: ListQuery, filters: { status?: string }) =>
    http.get<Paginated<Plan>>(`${base}/plans`, { ...(query as Query), ...filters }),
  show: (id: number) => http.get<Plan>(`${base}/plans/${id}`),
  create: (body: PlanBody) => http.post<Plan>(`${base}/plans`, body),
  update: (id: number, body: PlanBody) => http.put<Plan>(`${base}/plans/${id}`, body),
  submit: (id: number) =>
    http.post<Plan & { route: { to: string; rule?: string } }>(`${base}/plans/${id}/submit`, {}),
  pay: (id: number, body: { amount: string; paidOn: string }) =>
    http.post<Plan & { completed: boolean }>(`${base}/plans/${id}/payments`, body),
  reverse: (id: number, postingId: number, reason: string) =>
    http.post<Plan>(`${base}/plans/${id}/postings/${postingId}/reverse`, { reason }),
  retry: (id: number, postingId: number) =>
    http.post<Plan>(`${base}/plans/${id}/postings/${postingId}/retry`, {}),
  status: (id: number, body: { status: 'defaulted' | 'terminated'; reason: string }) =>
    http.post<Plan>(`${base}/plans/${id}/status`, body),
  buckets: (loanIds: number[], source: 'core' | 'trial', date: string) =>
    http.post<{ data: { loanId: number; loanNo: string; fiveClass: string; owed: Amounts }[] }>(
      `${base}/buckets`,
      { loanIds, source, date }
    ),
  loanOptions: (customerId: number) =>
    http.get<{
      data: { id: number; loanNo: string; balance: string; fiveClass: string; status: string }[]
      guarantors: { guaranteeId: number; loanId: number; name: string }[]
    }>(`${base}/loan-options`, { customerId }),
}

/** Customers in the user's scope for the RecordPicker. */
export const customerSource: PickerSource = async (q) => {
  const page = await http.get<Paginated<{ id: number; name: string; customerNo: string }>>(
    `${base}/customer-options`,
    { keyword: q.keyword || undefined, page: q.page, perPage: q.perPage, ids: q.ids?.join(',') }
  )
  return {
    data: page.data.map((c) => ({ value: c.id, label: c.name, hint: c.customerNo })),
    total: page.meta.total,
  }
}
