/* One typed function per 抵债资产 endpoint, over the shell's one HTTP client. */
import { http, type Query } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'
import type { PickerSource } from '@/components/pickers/picker_source'
import { currentLocale, localize } from '@/i18n'

const base = '/foreclosed-assets'

export const tr = (zh: string, en: string) => localize({ zh, en }, currentLocale.value)

export const DICT = {
  assetClass: 'foreclosed_assets_class',
  status: 'foreclosed_assets_status',
  valueKind: 'foreclosed_assets_value_kind',
  businessLine: 'foreclosed_assets_business_line',
  condition: 'foreclosed_assets_condition',
  occupancy: 'foreclosed_assets_occupancy',
  damage: 'foreclosed_assets_damage',
  rentPeriod: 'foreclosed_assets_rent_period',
  leaseStatus: 'foreclosed_assets_lease_status',
  entryKind: 'foreclosed_assets_entry_kind',
  direction: 'foreclosed_assets_direction',
  disposalKind: 'foreclosed_assets_disposal_kind',
  disposalStatus: 'foreclosed_assets_disposal_status',
  saleMethod: 'foreclosed_assets_sale_method',
  postingKind: 'foreclosed_assets_posting_kind',
} as const

export interface Asset {
  id: number
  assetNo: string
  customerId: number
  customerNo: string | null
  customerName: string | null
  orgId: number
  orgName: string | null
  custodianOrgId: number
  custodianOrgName: string | null
  managerId: number | null
  managerName: string | null
  businessLine: string | null
  region: string | null
  assetClass: string
  name: string
  location: string | null
  certificates: string | null
  acquiredOn: string
  disposalDeadline: string
  bookValue: string
  appraisedValue: string
  currentValue: string
  status: string
  disposalKind: string | null
  disposedOn: string | null
  nextCheckDue: string | null
  disposalOverdue: boolean
  daysToDeadline: number | null
  checkOverdue: boolean
}

export interface AssetDetail extends Asset {
  loans: { id: number; loanNo: string }[]
  values: { valuedOn: string; value: string; kind: string; note: string | null }[]
  reconciliations: {
    id: number
    checkedOn: string
    bookValue: string
    physicalState: string
    matches: boolean
    difference: string | null
    byName: string | null
  }[]
}

export interface Photo {
  id: number
  fileName: string
  status: 'queued' | 'filed'
  docNo: string | null
  delivery: string | null
}

export interface Check {
  id: number
  assetId: number
  assetNo: string
  assetName: string
  checkedOn: string
  condition: string
  occupancy: string
  damage: string
  valueBefore: string
  valueFound: string | null
  findings: string | null
  nextDue: string
  checkerName: string | null
  photos: Photo[]
}

export interface Lease {
  id: number
  assetId: number
  assetNo: string
  assetName: string
  tenant: string
  tenantContact: string | null
  rent: string
  rentPeriod: string
  startOn: string
  endOn: string
  nextRentDue: string | null
  rentOverdue: boolean
  status: string
  endedOn: string | null
  rentReceived: string
}

export interface Entry {
  id: number
  assetId: number
  assetNo: string
  assetName: string
  leaseId: number | null
  direction: string
  kind: string
  amount: string
  entryDate: string
  expenseId: number | null
  remark: string | null
  byName: string | null
}

export interface Posting {
  id: number
  kind: string
  amount: string
  idempotencyKey: string
  status: 'pending' | 'sent' | 'dead'
  attempts: number
  reason: string | null
}

export interface Disposal {
  id: number
  disposalNo: string
  assetId: number
  assetNo: string
  assetName: string
  kind: string
  status: string
  method: string | null
  buyer: string | null
  amount: string
  bookValue: string
  loss: string
  reason: string
  evidence: string | null
  appliedOn: string
  completedOn: string | null
  resolutionNo: string | null
  applicantName: string | null
  postings?: Posting[]
}

export type EditMode = 'basic' | 'appraisal' | 'reconciliation'

export interface ClassRule {
  assetClass: string
  disposalMonths: number
  reminderOffsets: number[]
  checkIntervalMonths: number
  basis: string
}

