/* One typed function per non-credit endpoint, over the shell's one HTTP client. */
import { http } from '@/api/http'
import { currentLocale, localize } from '@/i18n'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)
export const DICT = {
  type: 'non_credit_asset_type',
  subType: 'non_credit_sub_type',
  fiveClass: 'credit_assets_five_class',
  status: 'non_credit_change_status',
  source: 'non_credit_change_source',
}

export interface NonCreditAsset {
  id: number
  sourceId: string
  assetNo: string
  assetType: string
  subType: string
  assetName: string
  counterparty: string
  customerId: number | null
  customerNo: string | null
  principal: string
  bookValue: string
  accruedInterest: string
  provision: string
  fiveClass: string
  fedClass: string
  overdueDays: number
  startDate: string
  maturityDate: string | null
  orgId: number
  orgName: string | null
  managerId: number | null
  managerName: string | null
  lastFedOn: string
  pendingChangeId: number | null
}

export interface ClassChange {
  id: number
  assetId: number
  fromClass: string
  toClass: string
  source: string
  status: string
  reason: string | null
  workflowInstanceId: number | null
  effectiveOn: string | null
  appliedBy: string | null
  createdAt: string
}

export interface AssetQuery {
  page: number
  perPage: number
  keyword?: string
  assetType?: string
  subType?: string
  fiveClass?: string
  orgId?: number
  overdueMin?: number
  sort?: string
  order?: 'asc' | 'desc'
}

type Page<T> = { data: T[]; meta: { total: number; page: number; perPage: number } }
const clean = (q: object) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== ''))

export const nonCreditApi = {
  list: (query: AssetQuery) => http.get<Page<NonCreditAsset>>('/non-credit/assets', clean(query)),
  show: (id: number) => http.get<NonCreditAsset>(`/non-credit/assets/${id}`),
  history: (id: number) => http.get<{ data: ClassChange[] }>(`/non-credit/assets/${id}/history`),
  change: (id: number) => http.get<ClassChange>(`/non-credit/changes/${id}`),
  classify: (id: number, body: { toClass: string; reason: string }) =>
    http.post<{ changeId: number; workflowInstanceId: number }>(
      `/non-credit/assets/${id}/classification`,
      body
    ),
  sync: (businessDate?: string) =>
    http.post<{ jobId: string }>('/non-credit/sync', businessDate ? { businessDate } : {}),
  ofCustomer: (customerId: number) =>
    http.get<{ data: NonCreditAsset[]; totals: Record<string, string> }>(
      `/non-credit/customers/${customerId}/assets`
    ),
}
