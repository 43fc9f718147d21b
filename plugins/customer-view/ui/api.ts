/* One typed function per customer-view endpoint, over the shell's one HTTP client. */
import { http, request, type Query } from '@/api/http'
import { downloadFile } from '@/api/download'
import type { ListQuery, Paginated } from '@/api/types'

const base = '/customer-view'

export interface CustomerRow {
  id: number
  customerNo: string
  name: string
  customerType: string
  idType: string
  idNo: string
  orgId: number
  orgName: string | null
  groupName: string | null
  industry: string | null
  loanCount: number
  balance: string
  worstClass: string | null
  tags: string[]
}

export interface Exposure {
  loanCount: number
  contractAmount: string
  loanBalance: string
  overduePrincipal: string
  onBalanceInterest: string
  offBalanceInterest: string
  penaltyAndCompound: string
  totalExposure: string
  riskAssetCount: number
  riskAssetBalance: string
}

export interface TrendPoint {
  id: number
  loanId: number
  loanNo: string
  fromClass: string | null
  toClass: string
  changedOn: string
  reason: string | null
}

export interface TimelineEvent {
  id: number
  loanId: number | null
  loanNo: string | null
  eventType: string
  businessDate: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  operatorName: string | null
}

export interface CustomerTag {
  tag: string
  createdByName: string | null
  createdAt: string
}

export interface Portrait {
  customer: Record<string, any> & { id: number; customerNo: string; name: string }
  exposure: Exposure
  loans: Array<Record<string, any>>
  classificationTrend: TrendPoint[]
  timeline: TimelineEvent[]
  tags: CustomerTag[]
}

export type PanelName = 'alerts' | 'graph' | 'collections' | 'creditLines'
export interface PanelResult<T = any> {
  panel: PanelName
  status: 'ok' | 'unavailable'
  data?: T
  message?: string
}

export interface OrgOption {
  id: number
  code: string
  name: string
  parentId: number | null
}

function clean(query: ListQuery): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value
  return out
}

export const customerViewApi = {
  search: (query: ListQuery) => http.get<Paginated<CustomerRow>>(`${base}/customers`, clean(query)),
  orgOptions: () => http.get<OrgOption[]>(`${base}/org-options`),
  portrait: (id: number) => http.get<Portrait>(`${base}/customers/${id}`),
  /** Always resolves for a down system (status 'unavailable'); silent so a 5xx shows in the card, not a toast. */
  panel: <T = any>(id: number, panel: PanelName) =>
    request<PanelResult<T>>('GET', `${base}/customers/${id}/panels/${panel}`, { silent: true }),
  addTag: (id: number, tag: string) =>
    http.post<{ tags: CustomerTag[] }>(`${base}/customers/${id}/tags`, { tag }),
  removeTag: (id: number, tag: string) =>
    http.delete<{ tags: CustomerTag[] }>(`${base}/customers/${id}/tags/${encodeURIComponent(tag)}`),
}

/** Saves the loans export, with the session cookie. */
export const downloadLoans = (id: number, fileName: string): Promise<void> =>
  downloadFile(`${base}/customers/${id}/loans-export`, fileName)

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
