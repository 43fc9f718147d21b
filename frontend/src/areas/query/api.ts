/* 综合查询 and 自主配置报表 endpoints: one typed function per endpoint, plus the export download. */
import { http } from '@/api/http'
import { downloadFile } from '@/api/download'
import type { Localized } from '@/i18n'

export type FieldType = 'string' | 'amount' | 'date' | 'number' | 'dict'
export type Operator =
  'eq' | 'ne' | 'in' | 'between' | 'gte' | 'lte' | 'like' | 'empty' | 'notEmpty'

export interface CatalogueField {
  id: string
  label: Localized
  type: FieldType
  dictionary: string | null
  category: string | null
  groupable: boolean
}

export interface CatalogueDataset {
  id: string
  name: Localized
  description: Localized | null
  asOf: boolean
  defaultFields: string[]
  categories: { id: string; name: Localized }[]
  fields: CatalogueField[]
}

export interface QueryCondition {
  field: string
  op: Operator
  value?: string
  values?: string[]
}
export interface QueryGroup {
  logic: 'and' | 'or'
  items: (QueryCondition | QueryGroup)[]
}

/** What the server runs: ids and values only. */
export interface QuerySpec {
  dataset: string
  fields: string[]
  where?: QueryGroup
  sort?: { field: string; order: 'asc' | 'desc' }[]
  groupBy?: string[]
  sums?: string[]
  asOf?: string
}

export interface ResultColumn {
  key: string
  label: Localized
  type: FieldType | 'count'
  dictionary: string | null
}

export interface QueryResult {
  columns: ResultColumn[]
  data: Record<string, unknown>[]
  /** null when asked for rows only (paging a result already counted). */
  totals: Record<string, unknown> | null
  meta: { total: number | null; page: number; perPage: number; grouped: boolean }
}

export interface SavedQuery {
  id: number
  name: string
  description: string | null
  dataset: string
  visibility: 'private' | 'role'
  roleId: number | null
  roleName: string | null
  mine: boolean
  query: QuerySpec
  updatedAt: string
}

export interface SavedQueryInput {
  name: string
  description?: string | null
  visibility: 'private' | 'role'
  roleId?: number | null
  query: QuerySpec
}

export interface ReportLayout {
  columns: string[]
  headers?: { label: Localized; keys: string[] }[]
  totals: boolean
}

export interface ReportSummary {
  id: number
  title: Localized
  dataset: string
  menuCode: string
  parentMenuCode: string | null
  path: string
  publisher: string | null
  createdAt: string
}

export interface ReportView {
  id: number
  title: Localized
  layout: ReportLayout
  asOf: string | null
  asOfSupported: boolean
  grouped: boolean
}

export interface ExportResult {
  token: string
  fileName: string
  rows: number
  truncated: boolean
}

const BASE = '/query'

export const fetchCatalogue = () => http.get<{ datasets: CatalogueDataset[] }>(`${BASE}/catalogue`)
export const runQuery = (query: QuerySpec, page: number, perPage: number, count = true) =>
  http.post<QueryResult>(`${BASE}/run`, { query, page, perPage, count })
export const startQueryExport = (query: QuerySpec) =>
  http.post<{ jobId: string }>(`${BASE}/export`, { query })

export const listSavedQueries = (dataset?: string) =>
  http.get<{ data: SavedQuery[] }>(`${BASE}/saved`, { dataset })
export const createSavedQuery = (input: SavedQueryInput) =>
  http.post<SavedQuery>(`${BASE}/saved`, input)
export const updateSavedQuery = (id: number, input: SavedQueryInput) =>
  http.put<SavedQuery>(`${BASE}/saved/${id}`, input)
export const deleteSavedQuery = (id: number) => http.delete(`${BASE}/saved/${id}`)
export const fetchShareRoles = () =>
  http.get<{ id: number; code: string; name: string }[]>(`${BASE}/share-roles`)

export const listReports = () => http.get<{ data: ReportSummary[] }>(`${BASE}/reports`)
export const fetchReportParents = () =>
  http.get<{ code: string; parentCode: string | null; name: Localized }[]>(
    `${BASE}/reports/parent-options`
  )
export const publishReport = (input: {
  queryId?: number | null
  title: Localized
  parentMenuCode?: string | null
  query: QuerySpec
  layout: ReportLayout
}) => http.post<{ id: number; menuCode: string; path: string }>(`${BASE}/reports`, input)
export const withdrawReport = (id: number) => http.delete(`${BASE}/reports/${id}`)
export const fetchReport = (id: number) => http.get<ReportView>(`${BASE}/reports/${id}`)
export const runReport = (
  id: number,
  page: number,
  perPage: number,
  asOf?: string | null,
  count = true
) =>
  http.post<QueryResult>(`${BASE}/reports/${id}/run`, {
    page,
    perPage,
    count,
    ...(asOf ? { asOf } : {}),
  })
export const startReportExport = (id: number, asOf?: string | null) =>
  http.post<{ jobId: string }>(`${BASE}/reports/${id}/export`, asOf ? { asOf } : {})

/** Saves a finished export, with the session cookie. */
export const downloadQueryExport = (jobId: string, result: ExportResult): Promise<void> =>
  downloadFile(`/exports/${encodeURIComponent(jobId)}/download`, result.fileName, {
    token: result.token,
  })
