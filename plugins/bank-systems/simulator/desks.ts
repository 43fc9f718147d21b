/*
| Simulator desks: how another plugin adds endpoints to the simulated bank
| systems (a public module of bank-systems). A plugin that declares its own
| interface of a system (manifest `connectorInterfaces`, e.g. a new feed of
| 数据中台) registers a desk factory here; every simulator — the demo's, a test's
| — builds one desk per factory (also for factories registered after it
| started) and asks the desks before its own routes:
|
|   registerSimulatorDesk('loan-notes', (ctx) => ({
|     route: ({ system, method, path, body }) =>
|       system === 'data-platform' && method === 'POST' && path === '/loan-notes/query'
|         ? reply(ok(rows))
|         : null,
|     control: (method, path, body) => …,   // '/__sim/…' endpoints of the desk
|     reset: () => …,                       // POST /__sim/reset
|   }))
|
| The simulator's fault knobs (errors, timeouts, latency) apply to a desk's
| system as to the built-in routes. A desk that answers `null` passes the
| request on. Register from the plugin's `startup` in demo mode, and in its
| tests before they call the simulator.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { badRequest, notFound, ok, type Reply } from './replies.js'

export { badRequest, notFound, ok, type Reply }

/** A reply with HTTP status 200 and an ESB body (`ok(data)`, `badRequest(…)`…) or any status. */
export const reply = (body: unknown, status = 200): Reply => ({ status, body })

export interface DeskRequest {
  /** The system code, the first segment of the URL (`data-platform`). */
  system: string
  method: string
  /** The path under the system (`/non-bank/query`), without the query string. */
  path: string
  body: any
  /** The Idempotency-Key header, when the caller sent one. */
  key?: string
}

export interface DeskContext {
  /** The app's database, read per request (a test's global transaction is seen). */
  db: () => QueryClientContract
  /** The app's current business date ('YYYY-MM-DD'). */
  businessDate: () => Promise<string>
}

export interface SimulatorDesk {
  route?(request: DeskRequest): Promise<Reply | null> | Reply | null
  control?(method: string, path: string, body: any): Promise<Reply | null> | Reply | null
  reset?(): void
  /** Shown under `desks.<id>` in GET /__sim/stats. */
  stats?(): unknown
}

export type DeskFactory = (ctx: DeskContext) => SimulatorDesk

const factories = new Map<string, DeskFactory>()

/** Registers (or replaces) the desk `id`; simulators pick it up on their next request. */
export function registerSimulatorDesk(id: string, factory: DeskFactory) {
  factories.set(id, factory)
}

/** The registered factories (the simulator builds its desks from them). */
export function deskFactories(): ReadonlyMap<string, DeskFactory> {
  return factories
}

/** One simulator's desks, built lazily from the factories. */
export class DeskSet {
  private built = new Map<string, { factory: DeskFactory; desk: SimulatorDesk }>()

  constructor(private ctx: DeskContext) {}

  private desks(): SimulatorDesk[] {
    for (const [id, factory] of factories) {
      const current = this.built.get(id)
      if (!current || current.factory !== factory)
        this.built.set(id, { factory, desk: factory(this.ctx) })
    }
    return [...this.built.values()].map((b) => b.desk)
  }

  async route(request: DeskRequest): Promise<Reply | null> {
    for (const desk of this.desks()) {
      const answer = await desk.route?.(request)
      if (answer) return answer
    }
    return null
  }

  async control(method: string, path: string, body: any): Promise<Reply | null> {
    for (const desk of this.desks()) {
      const answer = await desk.control?.(method, path, body)
      if (answer) return answer
    }
    return null
  }

  reset() {
    for (const desk of this.desks()) desk.reset?.()
  }

  stats() {
    this.desks()
    return Object.fromEntries([...this.built].map(([id, b]) => [id, b.desk.stats?.() ?? null]))
  }
}
