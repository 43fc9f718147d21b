/*
| Transactional outbox (发件箱) for calls that change money in another system
| (postings to core banking). The message is written in the SAME transaction as
| the business change (`outbox.enqueue(trx, …)`): both commit or neither does,
| so a posting is never lost and never sent for a change that rolled back.
| A batch (thousands of postings) uses `outbox.enqueueMany(trx, messages)`.
|
| Delivery (`outbox.deliverDue`) claims due messages with a conditional UPDATE —
| only rows still pending and unclaimed (or whose claim expired) are taken — so
| several app nodes and worker runs never hold the same message at once. Each
| message goes out with its `Idempotency-Key`; a 2xx marks it sent, a failure
| backs off exponentially, and after `maxAttempts` it is `dead` until an
| operator retries it.
|
| What "never sent twice" means, honestly: at-least-once delivery on our side,
| exactly-once effect at the receiver. A node can crash after the other side
| applied a posting but before we recorded the ack, and a timeout does not tell
| us whether it arrived; the message is then sent again after its claim expires,
| with the same key, and the receiver must dedupe by that key (core banking's
| idempotent posting API; the simulator counts by key). No design without the
| receiver's dedup can promise more.
*/
import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { dbNow } from '#core/db/db_time'
import { ConnectorError } from './connector_error.js'
import { connectorRegistry } from './registry.js'
import { call } from './http_connector.js'
import { dbTimeIn, dbTimeMs } from './times.js'
import { batchEndpoint } from './batch_call.js'
import { backoffFor, clip, deliverBatch, type Outcome } from './outbox_batch.js'

export interface OutboxMessageInput {
  system: string
  interface: string
  payload: unknown
  /** Business-derived and stable (e.g. `posting:<collection id>`): the receiver dedupes by it. */
  idempotencyKey: string
  correlationId?: string
}

export interface DeliveryOptions {
  /** Messages claimed per round (interfaces without a batch endpoint). */
  batchSize?: number
  /**
   * Messages per request to an interface with a batch endpoint (core banking's
   * postings; capped by the endpoint's maxItems); a round claims up to
   * `concurrency` such requests' worth. 1 sends them one by one.
   */
  batchItems?: number
  /** Requests in flight within a round. */
  concurrency?: number
  /** After this many failed deliveries the message is `dead` (参数 system.outbox.maxAttempts). */
  maxAttempts?: number
  /** First back-off after a failed delivery; doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number
  maxBackoffMs?: number
  /** How long a claim holds; a worker that dies holding one frees it when it expires. */
  claimTtlMs?: number
  /** Per-attempt timeout and in-call retries passed to the connector. */
  timeoutMs?: number
  retries?: number
  retryBackoffMs?: number
  /** Stop after this many rounds (a safety net; a drain normally stops when nothing is due). */
  maxRounds?: number
}

export const OUTBOX_DEFAULTS: Required<DeliveryOptions> = {
  batchSize: 50,
  batchItems: 100,
  concurrency: 5,
  maxAttempts: 10,
  backoffMs: 2_000,
  maxBackoffMs: 10 * 60_000,
  claimTtlMs: 2 * 60_000,
  timeoutMs: 10_000,
  retries: 1,
  retryBackoffMs: 200,
  maxRounds: 1_000,
}

type Listener = () => void
const enqueueListeners = new Set<Listener>()

/** The row of one message, checked (unknown interface or a bad key throws). */
function messageRow(message: OutboxMessageInput, now: { at: string; created: string }) {
  const definition = connectorRegistry.interface(message.system, message.interface)
  if (!definition)
    throw new Error(`Unknown connector interface "${message.system}.${message.interface}"`)
  if (!message.idempotencyKey || message.idempotencyKey.length > 128)
    throw new Error('An outbox message needs an idempotency key of at most 128 characters')
  return {
    idempotency_key: message.idempotencyKey,
    system_code: message.system,
    interface_code: message.interface,
    payload: JSON.stringify(message.payload ?? null),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now.at,
    correlation_id: message.correlationId?.slice(0, 64) ?? null,
    created_at: now.created,
  }
}

/** Delivery starts once the business change is committed, never before. */
function notifyAfterCommit(trx: TransactionClientContract) {
  trx.after('commit', () => {
    for (const listener of enqueueListeners) listener()
  })
}

