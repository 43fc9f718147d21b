/*
| 调用日志: one connector_calls row per attempt. Payloads are masked with the
| audit masking rules before they are written (证件号, 手机号, 账号, secrets
| dropped), since operations staff read this log; customer names are always
| masked here — a call log has no business need for them in clear.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import { maskText, maskValue } from '#core/audit/masking'
import { dbTimeMs } from './times.js'

const MAX_PAYLOAD = 16_000

export function maskPayload(value: unknown): string | null {
  if (value === undefined || value === null) return null
  const masked = typeof value === 'string' ? maskText(value) : maskValue(value, { maskNames: true })
  const text = typeof masked === 'string' ? masked : JSON.stringify(masked)
  return text.length > MAX_PAYLOAD ? text.slice(0, MAX_PAYLOAD) + '…' : text
}

export interface CallRecord {
  system: string
  iface: string
  direction: string
  startedAt: Date
  durationMs: number
  status: 'success' | 'failure'
  httpStatus?: number | null
  attempt: number
  errorKind?: string | null
  error?: string | null
  request?: unknown
  response?: unknown
  correlationId?: string | null
  idempotencyKey?: string | null
}

const callRow = (record: CallRecord) => ({
  system_code: record.system,
  interface_code: record.iface,
  direction: record.direction,
  started_at: dbTimeMs(DateTime.fromJSDate(record.startedAt)),
  duration_ms: Math.max(0, Math.round(record.durationMs)),
  status: record.status,
  http_status: record.httpStatus ?? null,
  attempt: record.attempt,
  error_kind: record.errorKind ?? null,
  error: maskText(record.error ?? null)?.slice(0, 1000) ?? null,
  request_masked: maskPayload(record.request),
  response_masked: maskPayload(record.response),
  correlation_id: record.correlationId?.slice(0, 64) ?? null,
  idempotency_key: record.idempotencyKey?.slice(0, 128) ?? null,
})

/** Never fails the call it describes: a log write error is logged and swallowed. */
export async function logCall(record: CallRecord) {
  try {
    await db.table('connector_calls').insert(callRow(record))
  } catch (error) {
    logger.error(
      { err: error, system: record.system, iface: record.iface },
      'call log write failed'
    )
  }
}

/* 14 columns a row: 500 rows stay below SQLite's 32 766 bound variables. */
const LOG_CHUNK = 500

/**
 * One row per item of a batch call (each item keeps its own idempotency key in
 * the log, so 调用日志 finds a posting by its key), in multi-row inserts.
 */
export async function logCalls(records: CallRecord[]) {
  try {
    for (let start = 0; start < records.length; start += LOG_CHUNK)
      await db
        .table('connector_calls')
        .multiInsert(records.slice(start, start + LOG_CHUNK).map(callRow))
  } catch (error) {
    logger.error(
      { err: error, system: records[0]?.system, iface: records[0]?.iface, rows: records.length },
      'call log write failed'
    )
  }
}
