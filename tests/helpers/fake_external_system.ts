/*
| A tiny external system for tests: a real HTTP server on loopback with fault
| knobs, so the connector and the outbox are tested over real sockets, not
| against a mocked client. The simulators of the later issue grow from this.
|
| Knobs (change them at any time through `fake.knobs`):
|   failRate     share of requests answered 500 before anything is applied
|   timeoutRate  share of requests that ARE applied, then answered after `slowMs`
|                (the worst case for a client that times out: it did happen)
|   slowMs       how late a "timeout" request is answered (and every request, if `delayMs`)
|   failNext     the next N requests answer 500 (deterministic)
|   down         every request answers 503
|   itemFailRate share of the items of a batch request answered 500 (not applied)
|   refuseKeys   items (single or batch) with these keys are refused 400 with a reason
|   dropKeys     a batch answer leaves these keys out (a receiver that lost them)
| A path ending in `/batch` is a batch endpoint: `{ items: [{ idempotencyKey, body }] }`
| in, `{ results: [{ idempotencyKey, status, body }] }` out, each item applied once per
| its own key like a single request.
| Requests with an `Idempotency-Key` are applied once per key: a repeat answers
| 200 with the first acknowledgement. `applied` counts applications per key (the
| ledger effect), `requests` counts arrivals per key.
*/
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Prng } from '#core/demo/prng'

export interface FakeKnobs {
  failRate: number
  timeoutRate: number
  slowMs: number
  delayMs: number
  failNext: number
  down: boolean
  itemFailRate: number
  refuseKeys: Set<string>
  dropKeys: Set<string>
}

export interface FakeRequest {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: unknown
}

export async function startFakeExternalSystem(knobs: Partial<FakeKnobs> = {}, seed = 42) {
  const state = {
    knobs: {
      failRate: 0,
      timeoutRate: 0,
      slowMs: 0,
      delayMs: 0,
      failNext: 0,
      down: false,
      itemFailRate: 0,
      refuseKeys: new Set<string>(),
      dropKeys: new Set<string>(),
      ...knobs,
    },
    applied: new Map<string, number>(),
    requests: new Map<string, number>(),
    acks: new Map<string, unknown>(),
    log: [] as FakeRequest[],
    /** Items per batch request, in arrival order. */
    batches: [] as number[],
    total: 0,
  }
  /** Applies one request or batch item once per key (a repeat answers the first ack). */
  function apply(key: string | undefined, body: unknown) {
    if (key && state.knobs.refuseKeys.has(key))
      return { status: 400, body: { retMsg: '账户已销户，拒绝记账' } }
    if (key && state.acks.has(key))
      return { status: 200, body: { ...(state.acks.get(key) as object), duplicate: true } }
    const ack = { ok: true, key: key ?? null, echo: body, ref: `R${state.total}:${key}` }
    if (key) {
      state.acks.set(key, ack)
      state.applied.set(key, (state.applied.get(key) ?? 0) + 1)
    }
    return { status: 200, body: ack }
  }
  // Seeded, so a failing run can be replayed.
  const random = new Prng(seed).next
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = text
    }
    const path = (req.url ?? '/').split('?')[0]
    const send = (status: number, payload: unknown) => {
      if (res.destroyed || res.writableEnded) return
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(payload))
    }
    const { knobs: k } = state
    if (path === '/health') return send(k.down ? 503 : 200, { ok: !k.down })

    state.total++
    state.log.push({ method: req.method ?? 'GET', path, headers: req.headers, body })
    const key = req.headers['idempotency-key'] as string | undefined
    if (key) state.requests.set(key, (state.requests.get(key) ?? 0) + 1)
    if (k.delayMs) await sleep(k.delayMs)
    if (k.down) return send(503, { error: 'down' })
    if (k.failNext > 0) {
      k.failNext--
      return send(500, { error: 'injected failure' })
    }
    const dice = random()
    if (dice < k.failRate) return send(500, { error: 'random failure' })
    const slow = dice < k.failRate + k.timeoutRate

    let reply: { status: number; body: unknown }
    if (path.endsWith('/batch')) {
      const items: any[] = Array.isArray((body as any)?.items) ? (body as any).items : []
      state.batches.push(items.length)
      const results = items.map((item) => {
        const itemKey = String(item.idempotencyKey)
        state.requests.set(itemKey, (state.requests.get(itemKey) ?? 0) + 1)
        const answer =
          random() < k.itemFailRate
            ? { status: 500, body: { error: 'item failure' } }
            : apply(itemKey, item.body)
        return { idempotencyKey: itemKey, ...answer }
      })
      reply = {
        status: 200,
        body: { results: results.filter((r) => !k.dropKeys.has(r.idempotencyKey)) },
      }
    } else reply = apply(key, body)
    if (slow) await sleep(k.slowMs)
    send(reply.status, reply.body)
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    ...state,
    get knobs() {
      return state.knobs
    },
    get total() {
      return state.total
    },
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type FakeExternalSystem = Awaited<ReturnType<typeof startFakeExternalSystem>>
