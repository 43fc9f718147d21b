/*
| Rate limits for sign-in, captcha, SSO, exports and the repeat-submit guard, on
| `rate-limiter-flexible`: with Redis (several app nodes) the counters are shared
| and each hit is one atomic Lua call (SET NX EX + INCRBY, and a key found without
| expiry gets one), so no crash can leave a permanent lockout; without Redis
| (single-node demo) they live in memory and every entry is dropped when its
| window ends, so many distinct keys cannot grow the process.
|
| `allow` is a sliding window: the hits of the current fixed bucket plus the
| previous bucket's hits weighted by how much of it still lies inside the window.
| A burst at a bucket edge therefore cannot get twice the limit through.
*/
import { Redis } from 'ioredis'
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'
import queueConfig from '#config/queue'

/* Locks share one limiter; each lock sets its own expiry. */

/**
 * The sliding-window estimate as a whole count of hits. Just after a bucket boundary the
 * previous bucket weighs slightly under 1, so two failures before it and one after read
 * 2.999…: compared with `>= 3` that let one more password guess through without the
 * captcha (and made the sign-in throttling answer differently a second apart).
 */
const wholeHits = (estimate: number) => Math.round(estimate)
const LOCK_DURATION = 1

type Store = { kind: 'memory' } | { kind: 'redis'; client: Redis }

export class RateLimits {
  #store: Store
  #limiters = new Map<number, RateLimiterAbstract>()
  #prefix: string

  constructor(store: Store, prefix: string) {
    this.#store = store
    this.#prefix = prefix
  }

  /** One limiter per duration (the few windows in use); the limit itself is applied here. */
  #limiter(durationSeconds: number) {
    let limiter = this.#limiters.get(durationSeconds)
    if (!limiter) {
      const options = {
        keyPrefix: `${this.#prefix}:rl${durationSeconds}`,
        points: Number.MAX_SAFE_INTEGER,
        duration: durationSeconds,
      }
      limiter =
        this.#store.kind === 'redis'
          ? new RateLimiterRedis({ ...options, storeClient: this.#store.client })
          : new RateLimiterMemory(options)
      this.#limiters.set(durationSeconds, limiter)
    }
    return limiter
  }

  /** Redis key of a bucket (tests plant counters there). */
  storeKey(key: string, durationSeconds: number) {
    return `${this.#prefix}:rl${durationSeconds}:${key}`
  }

  /** Counts one hit; returns the sliding-window estimate of hits within the last window. */
  async hit(key: string, windowSeconds: number, now = Date.now()): Promise<number> {
    const windowMs = windowSeconds * 1000
    const bucket = Math.floor(now / windowMs)
    // Buckets live two windows, so the previous one is readable for the whole current one.
    const limiter = this.#limiter(windowSeconds * 2)
    const [previous, current] = await Promise.all([
      limiter.get(`${key}:${bucket - 1}`),
      limiter.penalty(`${key}:${bucket}`, 1),
    ])
    const elapsed = (now % windowMs) / windowMs
    return wholeHits(current.consumedPoints + (previous?.consumedPoints ?? 0) * (1 - elapsed))
  }

  /** The same estimate as `hit`, without counting. */
  async peek(key: string, windowSeconds: number, now = Date.now()): Promise<number> {
    const windowMs = windowSeconds * 1000
    const bucket = Math.floor(now / windowMs)
    const limiter = this.#limiter(windowSeconds * 2)
    const [previous, current] = await Promise.all([
      limiter.get(`${key}:${bucket - 1}`),
      limiter.get(`${key}:${bucket}`),
    ])
    const elapsed = (now % windowMs) / windowMs
    return wholeHits(
      (current?.consumedPoints ?? 0) + (previous?.consumedPoints ?? 0) * (1 - elapsed)
    )
  }

  /** Forgets a key's hits (e.g. a successful sign-in clears its failures). */
  async reset(key: string, windowSeconds: number, now = Date.now()) {
    const bucket = Math.floor(now / (windowSeconds * 1000))
    const limiter = this.#limiter(windowSeconds * 2)
    await Promise.all([limiter.delete(`${key}:${bucket - 1}`), limiter.delete(`${key}:${bucket}`)])
  }

  /** Holds a key locked for `seconds` (sign-in lockouts); the lock expires by itself. */
  async lock(key: string, seconds: number) {
    await this.#limiter(LOCK_DURATION).set(`lock:${key}`, 1, seconds)
  }

  /** Milliseconds a key stays locked (0 when it is not). */
  async lockedFor(key: string): Promise<number> {
    const res = await this.#limiter(LOCK_DURATION).get(`lock:${key}`)
    return res && res.consumedPoints > 0 && res.msBeforeNext > 0 ? res.msBeforeNext : 0
  }

  async unlock(key: string) {
    await this.#limiter(LOCK_DURATION).delete(`lock:${key}`)
  }

  async claim(key: string, windowSeconds: number): Promise<boolean> {
    const result = await this.#limiter(windowSeconds).penalty(`claim:${key}`, 1)
    return result.consumedPoints === 1
  }

  /** Entries held in memory (0 with Redis): what the bounded-memory test watches. */
  memoryEntries(): number {
    let total = 0
    for (const limiter of this.#limiters.values()) {
      const storage = (
        limiter as unknown as { _memoryStorage?: { _storage: Map<string, unknown> } }
      )._memoryStorage
      total += storage?._storage.size ?? 0
    }
    return total
  }

  async close() {
    if (this.#store.kind === 'redis') this.#store.client.disconnect()
    this.#limiters.clear()
  }
}

let limits: RateLimits | undefined
export const currentRateLimits = () =>
  (limits ??=
    queueConfig.driver === 'bullmq'
      ? new RateLimits(
          {
            kind: 'redis',
            client: new Redis({ ...queueConfig.redis, lazyConnect: true, maxRetriesPerRequest: 1 }),
          },
          `${queueConfig.prefix}:ratelimit`
        )
      : new RateLimits({ kind: 'memory' }, `${queueConfig.prefix}:ratelimit`))

/** Counts one attempt; true while the key stays within `max` attempts per (sliding) window. */
export async function allow(key: string, max: number, windowSeconds: number): Promise<boolean> {
  try {
    return (await currentRateLimits().hit(key, windowSeconds)) <= max
  } catch {
    // A limiter outage must not lock every clerk out; lockout per account still applies.
    return true
  }
}

/** True the first time a key is seen within the window (repeat-submit guard). Fails open. */
export async function firstWithin(key: string, windowSeconds: number): Promise<boolean> {
  try {
    return await currentRateLimits().claim(key, windowSeconds)
  } catch {
    return true
  }
}

/**
 * The same claim for a credential that must be used once (SSO ticket nonces): fails
 * closed. While Redis is down a portal user signs in with a password instead; a
 * replayed ticket must never open a session because the store that remembers it is away.
 */
export async function claimOnce(key: string, windowSeconds: number): Promise<boolean> {
  try {
    return await currentRateLimits().claim(key, windowSeconds)
  } catch {
    return false
  }
}

/** Closes the Redis connection, so the process can exit on SIGTERM. */
export async function closeRateLimiter() {
  await limits?.close()
  limits = undefined
}
