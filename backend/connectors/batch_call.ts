/*
| Batch calls: `callBatch(system, interface, items, options)` sends many
| idempotency-keyed items of one interface in ONE HTTP request, for an interface
| whose definition declares `batch` (core banking's postings; the protocol is
| described at ConnectorBatchDefinition). Each item gets its own result —
| applied, refused (4xx) or failed (5xx: try again) — so one refused posting
| does not fail the others; the receiver dedupes each item by its own key.
|
| As `call` does for one item: 服务管理's switches are read once (per batch, not
| per item), the request runs through the system's circuit breaker with a
| per-attempt timeout, and transient failures are tried again up to `retries`
| times — the whole request when it failed, else only the items that failed
| transiently. Every attempt logs one connector_calls row per item it carried
| (one multi-row insert) under the item's own idempotency key, so 调用日志 still
| finds a posting by its key. Never throws a ConnectorError: every item gets a
| result, in the order given.
*/
import { randomUUID } from 'node:crypto'
import { BrokenCircuitError, TimeoutStrategy, timeout } from 'cockatiel'
import type { ConnectorBatchDefinition } from '#core/plugins/types'
import { ConnectorError, httpFailureMessage } from './connector_error.js'
import { connectorRegistry } from './registry.js'
import { breakerFor } from './breakers.js'
import { logCalls, type CallRecord } from './call_log.js'
import { joinUrl, noteHealth, openSystem, readBody, transportFailure } from './http_connector.js'

export interface BatchItem {
  idempotencyKey: string
  body: unknown
  /** The business correlation of this item (the call log's correlation id). */
  correlationId?: string
}

export type BatchItemResult = { ok: true; response: unknown } | { ok: false; error: ConnectorError }

export interface BatchOptions {
  /** Per-attempt timeout of the whole request. */
  timeoutMs?: number
  /** Tries after the first, for transient failures only. */
  retries?: number
  /** First retry delay; doubles per try up to 5 s. */
  backoffMs?: number
}

