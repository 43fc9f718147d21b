/*
| Deadlocks are answered by running the transaction again, not by a 500. InnoDB
| picks a victim when two transactions wait on each other (ER_LOCK_DEADLOCK, 1213),
| and a Galera cluster refuses at commit a transaction whose rows another node
| changed first (certification failure — reported with the same 1213, "WSREP
| detected deadlock/conflict"). Both leave nothing behind: the whole unit rolled
| back, so running the callback again is the documented cure.
|
| Only a managed transaction — `db.transaction(async (trx) => …)` — is retried:
| the callback is the unit of work and can run again from the start. A manual
| `const trx = await db.transaction()` cannot be (its caller holds the state), nor
| a savepoint inside another transaction (the outer one was rolled back too and
| retries as a whole). Retries are bounded, with jittered back-off so the two
| parties of a deadlock do not collide again at once.
*/
import { QueryClient } from '@adonisjs/lucid/database'
import { connectionRetries, isConnectionLost, wroteBeforeLoss } from './connection_retry.js'

/** MySQL/MariaDB deadlock victims and Galera certification failures. */
export function isRetryableConflict(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown }
  return e?.code === 'ER_LOCK_DEADLOCK' || e?.errno === 1213
}

export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number
  /** Back-off before retry n is base × 2^(n-1), plus up to the same again as jitter. */
  baseDelayMs: number
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseDelayMs: 15 }

/** Counts retries since start (read by /metrics and the tests). */
export const deadlockRetries = { count: 0 }

/**
 * A transaction whose connection died before it sent a write (connection_retry.ts)
 * was rolled back by the server: it runs again on a fresh connection (twice at most).
 */
function isLostBeforeWrite(error: unknown): boolean {
  return isConnectionLost(error) && wroteBeforeLoss(error) === false
}

export async function withConflictRetry<T>(
  work: () => Promise<T>,
  policy: RetryPolicy = defaultRetryPolicy
): Promise<T> {
  let reconnects = 0
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      // At once, then once more after a second (the proxy may not have noticed the dead node yet).
      if (reconnects < 2 && isLostBeforeWrite(error)) {
        if (reconnects++) await new Promise((resolve) => setTimeout(resolve, 1000))
        connectionRetries.transactions++
        continue
      }
      if (attempt >= policy.attempts || !isRetryableConflict(error)) throw error
      deadlockRetries.count++
      const base = policy.baseDelayMs * 2 ** (attempt - 1)
      await new Promise((resolve) => setTimeout(resolve, base + Math.random() * base))
    }
  }
}

let installed = false

/** Makes every managed top-level transaction retry on a deadlock (once per process). */
export function installTransactionRetry(policy: RetryPolicy = defaultRetryPolicy) {
  if (installed) return
  installed = true
  const original = QueryClient.prototype.transaction
  QueryClient.prototype.transaction = function transaction(this: QueryClient, ...args: any[]) {
    const [callback, ...rest] = args
    if (typeof callback !== 'function') return (original as any).apply(this, args)
    return withConflictRetry(async () => {
      // The callback's own error decides: when the connection is dead, Lucid's ROLLBACK fails too
      // and would hide it.
      let failure: unknown
      const noted = async (trx: unknown) => {
        try {
          return await callback(trx)
        } catch (error) {
          failure = error
          throw error
        }
      }
      try {
        return await (original as any).call(this, noted, ...rest)
      } catch (error) {
        throw failure ?? error
      }
    }, policy)
  } as typeof original
}
