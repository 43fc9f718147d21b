import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import queueConfig from '#config/queue'
import { CacheBus } from '#core/cache/cache_bus'
import { VersionedCache, readVersion } from '#core/cache/versioned_cache'

/*
| Two app nodes in one process: two caches of the same name, each with its own
| bus (its own Redis connections), sharing the database. The safety-net interval
| is long unless a test says otherwise, so only the bus (or the writer's local
| drop) can explain a node seeing a change.
*/
const KEY = 'system.bank.name'
const bankName = async () => {
  const row = await db.from('settings').where('key', KEY).first()
  return (row.value ?? row.default_value) as string
}
const setBankName = (value: string) => db.from('settings').where('key', KEY).update({ value })

async function twoNodes(options: { redis: boolean; recheckMs?: number }) {
  const id = randomUUID().slice(0, 8)
  const channel = `${queueConfig.prefix}:cache-spec-${id}`
  const buses = options.redis
    ? [
        new CacheBus({ redis: queueConfig.redis, channel }),
        new CacheBus({ redis: queueConfig.redis, channel }),
      ]
    : [null, null]
  await Promise.all(buses.map((bus) => bus?.ready()))
  const [a, b] = buses.map(
    (bus) =>
      new VersionedCache({
        name: `spec-${id}`,
        load: bankName,
        bus,
        recheckMs: options.recheckMs ?? 60_000,
      })
  )
  return {
    a,
    b,
    async close() {
      a.close()
      b.close()
      await Promise.all(buses.map((bus) => bus?.close()))
    },
  }
}

/** Polls until `read` returns `expected` (or gives up after `ms`), returning the last value. */
async function eventually<T>(read: () => Promise<T> | T, expected: T, ms = 3000): Promise<T> {
  const until = Date.now() + ms
  let value = await read()
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    value = await read()
  }
  return value
}

test.group('Versioned cache across app nodes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a change written on one node is seen on the other at once through Redis', async ({
    assert,
    cleanup,
  }) => {
    assert.equal(queueConfig.driver, 'bullmq', 'the suite runs with REDIS_HOST set')
    const nodes = await twoNodes({ redis: true })
    cleanup(() => nodes.close())
    const before = await bankName()
    assert.equal(await nodes.a.get(), before)
    assert.equal(await nodes.b.get(), before)

    // Unannounced, the other node keeps its copy: this really is a cache.
    await setBankName('节点甲改名')
    assert.equal(await nodes.b.get(), before)

    const version = await nodes.a.changed()
    assert.equal(await nodes.a.get(), '节点甲改名')
    assert.equal(await eventually(() => nodes.b.get(), '节点甲改名'), '节点甲改名')
    assert.equal(await nodes.b.version(), version)
    assert.equal(await readVersion(nodes.a.name), version)
  })

  test('a synchronous reader on the other node sees the change without a request of its own', async ({
    assert,
    cleanup,
  }) => {
    const nodes = await twoNodes({ redis: true })
    cleanup(() => nodes.close())
    await nodes.b.get()
    await setBankName('同步读取')
    await nodes.a.changed()
    // The bus message makes node B reload in the background; peek() never queries.
    assert.equal(await eventually(() => nodes.b.peek(), '同步读取'), '同步读取')
  })

  test('without Redis the writer sees its change at once and the others at their next check', async ({
    assert,
    cleanup,
  }) => {
    const nodes = await twoNodes({ redis: false, recheckMs: 300 })
    cleanup(() => nodes.close())
    const before = await bankName()
    await nodes.a.get()
    await nodes.b.get()

    await setBankName('单机改名')
    await nodes.a.changed()
    assert.equal(await nodes.a.get(), '单机改名')
    assert.equal(await nodes.b.get(), before, 'node B trusts its copy until the safety-net check')
    await new Promise((resolve) => setTimeout(resolve, 350))
    assert.equal(await nodes.b.get(), '单机改名')
  })

  test('a change inside a transaction is announced only after it commits', async ({
    assert,
    cleanup,
  }) => {
    const nodes = await twoNodes({ redis: true })
    cleanup(() => nodes.close())
    const before = await nodes.b.get()
    await db.transaction(async (trx) => {
      await trx.from('settings').where('key', KEY).update({ value: '事务内改名' })
      await nodes.a.changed(trx)
      await new Promise((resolve) => setTimeout(resolve, 100))
      assert.equal(nodes.b.peek(), before, 'nothing is announced before the commit')
    })
    assert.equal(await eventually(() => nodes.b.get(), '事务内改名'), '事务内改名')
    assert.equal(await eventually(() => nodes.a.get(), '事务内改名'), '事务内改名')
  })

  test('every change gets a new version token, even one that repeats a rolled-back change', async ({
    assert,
    cleanup,
  }) => {
    const nodes = await twoNodes({ redis: false })
    cleanup(() => nodes.close())
    const first = await nodes.a.changed()
    const second = await nodes.a.changed()
    assert.notEqual(first, second)
    assert.equal(await nodes.b.version(), second)
  })
})
