/* 批量处置: one typed function per endpoint over the shell's HTTP client, and the list upload. */
import { buildUrl, http, type Query } from '@/api/http'
import { sessionHeaders } from '@/areas/identity/session'
import { downloadFile } from '@/api/download'
import type { Paginated } from '@/api/types'

const base = '/batch-disposal'

export interface Totals {
  loans: number
  households: number
  principal: string
  interest: string
}
export interface Breakdown extends Totals {
  key: string | null
}
export interface Summary extends Totals {
  investigated: { loans: number; principal: string; recoverable: string }
  byGuarantee: Breakdown[]
  byFiveClass: Breakdown[]
  byRegion: Breakdown[]
  byCustomerType: Breakdown[]
  /** 诉讼状态 (the latest case's stage, `none` without one); null without the litigation plugin. */
  byLitigation: Breakdown[] | null
}

export interface Project {
  id: number
  projectNo: string
  name: string
  mode: string
  targetSize: string
  plannedStart: string
  plannedEnd: string
  team: string
  reasons: string
  status: string
  stage: string
  createdAt: string
}
export interface ProjectDetail extends Project {
  mine: boolean
  summary: Summary
}

export interface Item {
  id: number
  loanId: number
  loanNo: string
  customerName: string
  customerType: string | null
  region: string | null
  fiveClass: string | null
  guaranteeType: string | null
  principal: string
  onBalanceInterest: string
  offBalanceInterest: string
  packageId: number | null
  investigated: boolean
  recoverable: string | null
  deliveredOn: string | null
}

export interface Package {
  id: number
  projectId: number
  packageNo: string
  name: string
  valuation: string
  reservePrice: string
  method: string
  allocation: string
  tranches: Array<{ name: string; level: string; amount: string }> | null
  servicingFeeRate: string | null
  registrationRef: string | null
  status: string
  buyer: string | null
  price: string | null
  contractNo: string | null
  contractDate: string | null
  announcementNo: string | null
  paidOn: string | null
  handoverDate: string | null
  loans?: number
  households?: number
  principal?: string
}
export interface PackageDetail extends Package {
  loans: number
  households: number
  principal: string
  bookValue: string
  recoveryRate: string | null
  summary: Summary
  refusals: string[]
  offers: Array<{ id: number; kind: string; party: string; sentOn: string; remark: string | null }>
  bids: Array<{
    id: number
    round: number
    bidder: string
    amount: string
    bidOn: string
    winner: boolean
  }>
  delivery: { total: number; done: number }
  fees: string
}

export interface Rule {
  code: string
  name: string
  modes: string[]
  value: string
  enabled: boolean
  basis: string
}

export interface RowError {
  row: number
  loanNo: string
  message: string
}

