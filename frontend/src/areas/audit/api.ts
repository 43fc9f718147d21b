/* 登录日志 / 操作日志 / 安全日志 endpoints: one typed function per endpoint, plus the export download. */
import { http, type Query } from '@/api/http'
import { downloadFile } from '@/api/download'
import type { ListQuery, Paginated } from '@/api/types'

export type AuditResult = 'success' | 'failure'

export interface AuditLogRow {
  id: string
  occurredAt: string
  userId: number | null
  username: string | null
  orgId: number | null
  orgName: string | null
  ip: string | null
  userAgent: string | null
  requestId: string | null
  action: string
  entityType: string | null
  entityId: string | null
  result: AuditResult
  detail: string | null
}

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  changed: boolean
}

export interface AuditLogDetail extends AuditLogRow {
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  changes: FieldChange[]
}

/** The search form; the same filters drive the list and the export. */
export interface AuditFilters {
  username: string
  /** ['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm:ss'] from the date-time range picker. */
  range: [string, string] | null
  action: string
  result: AuditResult | ''
}

export const emptyFilters = (): AuditFilters => ({
  username: '',
  range: null,
  action: '',
  result: '',
})

/** Filters as the API names them; empty fields are left out. */
export function filterQuery(filters: AuditFilters): Query {
  const query: Query = {}
  if (filters.username.trim()) query.username = filters.username.trim()
  if (filters.range?.[0]) query.from = filters.range[0]
  if (filters.range?.[1]) query.to = filters.range[1]
  if (filters.action.trim()) query.action = filters.action.trim()
  if (filters.result) query.result = filters.result
  return query
}

export interface ExportResult {
  token: string
  fileName: string
  rows: number
  truncated: boolean
}

const BASE = '/system/audit'

export const listLoginLogs = (query: ListQuery) =>
  http.get<Paginated<AuditLogRow>>(`${BASE}/login-logs`, query)
export const listSecurityLogs = (query: ListQuery) =>
  http.get<Paginated<AuditLogRow>>(`${BASE}/security-logs`, query)
export const listOperationLogs = (query: ListQuery) =>
  http.get<Paginated<AuditLogRow>>(`${BASE}/operation-logs`, query)
export const fetchOperationLog = (id: string) =>
  http.get<AuditLogDetail>(`${BASE}/operation-logs/${encodeURIComponent(id)}`)
export const listOperationActions = () => http.get<string[]>(`${BASE}/operation-logs/actions`)
export const startLoginLogExport = (filters: AuditFilters) =>
  http.post<{ jobId: string }>(`${BASE}/login-logs/export`, filterQuery(filters))
export const startOperationLogExport = (filters: AuditFilters) =>
  http.post<{ jobId: string }>(`${BASE}/operation-logs/export`, filterQuery(filters))

/** Saves a finished export, with the session cookie. */
export const downloadExport = (jobId: string, result: ExportResult): Promise<void> =>
  downloadFile(`${BASE}/exports/${encodeURIComponent(jobId)}/download`, result.fileName, {
    token: result.token,
  })
