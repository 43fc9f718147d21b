/*
| 接入调用日志: one gateway_calls row per inbound request, accepted or refused,
| with the outcome that decided it. Bodies are masked with the audit masking
| rules before they are written (证件号, 手机号, 账号, secrets dropped, names
| masked) — the same rule as the outbound call log (connectors/call_log.ts).
| Signatures and secrets are never logged; the nonce is (replay forensics).
| Operational data of the installation: no data scope, the permission gates it.
*/
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import { maskPayload } from '#core/connectors/call_log'
import { dbTimeMs } from '#core/connectors/times'

export type GatewayOutcome =
  | 'ok'
  | 'unsigned'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'replayed'
  | 'closed'
  | 'interface_closed'
  | 'forbidden'
  | 'rate_limited'
  | 'invalid'
  | 'not_found'
  | 'error'

export const OUTCOMES: GatewayOutcome[] = [
  'ok',
  'unsigned',
  'unknown_key',
  'bad_signature',
  'expired',
  'replayed',
  'closed',
  'interface_closed',
  'forbidden',
  'rate_limited',
  'invalid',
  'not_found',
  'error',
]

export interface GatewayCallRecord {
  clientId?: number | null
  clientCode?: string | null
  keyId?: string | null
  interfaceCode?: string | null
  method: string
  path: string
  nonce?: string | null
  ip?: string | null
  outcome: GatewayOutcome
  httpStatus: number
  startedAt: Date
  durationMs: number
  request?: unknown
  response?: unknown
}

/** Never fails the call it describes. */
export async function logGatewayCall(r: GatewayCallRecord) {
  try {
    await db.table('gateway_calls').insert({
      client_id: r.clientId ?? null,
      client_code: r.clientCode ?? null,
      key_id: r.keyId?.slice(0, 40) ?? null,
      interface_code: r.interfaceCode?.slice(0, 120) ?? null,
      method: r.method.slice(0, 8),
      path: r.path.slice(0, 300),
      nonce: r.nonce?.slice(0, 64) ?? null,
      ip: r.ip?.slice(0, 64) ?? null,
      outcome: r.outcome,
      http_status: r.httpStatus,
      duration_ms: Math.max(0, Math.round(r.durationMs)),
      request_masked: maskPayload(r.request),
      response_masked: maskPayload(r.response),
      started_at: dbTimeMs(DateTime.fromJSDate(r.startedAt)),
    })
  } catch (error) {
    logger.error({ err: error, path: r.path }, 'gateway call log write failed')
  }
}

export interface GatewayCallFilters {
  page?: number
  perPage?: number
  client?: string
  interface?: string
  outcome?: GatewayOutcome
  from?: string
  to?: string
}

const lower = (v: string) => (v.length === 10 ? `${v} 00:00:00.000` : `${v}:00.000`)
const upper = (v: string) => (v.length === 10 ? `${v} 23:59:59.999` : `${v}:59.999`)

export async function listGatewayCalls(f: GatewayCallFilters) {
  const page = f.page ?? 1
  const perPage = f.perPage ?? 20
  const query = db.from('gateway_calls')
  if (f.client) query.where('client_code', f.client)
  if (f.interface) query.where('interface_code', f.interface)
  if (f.outcome) query.where('outcome', f.outcome)
  if (f.from) query.where('started_at', '>=', lower(f.from))
  if (f.to) query.where('started_at', '<=', upper(f.to))
  const total = Number((await query.clone().count('* as total').first())?.total ?? 0)
  const rows = await query
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
  return {
    data: rows.map((r) => ({
      id: Number(r.id),
      client: r.client_code,
      keyId: r.key_id,
      interface: r.interface_code,
      method: r.method,
      path: r.path,
      nonce: r.nonce,
      ip: r.ip,
      outcome: r.outcome,
      httpStatus: Number(r.http_status),
      durationMs: Number(r.duration_ms),
      request: r.request_masked,
      response: r.response_masked,
      startedAt: r.started_at,
    })),
    meta: { total, page, perPage },
  }
}
