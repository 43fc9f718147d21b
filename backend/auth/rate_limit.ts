/*
| A fixed-window rate limiter for login, captcha and SSO. With Redis (several app
| nodes) the counters are shared; without it (single-node demo) they live in memory.
*/
import { Redis } from 'ioredis'
import queueConfig from '#config/queue'

interface Limiter {
  close?(): Promise<void>
  hit(key: string, windowSeconds: number): Promise<number>
  /** True only for the first claim of a key within the window. */
  claim(key: string, windowSeconds: number): Promise<boolean>
}

class MemoryLimiter implements Limiter {
  #counts = new Map<string, { count: number; resetAt: number }>()
  async hit(key: string, windowSeconds: number) {
    const now = Date.now()
    const entry = this.#counts.get(key)
    if (!entry || entry.resetAt <= now) {
      this.#counts.set(key, { count: 1, resetAt: now + windowSeconds * 1000 })
      return 1
    }
    entry.count++
    return entry.count
  }
  async claim(key: string, windowSeconds: number) {
    return (await this.hit(`claim:${key}`, windowSeconds)) === 1
  }
}

class RedisLimiter implements Limiter {
  #redis = new Redis({ ...queueConfig.redis, lazyConnect: true, maxRetriesPerRequest: 1 })
  async hit(key: string, windowSeconds: number) {
    const name = `${queueConfig.prefix}:ratelimit:${key}`
    const count = await this.#redis.incr(name)
    if (count === 1) await this.#redis.expire(name, windowSeconds)
    return count
  }
  async close() {
    this.#redis.disconnect()
  }
  async claim(key: string, windowSeconds: number) {
    const result = await this.#redis.set(
      `${queueConfig.prefix}:claim:${key}`,
      '1',
      'EX',
      windowSeconds,
      'NX'
    )
    return result === 'OK'
  }
}

let limiter: Limiter | undefined
const current = () =>
  (limiter ??= queueConfig.driver === 'bullmq' ? new RedisLimiter() : new MemoryLimiter())

/** Counts one attempt; true while the key stays within `max` attempts per window. */
export async function allow(key: string, max: number, windowSeconds: number): Promise<boolean> {
  try {
    return (await current().hit(key, windowSeconds)) <= max
  } catch {
    // A limiter outage must not lock every clerk out; lockout per account still applies.
    return true
  }
}

/** True the first time a key is seen within the window (repeat-submit guard). */
export async function firstWithin(key: string, windowSeconds: number): Promise<boolean> {
  try {
    return await current().claim(key, windowSeconds)
  } catch {
    return true
  }
}

/** Closes the Redis connection, so the process can exit on SIGTERM. */
export async function closeRateLimiter() {
  await limiter?.close?.()
  limiter = undefined
}
