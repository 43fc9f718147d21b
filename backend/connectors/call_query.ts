/*
| 调用日志 list: filters, a sorting whitelist and paging. Payloads were masked
| when written; nothing here can reveal more. Call logs are operational data of
| the whole installation (not an org's business data), so no data scope applies:
| the permission system:connector:list is the gate.
*/
import db from '@adonisjs/lucid/services/db'

export interface CallFilters {
  page?: number
  perPage?: number
  system?: string
  interface?: string
  status?: 'success' | 'failure'
  correlationId?: string
  from?: string
  to?: string
  sort?: 'id' | 'startedAt' | 'durationMs'
  order?: 'asc' | 'desc'
}

const SORTABLE = { id: 'id', startedAt: 'started_at', durationMs: 'duration_ms' } as const

const lower = (v: string) =>
  v.length === 10 ? `${v} 00:00:00.000` : v.length === 16 ? `${v}:00.000` : `${v}.000`
const upper = (v: string) =>
  v.length === 10 ? `${v} 23:59:59.999` : v.length === 16 ? `${v}:59.999` : `${v}.999`

export const toCall = (r: any) => ({
  id: Number(r.id),
  system: r.system_code,
  interface: r.interface_code,
  direction: r.direction,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  status: r.status,
  httpStatus: r.http_status,
  attempt: r.attempt,
  errorKind: r.error_kind,
  error: r.error,
  request: r.request_masked,
  response: r.response_masked,
  correlationId: r.correlation_id,
  idempotencyKey: r.idempotency_key,
})

export async function listCalls(filters: CallFilters) {
  const page = filters.page ?? 1
  const perPage = filters.perPage ?? 20
  const query = db.from('connector_calls')
  if (filters.system) query.where('system_code', filters.system)
  if (filters.interface) query.where('interface_code', filters.interface)
  if (filters.status) query.where('status', filters.status)
  if (filters.correlationId) query.where('correlation_id', filters.correlationId)
  if (filters.from) query.where('started_at', '>=', lower(filters.from))
  if (filters.to) query.where('started_at', '<=', upper(filters.to))
  const total = Number((await query.clone().count('* as total').first())?.total ?? 0)
  const rows = await query
    .orderBy(SORTABLE[filters.sort ?? 'id'], filters.order ?? 'desc')
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
  return { data: rows.map(toCall), meta: { total, page, perPage } }
}
