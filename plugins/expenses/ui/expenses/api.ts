/* One typed function per 费用管理 endpoint, over the shell's one HTTP client. */
import { http, type Query } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'
import { currentLocale, localize } from '@/i18n'

const base = '/expenses/expenses'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

export const DICT = {
  feeKind: 'expenses_fee_kind',
  status: 'expenses_status',
  posting: 'expenses_posting_state',
} as const

export interface Expense {
  id: number
  expenseNo: string
  feeKind: string
  customerId: number
  customerNo: string
  customerName: string
  loans: { loanId: number; loanNo: string }[]
  orgId: number
  orgName: string | null
  payer: string
  payee: string
  amount: string
  expenseDate: string
  status: string
  recoverable: boolean
  paidOn: string | null
  recoveredOn: string | null
  source: {
    plugin: string
    kind: string
    id: string
    label: string | null
    link: string | null
  } | null
  workflowInstanceId: number | null
  posting: {
    state: 'none' | 'pending' | 'retrying' | 'posted' | 'failed'
    key: string | null
    postingNo: string | null
    attempts: number
    error: string | null
    sentAt: string | null
  }
  remark: string | null
  createdByName: string | null
  createdAt: string
}

export interface ExpenseBody {
  feeKind: string
  customerId: number | null
  loanIds: number[]
  payer: string
  payee: string
  amount: string
  expenseDate: string
  recoverable: boolean
  remark?: string | null
}

export interface ExpenseFilters {
  keyword?: string
  feeKind?: string
  status?: string
  expenseDateFrom?: string
  expenseDateTo?: string
}

/** The filters as query parameters (empty ones left out); the ledger export takes the same names. */
export function filterQuery(filters: ExpenseFilters): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null && String(value).trim() !== '')
      out[key] = String(value).trim()
  return out
}

export const expensesApi = {
  list: (query: ListQuery, filters: ExpenseFilters) =>
    http.get<Paginated<Expense>>(base, { ...(query as Query), ...filterQuery(filters) }),
  show: (id: number) => http.get<Expense>(`${base}/${id}`),
  create: (body: ExpenseBody) => http.post<Expense>(base, body),
  update: (id: number, body: ExpenseBody) => http.put<Expense>(`${base}/${id}`, body),
  pay: (id: number, body: { paidOn: string; remark?: string }) =>
    http.post<Expense>(`${base}/${id}/pay`, body),
  recover: (id: number, body: { recoveredOn: string; remark?: string }) =>
    http.post<Expense>(`${base}/${id}/recover`, body),
  retryPosting: (id: number) => http.post<Expense>(`${base}/${id}/posting/retry`, {}),
  settings: () => http.get<{ approvalThreshold: string }>('/expenses/settings'),
}
