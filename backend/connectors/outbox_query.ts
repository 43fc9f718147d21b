/* 外发消息 list: filters, sorting whitelist, paging. Payloads are shown masked. */
import db from '@adonisjs/lucid/services/db'
import { maskPayload } from './call_log.js'

export interface OutboxFilters {
  page?: number
  perPage?: number
  system?: string
  status?: 'pending' | 'sent' | 'dead'
  keyword?: string
  sort?: 'id' | 'createdAt' | 'nextAttemptAt' | 'attempts'
  order?: 'asc' | 'desc'
}

const SORTABLE = {
  id: 'id',
  createdAt: 'created_at',
  nextAttemptAt: 'next_attempt_at',
  attempts: 'attempts',
} as const

function parsed(text: string | null) {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export const toMessage = (r: any) => ({
  id: Number(r.id),
  idempotencyKey: r.idempotency_key,
  system: r.system_code,
  interface: r.interface_code,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  claimed: Boolean(r.claimed_by),
  lastError: r.last_error,
  lastHttpStatus: r.last_http_status,
  correlationId: r.correlation_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  payload: maskPayload(parsed(r.payload)),
  ack: r.ack,
})

export async function listOutbox(filters: OutboxFilters) {
  const page = filters.page ?? 1
  const perPage = filters.perPage ?? 20
  const query = db.from('outbox_messages')
  if (filters.system) query.where('system_code', filters.system)
  if (filters.status) query.where('status', filters.status)
  // Exact key or correlation id: both are identifiers, a LIKE would only slow the table down.
  if (filters.keyword)
    query.where((q) =>
      q.where('idempotency_key', filters.keyword!).orWhere('correlation_id', filters.keyword!)
    )
  const total = Number((await query.clone().count('* as total').first())?.total ?? 0)
  const rows = await query
    .orderBy(SORTABLE[filters.sort ?? 'id'], filters.order ?? 'desc')
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
  return { data: rows.map(toMessage), meta: { total, page, perPage } }
}
