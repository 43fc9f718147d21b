/*
| Fault knobs per simulated system (POST /__sim/faults). Tests turn them up to
| prove the connector and the outbox survive a misbehaving bank system.
|
|   errorRate            share of requests answered 500 before anything happens
|   timeoutRate          share of requests that ARE processed (a posting is applied),
|                        then answered only after `hangMs` — the worst case for a
|                        client that gives up: it did happen
|   latencyMs            added to every request
|   duplicateDeliveries  share of postings/messages the "network" delivers twice:
|                        the simulator processes the same request a second time,
|                        which the ledger must refuse by its Idempotency-Key
|   hangMs               how late a "timeout" request is answered (default 30 s)
*/
export interface Faults {
  errorRate: number
  timeoutRate: number
  latencyMs: number
  duplicateDeliveries: number
  hangMs: number
}

export const NO_FAULTS: Faults = {
  errorRate: 0,
  timeoutRate: 0,
  latencyMs: 0,
  duplicateDeliveries: 0,
  hangMs: 30_000,
}

const RATES = ['errorRate', 'timeoutRate', 'duplicateDeliveries'] as const
const DURATIONS = ['latencyMs', 'hangMs'] as const

/** Validates a partial knob change; throws a message for a 400 on nonsense. */
export function parseFaults(input: Record<string, unknown>): Partial<Faults> {
  const change: Partial<Faults> = {}
  for (const key of RATES) {
    if (input[key] === undefined) continue
    const n = Number(input[key])
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${key} must be between 0 and 1`)
    change[key] = n
  }
  for (const key of DURATIONS) {
    if (input[key] === undefined) continue
    const n = Number(input[key])
    if (!Number.isSafeInteger(n) || n < 0 || n > 600_000)
      throw new Error(`${key} must be whole milliseconds between 0 and 600000`)
    change[key] = n
  }
  return change
}