async function enqueue(trx: TransactionClientContract, message: OutboxMessageInput) {
  const row = messageRow(message, { at: dbTimeMs(), created: dbNow() })
  const [id] = await trx.table('outbox_messages').insert(row)
  notifyAfterCommit(trx)
  return Number(id)
}

/* 10 columns a row: 1000 rows stay below SQLite's 32 766 bound variables. */
const ENQUEUE_CHUNK = 1000

/**
 * Many messages in the caller's transaction, a multi-row INSERT per chunk (a
 * batch of postings). Returns their ids in the order given. The ids are read
 * back by idempotency key (unique), not derived from the first insert id:
 * Galera and TiDB do not promise consecutive auto-increment values.
 */
async function enqueueMany(trx: TransactionClientContract, messages: OutboxMessageInput[]) {
  if (!messages.length) return []
  const now = { at: dbTimeMs(), created: dbNow() }
  const rows = messages.map((m) => messageRow(m, now))
  if (new Set(rows.map((r) => r.idempotency_key)).size !== rows.length)
    throw new Error('Outbox messages of one batch need distinct idempotency keys')
  const ids = new Map<string, number>()
  for (let start = 0; start < rows.length; start += ENQUEUE_CHUNK) {
    const chunk = rows.slice(start, start + ENQUEUE_CHUNK)
    await trx.table('outbox_messages').multiInsert(chunk)
    const keys = chunk.map((r) => r.idempotency_key)
    for (const row of await trx
      .from('outbox_messages')
      .whereIn('idempotency_key', keys)
      .select('id', 'idempotency_key'))
      ids.set(row.idempotency_key, Number(row.id))
  }
  notifyAfterCommit(trx)
  return rows.map((r) => ids.get(r.idempotency_key)!)
}

/** Items per request to this interface: 1 (no batch endpoint, or batching turned off) or more. */
function itemsPerCall(row: any, options: Required<DeliveryOptions>) {
  const endpoint = batchEndpoint(row.system_code, row.interface_code)
  return endpoint ? Math.max(1, Math.min(options.batchItems, endpoint.maxItems)) : 1
}

/**
 * Claims the due messages of one round for `worker`, oldest first: up to
 * `batchSize` of interfaces sent one by one and up to `concurrency` full
 * requests' worth of interfaces with a batch endpoint. Safe across nodes
 * (conditional UPDATE).
 */
