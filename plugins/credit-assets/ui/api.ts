/* One typed function per credit-assets endpoint, over the shell's one HTTP client. */
import { http, type Query } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'

const base = '/credit-assets'

export interface LoanRow {
  id: number
  loanId: number
  loanNo: string
  customerId: number
  customerName: string
  customerType: string
  product: string
  orgId: number
  orgName: string | null
  currency: string
  amount: string
  balance: string
  overdueDays: number
  fiveClass: string
  floorClass: string | null
  status: string | null
  enteredOn: string | null
  businessDate: string | null
}

export interface OrgOption {
  id: number
  code: string
  name: string
  parentId: number | null
}

export interface TimelineEvent {
  id: number
  eventType: string
  businessDate: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  operatorId: number | null
}

/** Drops empty filters so the server sees only what the user chose. */
function clean(query: ListQuery): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value
  return out
}

export const creditAssetsApi = {
  riskAssets: (query: ListQuery) =>
    http.get<Paginated<LoanRow> & { meta: { floorFlagDate: string | null } }>(
      `${base}/risk-assets`,
      clean(query)
    ),
  floorAlerts: (query: ListQuery) =>
    http.get<Paginated<LoanRow> & { meta: { businessDate: string | null } }>(
      `${base}/floor-alerts`,
      clean(query)
    ),
  orgOptions: (from: 'risk-assets' | 'floor-alerts') =>
    http.get<OrgOption[]>(`${base}/${from}/org-options`),
  loan: (id: number) => http.get<Record<string, any>>(`${base}/loans/${id}`),
  timeline: (id: number) =>
    http.get<Paginated<TimelineEvent>>(`${base}/loans/${id}/timeline`, { perPage: 100 }),
  reclassify: (id: number, fiveClass: string, reason: string) =>
    http.post<{ changed: boolean }>(`${base}/loans/${id}/classification`, { fiveClass, reason }),
  /** The clear 证件号码 of one customer: needs credit-assets:customer:unmask; the server audits it. */
  unmaskCustomer: (id: number) =>
    http.post<{ id: number; idNo: string }>(`${base}/customers/${id}/unmask`, {}),
}

/** Flat org list → el-tree-select data. */
export function orgTree(rows: OrgOption[]) {
  type Node = { value: number; label: string; children: Node[] }
  const nodes = new Map<number, Node>(
    rows.map((r) => [r.id, { value: r.id, label: r.name, children: [] }])
  )
  const roots: Node[] = []
  for (const r of rows) {
    const parent = r.parentId ? nodes.get(r.parentId) : undefined
    ;(parent ? parent.children : roots).push(nodes.get(r.id)!)
  }
  return roots
}
