import { test } from '@japa/runner'
import { Redis } from 'ioredis'
import queueConfig from '#config/queue'
import { RateLimits, allow, currentRateLimits, firstWithin } from '#core/identity/rate_limit'

/*
| The rate limiter (rate-limiter-flexible): a counter left without expiry by a
| crash between two calls still expires, many distinct keys do not grow memory
| for good, and a burst at a window's edge does not get twice the limit through.
*/
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test.group('Rate limiter', () => {
  test('a counter left without expiry (crash between INCR and EXPIRE) expires', async ({
    assert,
  }) => {
    const redis = new Redis({ ...queueConfig.redis, lazyConnect: true })
    const limits = new RateLimits({ kind: 'redis', client: redis }, `${queueConfig.prefix}:rltest`)
    const key = `crash:${Date.now()}`
    const window = 60
    const bucket = Math.floor(Date.now() / (window * 1000))
    const stored = limits.storeKey(`${key}:${bucket}`, window * 2)
    // What a process dying right after INCR leaves: a count and no TTL.
    await redis.set(stored, '99')
    assert.equal(await redis.pttl(stored), -1)
    await limits.hit(key, window)
    const ttl = await redis.pttl(stored)
    assert.isAbove(ttl, 0)
    assert.isAtMost(ttl, window * 2 * 1000)
    await redis.del(stored)
    await limits.close()
  })

  test('many distinct keys are dropped from memory when their window ends', async ({ assert }) => {
    const limits = new RateLimits({ kind: 'memory' }, 'mem')
    for (let i = 0; i < 5000; i++) await limits.claim(`submit:${i}`, 1)
    assert.equal(limits.memoryEntries(), 5000)
    await sleep(1200)
    assert.equal(limits.memoryEntries(), 0)
    await limits.close()
  }).timeout(10000)

  test('a burst at the edge of a window does not double the limit', async ({ assert }) => {
    const limits = new RateLimits({ kind: 'memory' }, 'edge')
    const windowMs = 60_000
    const edge = Math.ceil(Date.now() / windowMs) * windowMs
    let allowed = 0
    // Five at the last second of one bucket, five at the first second of the next.
    for (let i = 0; i < 5; i++) if ((await limits.hit('k', 60, edge - 1000)) <= 5) allowed++
    for (let i = 0; i < 5; i++) if ((await limits.hit('k', 60, edge + 1000)) <= 5) allowed++
    assert.equal(allowed, 5)
    await limits.close()
  })

  test('failures just before and just after a window edge count as whole failures', async ({
    assert,
  }) => {
    const limits = new RateLimits({ kind: 'memory' }, 'whole')
    const windowMs = 900_000
    const edge = Math.ceil(Date.now() / windowMs) * windowMs
    await limits.hit('k', 900, edge - 2000)
    await limits.hit('k', 900, edge - 1000)
    // The third failure, a second into the next bucket: three, not 2.998 (captcha after 3).
    assert.equal(await limits.hit('k', 900, edge + 1000), 3)
    assert.equal(await limits.peek('k', 900, edge + 1500), 3)
    await limits.close()
  })

  test('allow counts within the window; firstWithin claims once', async ({ assert }) => {
    const key = `shared:${Date.now()}`
    assert.isTrue(await allow(key, 2, 60))
    assert.isTrue(await allow(key, 2, 60))
    assert.isFalse(await allow(key, 2, 60))
    assert.isTrue(await firstWithin(key, 60))
    assert.isFalse(await firstWithin(key, 60))
    assert.equal(currentRateLimits().memoryEntries(), 0) // Redis in the suite: nothing held in memory
  })
})
