/* 台账 endpoints (/api/ledgers/<id>/…) and the generic export download (/api/exports/…). */
import { http, type Query } from '@/api/http'
import { downloadFile } from '@/api/download'
import type { Localized } from '@/i18n'
import type { PageMeta } from '@/api/types'

export type LedgerColumnType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'dict'
export type LedgerFilterType = 'eq' | 'keyword' | 'org' | 'dateRange' | 'numberRange' | 'moneyRange'

export interface LedgerColumn {
  key: string
  label: Localized
  type: LedgerColumnType
  dict: string | null
  sortable: boolean
  total: boolean
  visible: boolean
  width: number | null
  /** The cell opens a record: `path?param=<row[key__link]>`, or row[key__link] is the path. */
  link?: { path: string | null; param: string | null } | null
}

export interface LedgerFilter {
  key: string
  label: Localized
  type: LedgerFilterType
  dict: string | null
}

export interface OrgOption {
  id: number
  name: string
  parentId: number | null
}

export interface LedgerDefinition {
  id: string
  name: Localized
  asOf: boolean
  canExport: boolean
  defaultSort: { key: string; order: 'asc' | 'desc' } | null
  columns: LedgerColumn[]
  filters: LedgerFilter[]
  orgs: OrgOption[]
  /** Dates with a snapshot, newest first (null: the ledger does not say). */
  asOfDates: string[] | null
}

export type LedgerRow = Record<string, string | number | null>

export interface LedgerPage {
  data: LedgerRow[]
  meta: PageMeta & { asOf: string | null }
}

/** 合计 over every filtered row (asked for beside the page: it reads every matching row). */
export interface LedgerTotals {
  total: number
  asOf: string | null
  totals: Record<string, string | number>
}

export interface LedgerPrint {
  data: LedgerRow[]
  meta: PageMeta & { asOf: string | null; totals: Record<string, string | number> }
  header: { bankName: string; orgName: string | null; userName: string; printedAt: string }
  truncated: boolean
}

export interface LedgerViewConfig {
  columns?: string[]
  filters?: Record<string, string | number>
  sort?: string
  order?: 'asc' | 'desc'
  perPage?: number
}

export interface LedgerView {
  id: number
  name: string
  isDefault: boolean
  config: LedgerViewConfig
}

export interface ExportResult {
  token: string
  fileName: string
  rows: number
  truncated: boolean
}

const base = (id: string) => `/ledgers/${encodeURIComponent(id)}`

export const ledgersApi = {
  definition: (id: string) => http.get<LedgerDefinition>(base(id)),
  rows: (id: string, query: Query) => http.get<LedgerPage>(`${base(id)}/rows`, query),
  totals: (id: string, query: Query) => http.get<LedgerTotals>(`${base(id)}/totals`, query),
  print: (id: string, query: Query) => http.get<LedgerPrint>(`${base(id)}/print`, query),
  startExport: (id: string, body: Record<string, unknown>) =>
    http.post<{ jobId: string }>(`${base(id)}/exports`, body),
  views: (id: string) => http.get<LedgerView[]>(`${base(id)}/views`),
  saveView: (id: string, view: { name: string; isDefault?: boolean; config: LedgerViewConfig }) =>
    http.post<{ id: number }>(`${base(id)}/views`, view),
  deleteView: (id: string, viewId: number) => http.delete<void>(`${base(id)}/views/${viewId}`),
}

/** Saves a finished export job's file (any job returning an ExportResult), with the session cookie. */
export const downloadJobExport = (jobId: string, result: ExportResult): Promise<void> =>
  downloadFile(`/exports/${encodeURIComponent(jobId)}/download`, result.fileName, {
    token: result.token,
  })
