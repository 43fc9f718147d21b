/*
| Outbox delivery in batches: claimed messages of an interface with a batch
| endpoint (core banking's postings) go out many to a request (`callBatch`),
| each with its own idempotency key and its own result, and their outcomes are
| written together — one transaction per batch with one UPDATE for the acked
| messages and one per kind of failure — instead of four statements and an HTTP
| call per message. The rules are the single delivery's (outbox.ts): an ack
| marks the message sent only while this worker still holds its claim; a
| failure backs off and, after `maxAttempts`, makes it dead; a refusal before
| sending (breaker open, switched off) costs no attempt.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { callBatch, type BatchItemResult } from './batch_call.js'
import { dbTimeIn } from './times.js'
import type { DeliveryOptions } from './outbox.js'

export type Outcome = 'sent' | 'retry' | 'dead' | 'lost-claim'

export const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)

export function backoffFor(attempts: number, options: Required<DeliveryOptions>) {
  return Math.min(options.maxBackoffMs, options.backoffMs * 2 ** Math.max(0, attempts - 1))
}

const affected = (updated: unknown) =>
  Number(Array.isArray(updated) ? updated[0] : (updated ?? 0)) || 0

/* MariaDB/Galera deadlocks and SQLite's busy are worth another try; the claim conditions keep it safe. */
const RETRYABLE = /deadlock|lock wait timeout|SQLITE_BUSY|try restarting transaction/i

async function writeOutcomes(work: (trx: TransactionClientContract) => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work)
    } catch (error) {
      if (attempt >= 3 || !RETRYABLE.test(String((error as Error)?.message))) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
    }
  }
}

/** Sends `rows` (one system and interface, at most its batch size) in one request; counts. */
export async function deliverBatch(
  rows: any[],
  worker: string,
  options: Required<DeliveryOptions>
): Promise<Record<Outcome, number>> {
  const counts: Record<Outcome, number> = { 'sent': 0, 'retry': 0, 'dead': 0, 'lost-claim': 0 }
  const results: BatchItemResult[] = await callBatch(
    rows[0].system_code,
    rows[0].interface_code,
    rows.map((row) => ({
      idempotencyKey: row.idempotency_key,
      body: JSON.parse(row.payload),
      correlationId: row.correlation_id ?? undefined,
    })),
    { timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.retryBackoffMs }
  )

  const sent: Array<{ id: number; ack: string | null }> = []
  // Failures that end the same way (same attempts, same error) share one UPDATE.
  const failed = new Map<string, { ids: number[]; fields: Record<string, unknown> }>()
  rows.forEach((row, i) => {
    const result = results[i]
    if (result.ok) {
      const ack = result.response
      sent.push({
        id: Number(row.id),
        ack: ack === null || ack === undefined ? null : clip(JSON.stringify(ack), 4000),
      })
      return
    }
    const { error } = result
    const notTried = error.kind === 'breaker_open' || error.kind === 'disabled'
    const used = notTried ? Number(row.attempts) : Number(row.attempts) + 1
    const dead = !notTried && used >= options.maxAttempts
    const fields = {
      status: dead ? 'dead' : 'pending',
      attempts: used,
      last_error: clip(error.message, 1000),
      last_http_status: error.httpStatus ?? null,
      next_attempt_at: dbTimeIn(backoffFor(Math.max(1, used), options)),
      claimed_by: null,
      claimed_until: null,
    }
    const key = JSON.stringify([fields.status, used, fields.last_error, fields.last_http_status])
    const group = failed.get(key) ?? { ids: [] as number[], fields }
    group.ids.push(Number(row.id))
    failed.set(key, group)
  })

  await writeOutcomes(async (trx) => {
    const mine = (ids: number[]) =>
      trx.from('outbox_messages').whereIn('id', ids).where('claimed_by', worker)
    if (sent.length) {
      const ack = trx.knexRawQuery(
        `CASE id ${sent.map(() => 'WHEN ? THEN ?').join(' ')} END`,
        sent.flatMap((s) => [s.id, s.ack]) as any[]
      )
      const updated = affected(
        await mine(sent.map((s) => s.id)).update({
          status: 'sent',
          attempts: trx.knexRawQuery('?? + 1', ['attempts']),
          sent_at: dbNow(),
          ack,
          claimed_by: null,
          claimed_until: null,
          last_error: null,
        })
      )
      counts.sent += updated
      counts['lost-claim'] += sent.length - updated
    }
    for (const { ids, fields } of failed.values()) {
      const updated = affected(await mine(ids).update(fields))
      counts[fields.status === 'dead' ? 'dead' : 'retry'] += updated
      counts['lost-claim'] += ids.length - updated
    }
  })
  return counts
}