export const batchApi = {
  projects: (query: Query) => http.get<Paginated<Project>>(`${base}/projects`, query),
  project: (id: number) => http.get<ProjectDetail>(`${base}/projects/${id}`),
  createProject: (body: Record<string, unknown>) => http.post<Project>(`${base}/projects`, body),
  submitProject: (id: number) => http.post<Project>(`${base}/projects/${id}/submit`),
  rules: () => http.get<{ data: Rule[] }>(`${base}/rules`),
  updateRule: (code: string, body: { value: string; enabled: boolean }) =>
    http.put<{ data: Rule[] }>(`${base}/rules/${code}`, body),
  items: (id: number, query: Query) =>
    http.get<Paginated<Item>>(`${base}/projects/${id}/items`, query),
  summary: (id: number, packageId?: number) =>
    http.get<Summary>(`${base}/projects/${id}/summary`, { packageId }),
  addByFilter: (id: number, body: Record<string, unknown>) =>
    http.post<{ matched: number; added: number; excluded: Record<string, any> }>(
      `${base}/projects/${id}/pool/filter`,
      body
    ),
  remove: (id: number, itemIds: number[]) =>
    http.post<{ removed: number }>(`${base}/projects/${id}/pool/remove`, { itemIds }),
  template: () => downloadFile(`${base}/pool/template`, '资产池导入模板.xlsx'),
  /** 公告 / 债权转让通知书 as PDF, part by part (the server says how many parts). */
  document: (packageId: number, kind: 'announcement' | 'notices', name: string, part = 1) =>
    downloadFile(`${base}/packages/${packageId}/${kind}.pdf`, `${name}-${part}.pdf`, { part }),
  /** 我的查询 over the 风险资产 dataset (the pool may be built from one). */
  savedQueries: () =>
    http.get<{ data: Array<{ id: number; name: string }> }>('/api/query/saved', {
      dataset: 'credit-assets:risk-assets',
    }),
  dd: (id: number, itemId: number) =>
    http.get<{ item: Item; dueDiligence: Record<string, any> | null }>(
      `${base}/projects/${id}/items/${itemId}/dd`
    ),
  registerDd: (id: number, itemId: number, body: Record<string, unknown>) =>
    http.put(`${base}/projects/${id}/items/${itemId}/dd`, body),
  progress: (id: number) =>
    http.get<{
      loans: number
      investigated: number
      coverage: string
      required: string | null
      byInvestigator: Array<{ userId: number; name: string; loans: number; principal: string }>
    }>(`${base}/projects/${id}/dd-progress`),
  packages: (id: number) => http.get<{ data: Package[] }>(`${base}/projects/${id}/packages`),
  createPackage: (id: number, body: Record<string, unknown>) =>
    http.post<Package>(`${base}/projects/${id}/packages`, body),
  package: (id: number) => http.get<PackageDetail>(`${base}/packages/${id}`),
  deletePackage: (id: number) => http.delete(`${base}/packages/${id}`),
  submitPackage: (id: number) => http.post<Package>(`${base}/packages/${id}/submit`),
  offer: (id: number, body: Record<string, unknown>) =>
    http.post(`${base}/packages/${id}/offers`, body),
  bids: (id: number, body: Record<string, unknown>) =>
    http.post(`${base}/packages/${id}/bids`, body),
  award: (id: number, round: number) =>
    http.post<{ buyer: string; price: string }>(`${base}/packages/${id}/award`, { round }),
  contract: (id: number, body: Record<string, unknown>) =>
    http.post(`${base}/packages/${id}/contract`, body),
  payment: (id: number, body: Record<string, unknown>) =>
    http.post(`${base}/packages/${id}/payment`, body),
  delivery: (id: number, body: Record<string, unknown>) =>
    http.post<Package & { jobId: number | null }>(`${base}/packages/${id}/delivery`, body),
  notices: (id: number, page = 1) =>
    http.get<{
      data: any[]
      meta: { total: number; unserved: number; page: number; perPage: number }
    }>(`${base}/packages/${id}/notices`, { page }),
  serve: (id: number, body: Record<string, unknown>) =>
    http.post<{ served: number }>(`${base}/packages/${id}/notices/serve`, body),
  fees: (id: number) => http.get<{ data: any[] }>(`${base}/packages/${id}/fees`),
  addFee: (id: number, body: Record<string, unknown>) =>
    http.post(`${base}/packages/${id}/fees`, body),
  postings: (id: number, query: Query) =>
    http.get<Paginated<any> & { byStatus: Record<string, number> }>(
      `${base}/packages/${id}/postings`,
      query
    ),
  retry: (id: number, postingId: number) =>
    http.post(`${base}/packages/${id}/postings/${postingId}/retry`),
}

/** 名单导入 (multipart; the JSON client cannot send files): the result, or the row errors. */
export async function importList(projectId: number, file: File) {
  const form = new FormData()
  form.append('file', file)
  const response = await fetch(buildUrl(`${base}/projects/${projectId}/pool/import`), {
    method: 'POST',
    headers: sessionHeaders(),
    body: form,
  })
  const body = await response.json().catch(() => ({}))
  if (response.ok) return { ok: true as const, added: Number(body.added), rows: Number(body.rows) }
  return {
    ok: false as const,
    message: String(body.message ?? response.statusText),
    rowErrors: (body.rowErrors ?? []) as RowError[],
  }
}