/** The batch endpoint of an interface, if it has one. */
export function batchEndpoint(system: string, iface: string): ConnectorBatchDefinition | null {
  return connectorRegistry.interface(system, iface)?.batch ?? null
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const defaultResults = (body: unknown) => (body as any)?.results

interface Pending {
  item: BatchItem
  index: number
}

interface Exchange {
  system: string
  iface: string
  url: string
  method: string
  batch: ConnectorBatchDefinition
  pending: Pending[]
  timeoutMs: number
  attempt: number
  requestId: string
}

function record(
  a: Pick<Exchange, 'system' | 'iface' | 'attempt' | 'requestId'>,
  p: Pending,
  fields: Partial<CallRecord> & Pick<CallRecord, 'status' | 'startedAt' | 'durationMs'>
): CallRecord {
  return {
    system: a.system,
    iface: a.iface,
    direction: 'outbound',
    attempt: a.attempt,
    request: p.item.body,
    correlationId: p.item.correlationId ?? a.requestId,
    idempotencyKey: p.item.idempotencyKey,
    ...fields,
  }
}

/** One HTTP request for the pending items: their results, or a whole failure (thrown, logged). */
async function exchangeOnce(a: Exchange): Promise<Map<number, BatchItemResult>> {
  const started = new Date()
  const elapsed = () => Date.now() - started.getTime()
  const failAll = async (
    failure: ConnectorError,
    httpStatus: number | null,
    response?: unknown
  ) => {
    await logCalls(
      a.pending.map((p) =>
        record(a, p, {
          status: 'failure',
          startedAt: started,
          durationMs: elapsed(),
          httpStatus,
          response,
          errorKind: failure.kind,
          error: failure.message,
        })
      )
    )
    return failure
  }
  let httpStatus = 0
  let body: unknown = null
  try {
    await timeout(a.timeoutMs, TimeoutStrategy.Aggressive).execute(async ({ signal }) => {
      const response = await fetch(a.url, {
        method: a.method,
        headers: {
          'Accept': 'application/json',
          'Content-Type': 'application/json',
          'X-Correlation-Id': a.requestId,
        },
        body: JSON.stringify({
          items: a.pending.map((p) => ({
            idempotencyKey: p.item.idempotencyKey,
            body: p.item.body,
          })),
        }),
        signal,
      })
      httpStatus = response.status
      body = await readBody(response)
    })
  } catch (error) {
    throw await failAll(transportFailure(error, a.system, a.iface, a.timeoutMs), null)
  }
  if (httpStatus < 200 || httpStatus >= 300)
    throw await failAll(
      new ConnectorError(
        'http',
        httpFailureMessage(a.system, a.iface, httpStatus, body),
        a.system,
        a.iface,
        httpStatus,
        body
      ),
      httpStatus,
      body
    )
  const list = (a.batch.results ?? defaultResults)(body)
  if (!Array.isArray(list))
    // A 2xx without per-item results tells us nothing about any item: try again (same keys).
    throw await failAll(
      new ConnectorError(
        'unavailable',
        `${a.system}.${a.iface}: answer without per-item results`,
        a.system,
        a.iface
      ),
      httpStatus,
      body
    )
  const byKey = new Map<string, any>()
  for (const r of list) if (r && typeof r === 'object') byKey.set(String(r.idempotencyKey), r)
  const results = new Map<number, BatchItemResult>()
  const records: CallRecord[] = []
  for (const p of a.pending) {
    const r = byKey.get(p.item.idempotencyKey)
    const status = Number(r?.status)
    const timing = { startedAt: started, durationMs: elapsed() }
    if (r && status >= 200 && status < 300) {
      results.set(p.index, { ok: true, response: r.body ?? null })
      records.push(
        record(a, p, { ...timing, status: 'success', httpStatus: status, response: r.body })
      )
      continue
    }
    const error = r
      ? new ConnectorError(
          'http',
          httpFailureMessage(a.system, a.iface, Number.isFinite(status) ? status : 0, r.body),
          a.system,
          a.iface,
          Number.isFinite(status) ? status : null,
          r.body ?? null
        )
      : new ConnectorError(
          'unavailable',
          `${a.system}.${a.iface}: no result for this item`,
          a.system,
          a.iface
        )
    results.set(p.index, { ok: false, error })
    records.push(
      record(a, p, {
        ...timing,
        status: 'failure',
        httpStatus: error.httpStatus,
        response: r?.body,
        errorKind: error.kind,
        error: error.message,
      })
    )
  }
  await logCalls(records)
  return results
}

export async function callBatch(
  system: string,
  iface: string,
  items: BatchItem[],
  options: BatchOptions = {}
): Promise<BatchItemResult[]> {
  const definition = connectorRegistry.interface(system, iface)
  const batch = definition?.batch
  if (!definition || !batch) throw new Error(`"${system}.${iface}" has no batch endpoint`)
  if (definition.direction !== 'outbound') throw new Error(`"${system}.${iface}" is inbound`)
  if (items.length > batch.maxItems)
    throw new Error(`"${system}.${iface}" takes at most ${batch.maxItems} items a batch`)
  const keys = new Set(items.map((i) => i.idempotencyKey))
  if (keys.has('') || keys.size !== items.length)
    throw new Error('Every item of a batch needs its own idempotency key')
  if (!items.length) return []

  const requestId = randomUUID()
  const refuse = async (error: ConnectorError, pending: Pending[], attempt: number) => {
    const at = { startedAt: new Date(), durationMs: 0 }
    await logCalls(
      pending.map((p) =>
        record({ system, iface, attempt, requestId }, p, {
          ...at,
          status: 'failure',
          errorKind: error.kind,
          error: error.message,
        })
      )
    )
  }
  const all = items.map((item, index) => ({ item, index }))
  const row = await openSystem(system, iface)
  if (row instanceof ConnectorError) {
    await refuse(row, all, 0)
    return items.map(() => ({ ok: false, error: row }))
  }

  const results: BatchItemResult[] = new Array(items.length)
  const retries = options.retries ?? definition.retries ?? 2
  const breaker = breakerFor(system)
  let outcome: 'up' | 'down' | null = null
  let pending: Pending[] = all
  for (let attempt = 1; pending.length; attempt++) {
    if (attempt > 1) await sleep(Math.min(5_000, (options.backoffMs ?? 200) * 2 ** (attempt - 2)))
    let answers: Map<number, BatchItemResult>
    try {
      answers = await breaker.execute(() =>
        exchangeOnce({
          system,
          iface,
          url: joinUrl(row.baseUrl!, batch.path),
          method: definition.method,
          batch,
          pending,
          timeoutMs: options.timeoutMs ?? definition.timeoutMs ?? 5_000,
          attempt,
          requestId,
        })
      )
      outcome = 'up'
    } catch (thrown) {
      const error =
        thrown instanceof BrokenCircuitError
          ? new ConnectorError('breaker_open', `circuit breaker open for ${system}`, system, iface)
          : thrown instanceof ConnectorError
            ? thrown
            : new ConnectorError('unavailable', String((thrown as Error)?.message), system, iface)
      if (error.kind === 'breaker_open') await refuse(error, pending, attempt)
      outcome = error.transient || error.kind === 'breaker_open' ? 'down' : 'up'
      answers = new Map(pending.map((p) => [p.index, { ok: false, error }]))
    }
    const again: Pending[] = []
    for (const p of pending) {
      const answer = answers.get(p.index)!
      results[p.index] = answer
      if (!answer.ok && answer.error.transient && attempt <= retries) again.push(p)
    }
    pending = again
  }
  await noteHealth(system, row, outcome)
  return results
}
