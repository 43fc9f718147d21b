/* 催收管理 and 委外清收: one typed function per endpoint, over the shell's HTTP client. */
import { http, type Query } from '@/api/http'
import { currentLocale, localize } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

interface Page<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number }
}

export interface CollectionItem {
  id: number
  itemNo: string
  customerName: string
  method: string
  dueOn: string | null
  instructions: string | null
  status: string
  sending: { status: string; attempts: number } | null
  loanNos: string[]
  createdAt: string
}

export interface CollectionRecord {
  id: number
  recordNo: string
  itemNo: string | null
  customerName: string | null
  method: string
  collectedOn: string
  collector: string
  result: string
  proof: { kind: string; docNo: string; title: string } | null
  promisedAmount: string | null
  registeredAt: string | null
}

export interface Assignment {
  id: number
  assignmentNo: string
  agencyName: string
  customerName: string
  loanNos: string[]
  periodFrom: string
  periodTo: string
  target: string
  commissionRate: string
  recovered: string
  completion: string | null
  commissionAccrued: string
  commissionPaid: string
  status: string
}

export interface Commission {
  id: number
  txnNo: string
  postedOn: string
  recovered: string
  commissionRate: string
  commission: string
  status: string
  expenseRef: string | null
}

export const collectionApi = {
  items: (query: Query) => http.get<Page<CollectionItem>>('/collection/items', query),
  startItem: (body: object) => http.post<{ id: number; itemNo: string }>('/collection/items', body),
  sync: () => http.post<{ jobId: string }>('/collection/items/sync'),
  records: (query: Query) => http.get<Page<CollectionRecord>>('/collection/records', query),
  register: (id: number, signed: boolean) =>
    http.post<{ events: unknown[] }>(`/collection/records/${id}/register`, { signed }),
  agencies: (query: Query) =>
    http.get<Page<{ id: number; name: string; status: string; commissionRate: string }>>(
      '/collection/agencies',
      query
    ),
  assignments: (query: Query) => http.get<Page<Assignment>>('/collection/assignments', query),
  createAssignment: (body: object) => http.post<{ id: number }>('/collection/assignments', body),
  attribute: (id: number) =>
    http.post<{ added: number; recovered: string; commission: string }>(
      `/collection/assignments/${id}/attribute`
    ),
  commissions: (id: number) => http.get<Commission[]>(`/collection/assignments/${id}/commissions`),
  pay: (id: number) =>
    http.post<{ expenseNo: string; amount: string }>(`/collection/assignments/${id}/pay`),
}