export interface ManagerSummary {
  managerId: number | null
  managerName: string | null
  assets: number
  openAssets: number
  leased: number
  openBookFen: string
}

/** Only the filled filters, as query parameters. */
export function filled(filters: Record<string, unknown>): Query {
  const out: Query = {}
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null && String(value).trim() !== '')
      out[key] = typeof value === 'boolean' ? value : String(value).trim()
  return out
}

const list =
  <T>(path: string) =>
  (query: ListQuery, filters: Record<string, unknown> = {}) =>
    http.get<Paginated<T>>(`${base}${path}`, { ...(query as Query), ...filled(filters) })

export const faApi = {
  assets: list<Asset>('/assets'),
  asset: (id: number) => http.get<AssetDetail>(`${base}/assets/${id}`),
  updateAsset: (id: number, body: Record<string, unknown>) =>
    http.put<AssetDetail>(`${base}/assets/${id}`, body),
  appraise: (id: number, body: Record<string, unknown>) =>
    http.post<AssetDetail>(`${base}/assets/${id}/appraisals`, body),
  reconcile: (id: number, body: Record<string, unknown>) =>
    http.post<{ id: number }>(`${base}/assets/${id}/reconciliations`, body),
  distribute: (body: Record<string, unknown>) =>
    http.post<{ distributed: number }>(`${base}/distribution`, body),
  summary: () => http.get<{ data: ManagerSummary[] }>(`${base}/distribution/summary`),
  checks: list<Check>('/checks'),
  recordCheck: (assetId: number, body: Record<string, unknown>) =>
    http.post<{ id: number; nextDue: string }>(`${base}/assets/${assetId}/checks`, body),
  uploadPhoto: (checkId: number, body: { fileName: string; content: string }) =>
    http.post<{ id: number; status: string }>(`${base}/checks/${checkId}/photos`, body),
  photoUrl: (id: number) => `/api${base}/photos/${id}`,
  leases: list<Lease>('/leases'),
  createLease: (assetId: number, body: Record<string, unknown>) =>
    http.post<{ id: number }>(`${base}/assets/${assetId}/leases`, body),
  endLease: (id: number, endedOn: string) =>
    http.post<{ ok: true }>(`${base}/leases/${id}/end`, { endedOn }),
  entries: list<Entry>('/entries'),
  registerEntry: (assetId: number, body: Record<string, unknown>) =>
    http.post<{ id: number; expenseNo: string | null }>(`${base}/assets/${assetId}/entries`, body),
  disposals: list<Disposal>('/disposals'),
  disposal: (id: number) => http.get<Disposal>(`${base}/disposals/${id}`),
  applyDisposal: (body: Record<string, unknown>) => http.post<Disposal>(`${base}/disposals`, body),
  retryPosting: (id: number, postingId: number) =>
    http.post<Disposal>(`${base}/disposals/${id}/postings/${postingId}/retry`, {}),
  rules: () => http.get<{ data: ClassRule[] }>(`${base}/rules`),
  updateRule: (assetClass: string, body: Omit<ClassRule, 'assetClass'>) =>
    http.put<{ data: ClassRule[] }>(`${base}/rules/${assetClass}`, body),
}

/** The asset picker (open assets in the user's scope; `status: 'all'` for filters). */
export const assetSource =
  (status: 'open' | 'held' | 'all' = 'open'): PickerSource =>
  (query) =>
    http.get(`${base}/pickers/assets`, {
      keyword: query.keyword || undefined,
      page: query.page,
      perPage: query.perPage,
      ids: query.ids?.length ? query.ids.join(',') : undefined,
      status,
    })

/** A file read as base64 (the photo upload body). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/** The people the asset may be distributed to (permission and scope checked by the server). */
export const managerSource =
  (assetId: number): PickerSource =>
  (query) =>
    http.get(`${base}/assets/${assetId}/managers`, {
      keyword: query.keyword || undefined,
      ids: query.ids?.length ? query.ids.join(',') : undefined,
    })
