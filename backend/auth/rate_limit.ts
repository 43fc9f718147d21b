/*
| A fixed-window rate limiter for login, captcha and SSO. With Redis (several app
| nodes) the counters are shared; without it (single-node demo) they live in memory.
*/
import { Redis } from 'ioredis'
import queueConfig from '#config/queue'

interface Limiter {
  hit(key: string, windowSeconds: number): Promise<number>
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
}

class RedisLimiter implements Limiter {
  #redis = new Redis({ ...queueConfig.redis, lazyConnect: true, maxRetriesPerRequest: 1 })
  async hit(key: string, windowSeconds: number) {
    const name = `${queueConfig.prefix}:ratelimit:${key}`
    const count = await this.#redis.incr(name)
    if (count === 1) await this.#redis.expire(name, windowSeconds)
    return count
  }
}

let limiter: Limiter | undefined
const current = () => (limiter ??= queueConfig.driver === 'bullmq' ? new RedisLimiter() : new MemoryLimiter())

/** Counts one attempt; true while the key stays within `max` attempts per window. */
export async function allow(key: string, max: number, windowSeconds: number): Promise<boolean> {
  try {
    return (await current().hit(key, windowSeconds)) <= max
  } catch {
    // A limiter outage must not lock every clerk out; lockout per account still applies.
    return true
  }
}