async function claim(worker: string, options: Required<DeliveryOptions>) {
  const now = dbTimeMs()
  const free = (query: any) =>
    query
      .where('status', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((q: any) => q.whereNull('claimed_by').orWhere('claimed_until', '<', now))
  const batched = options.concurrency * Math.max(1, options.batchItems)
  const seen = await free(db.from('outbox_messages').select('id', 'system_code', 'interface_code'))
    .orderBy('next_attempt_at', 'asc')
    .orderBy('id', 'asc')
    .limit(options.batchSize + (options.batchItems > 1 ? batched : 0))
  let singles = 0
  let many = 0
  const candidates = seen.filter((row: any) =>
    itemsPerCall(row, options) > 1 ? many++ < batched : singles++ < options.batchSize
  )
  if (!candidates.length) return []
  // Re-checking the conditions in the UPDATE is what makes the claim safe: of two
  // nodes that picked the same id, only one UPDATE still matches the row.
  await free(
    db.from('outbox_messages').whereIn(
      'id',
      candidates.map((c: any) => c.id)
    )
  ).update({ claimed_by: worker, claimed_until: dbTimeIn(options.claimTtlMs) })
  return db.from('outbox_messages').where('claimed_by', worker).where('status', 'pending')
}

async function deliverOne(row: any, worker: string, options: Required<DeliveryOptions>) {
  const attempts = Number(row.attempts) + 1
  const mine = () => db.from('outbox_messages').where('id', row.id).where('claimed_by', worker)
  try {
    const ack = await call(row.system_code, row.interface_code, JSON.parse(row.payload), {
      idempotencyKey: row.idempotency_key,
      correlationId: row.correlation_id ?? undefined,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      backoffMs: options.retryBackoffMs,
    })
    const updated = await mine().update({
      status: 'sent',
      attempts,
      sent_at: dbNow(),
      ack: ack === null || ack === undefined ? null : clip(JSON.stringify(ack), 4000),
      claimed_by: null,
      claimed_until: null,
      last_error: null,
    })
    return (updated as any) === 0 || (Array.isArray(updated) && updated[0] === 0)
      ? 'lost-claim'
      : 'sent'
  } catch (error) {
    const connectorError = error instanceof ConnectorError ? error : null
    const message = clip(connectorError?.message ?? (error as Error).message ?? String(error), 1000)
    // A refusal before sending (breaker open, system switched off) is not the
    // message's fault: wait and try again without using up an attempt.
    const notTried = connectorError?.kind === 'breaker_open' || connectorError?.kind === 'disabled'
    const used = notTried ? Number(row.attempts) : attempts
    const dead = !notTried && used >= options.maxAttempts
    await mine().update({
      status: dead ? 'dead' : 'pending',
      attempts: used,
      last_error: message,
      last_http_status: connectorError?.httpStatus ?? null,
      next_attempt_at: dbTimeIn(backoffFor(Math.max(1, used), options)),
      claimed_by: null,
      claimed_until: null,
    })
    return dead ? 'dead' : 'retry'
  }
}

/** A round's requests: a batch per interface with a batch endpoint (chunked), else one per message. */
function requestsOf(claimed: any[], options: Required<DeliveryOptions>) {
  const requests: any[][] = []
  const open = new Map<string, any[]>()
  for (const row of claimed) {
    const size = itemsPerCall(row, options)
    if (size === 1) {
      requests.push([row])
      continue
    }
    const key = `${row.system_code}.${row.interface_code}`
    let current = open.get(key)
    if (!current || current.length >= size) {
      current = []
      open.set(key, current)
      requests.push(current)
    }
    current.push(row)
  }
  return requests
}

async function runPool<T>(items: T[], size: number, work: (item: T) => Promise<unknown>) {
  let next = 0
  const lanes = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}

/**
 * Delivers every message that is due now, round after round, until none is due
 * (messages backing off to a later time are left for the next run). Returns counts.
 */
async function deliverDue(overrides: DeliveryOptions = {}) {
  const options = { ...OUTBOX_DEFAULTS, ...overrides }
  const worker = `${process.pid}:${randomUUID()}`.slice(0, 64)
  const counts: Record<Outcome, number> = { 'sent': 0, 'retry': 0, 'dead': 0, 'lost-claim': 0 }
  for (let round = 0; round < options.maxRounds; round++) {
    const claimed = await claim(worker, options)
    if (!claimed.length) break
    await runPool(requestsOf(claimed, options), options.concurrency, async (rows) => {
      if (rows.length === 1 && itemsPerCall(rows[0], options) === 1) {
        counts[(await deliverOne(rows[0], worker, options)) as Outcome]++
        return
      }
      const batch = await deliverBatch(rows, worker, options)
      for (const outcome of Object.keys(counts) as Outcome[]) counts[outcome] += batch[outcome]
    })
  }
  if (counts.dead) logger.warn({ dead: counts.dead }, 'outbox messages gave up (dead)')
  return counts
}

/** 外发消息 · 重发: a dead message goes back to pending with a fresh attempt budget. */
async function retryDead(id: number) {
  const updated = await db
    .from('outbox_messages')
    .where('id', id)
    .where('status', 'dead')
    .update({ status: 'pending', attempts: 0, next_attempt_at: dbTimeMs(), claimed_by: null })
  return Number(Array.isArray(updated) ? updated[0] : updated) > 0
}

/** Due messages exist (the periodic tick dispatches the delivery job only then). */
async function hasDue() {
  const now = dbTimeMs()
  const row = await db
    .from('outbox_messages')
    .where('status', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((q) => q.whereNull('claimed_by').orWhere('claimed_until', '<', now))
    .select('id')
    .first()
  return Boolean(row)
}

export const outbox = {
  enqueue,
  enqueueMany,
  deliverDue,
  retryDead,
  hasDue,
  /** Called after a transaction with outbox messages commits (the scheduler listens). */
  onEnqueued(listener: Listener) {
    enqueueListeners.add(listener)
    return () => enqueueListeners.delete(listener)
  },
}
