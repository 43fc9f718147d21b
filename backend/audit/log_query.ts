/*
| The one query behind the 登录日志 / 操作日志 lists and their exports: category,
| search filters, data scope and the sorting whitelist. The list and the export
| use it alike, so a spreadsheet holds exactly the rows the screen showed.
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import type { AuditCategory } from './categories.js'
import { escapeLike } from '#core/db/like'

export interface AuditFilters {
  username?: string
  from?: string
  to?: string
  action?: string
  result?: 'success' | 'failure'
  entityType?: string
  entityId?: string
  sort?: 'id' | 'occurredAt' | 'username' | 'action' | 'result' | 'ip'
  order?: 'asc' | 'desc'
}

const SORTABLE: Record<NonNullable<AuditFilters['sort']>, string> = {
  id: 'audit_logs.id',
  occurredAt: 'audit_logs.occurred_at',
  username: 'audit_logs.username',
  action: 'audit_logs.action',
  result: 'audit_logs.result',
  ip: 'audit_logs.ip',
}

export const LIST_COLUMNS = [
  'audit_logs.id',
  'audit_logs.occurred_at',
  'audit_logs.user_id',
  'audit_logs.username',
  'audit_logs.org_id',
  'audit_logs.org_name',
  'audit_logs.ip',
  'audit_logs.user_agent',
  'audit_logs.request_id',
  'audit_logs.action',
  'audit_logs.entity_type',
  'audit_logs.entity_id',
  'audit_logs.result',
  'audit_logs.detail',
]

/* Bounds are inclusive: a date alone means the whole day, a minute the whole minute. */
function lowerBound(value: string) {
  if (value.length === 10) return `${value} 00:00:00`
  return value.length === 16 ? `${value}:00` : value
}
function upperBound(value: string) {
  if (value.length === 10) return `${value} 23:59:59`
  return value.length === 16 ? `${value}:59` : value
}

/* LIKE wildcards in user input are literal characters (#core/db/like). */
const likeEscape = escapeLike

export function auditLogQuery(
  category: AuditCategory,
  filters: AuditFilters,
  access: UserAccess
): DatabaseQueryBuilderContract {
  const query = db.from('audit_logs').where('audit_logs.category', category)
  // A branch auditor sees what their subtree's staff did; "self" sees their own entries.
  applyDataScope(query, access, {
    orgColumn: 'audit_logs.org_id',
    ownerColumn: 'audit_logs.user_id',
  })
  if (filters.username) {
    query.whereRaw("audit_logs.username like ? escape '!'", [`%${likeEscape(filters.username)}%`])
  }
  if (filters.from) query.where('audit_logs.occurred_at', '>=', lowerBound(filters.from))
  if (filters.to) query.where('audit_logs.occurred_at', '<=', upperBound(filters.to))
  if (filters.action?.endsWith('*')) {
    const prefix = likeEscape(filters.action.slice(0, -1))
    query.whereRaw("audit_logs.action like ? escape '!'", [`${prefix}%`])
  } else if (filters.action) {
    query.where('audit_logs.action', filters.action)
  }
  if (filters.result) query.where('audit_logs.result', filters.result)
  if (filters.entityType) query.where('audit_logs.entity_type', filters.entityType)
  if (filters.entityId) query.where('audit_logs.entity_id', filters.entityId)
  return query
}

export function applySort(query: DatabaseQueryBuilderContract, filters: AuditFilters) {
  const column = SORTABLE[filters.sort ?? 'id']
  const order = filters.order ?? 'desc'
  query.orderBy(column, order)
  // Ties are broken by id, newest first, so paging is stable.
  if (column !== SORTABLE.id) query.orderBy('audit_logs.id', 'desc')
  return query
}

/** DATETIME comes back as a local Date from MySQL and as the stored text from SQLite. */
export function storedTime(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return DateTime.fromJSDate(value).toFormat('yyyy-MM-dd HH:mm:ss')
  return String(value).slice(0, 19)
}

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))

export function toLogRow(row: Record<string, any>) {
  return {
    id: String(row.id),
    occurredAt: storedTime(row.occurred_at),
    userId: toNumber(row.user_id),
    username: row.username ?? null,
    orgId: toNumber(row.org_id),
    orgName: row.org_name ?? null,
    ip: row.ip ?? null,
    userAgent: row.user_agent ?? null,
    requestId: row.request_id ?? null,
    action: row.action,
    entityType: row.entity_type ?? null,
    entityId: row.entity_id ?? null,
    result: row.result as 'success' | 'failure',
    detail: row.detail ?? null,
  }
}

export type AuditLogRow = ReturnType<typeof toLogRow>
