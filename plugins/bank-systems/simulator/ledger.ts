/*
| The simulated core banking ledger and message gateways: each Idempotency-Key
| takes effect once. A repeat (our retry after a timeout, the outbox after a
| crashed claim, a duplicated delivery) answers the first acknowledgement with
| `duplicate: true` and is counted as refused — so a test can prove that every
| posting was applied exactly once, none lost, none doubled.
*/
export interface LedgerStats {
  /** Requests that reached the ledger (after fault injection). */
  requests: number
  /** Distinct keys applied. */
  applied: number
  /** Applications per key: every value must be 1. */
  appliedPerKey: Record<string, number>
  /** Arrivals per key that were refused as repeats. */
  duplicatesRefused: number
}

export class Ledger<T extends object> {
  #acks = new Map<string, T>()
  #applied = new Map<string, number>()
  #requests = 0
  #refused = 0

  constructor(private makeAck: (key: string, body: any, sequence: number) => T) {}

  /** Applies `body` under `key` once; a repeat returns the first ack marked duplicate. */
  apply(key: string, body: unknown): T & { duplicate: boolean } {
    this.#requests++
    const first = this.#acks.get(key)
    if (first) {
      this.#refused++
      return { ...first, duplicate: true }
    }
    const ack = this.makeAck(key, body, this.#acks.size + 1)
    this.#acks.set(key, ack)
    this.#applied.set(key, (this.#applied.get(key) ?? 0) + 1)
    return { ...ack, duplicate: false }
  }

  /** The first acknowledgements, in the order applied. */
  acks(): T[] {
    return [...this.#acks.values()]
  }

  stats(): LedgerStats {
    return {
      requests: this.#requests,
      applied: this.#applied.size,
      appliedPerKey: Object.fromEntries(this.#applied),
      duplicatesRefused: this.#refused,
    }
  }
}
