import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { connectorRegistry } from '#core/connectors/registry'
import { ConnectorError } from '#core/connectors/connector_error'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'
import { tokenFor } from '#tests/helpers/auth'
import { settingsCache } from '#core/settings/settings_cache'
import { bankSystems } from '../../adapters/index.js'
import startup, { runningSimulator } from '../../startup.js'
import type { Simulator } from '../../simulator/server.js'
import { pointSystemsAt, resetBreakers, startTestSimulator } from '../helpers.js'

/*
| Acceptance of issue 4 (third part): postings to the simulated core banking
| survive failures and timeouts and are applied exactly once; a failing system
| trips its breaker and 服务管理 shows it; production never starts the simulator.
*/

/* Small back-offs and timeouts keep the test fast; production reads its 参数. */
const FAST: DeliveryOptions = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 80,
  retries: 0,
  concurrency: 25,
  batchSize: 100,
  maxAttempts: 100,
  // One posting a request: the single path. 批量记账 has its own test below.
  batchItems: 1,
}

const statuses = async () =>
  Object.fromEntries(
    (
      await db
        .from('outbox_messages')
        .where('system_code', 'core-banking')
        .groupBy('status')
        .select('status')
        .count('* as n')
    ).map((r: any) => [r.status, Number(r.n)])
  )

test.group('bank-systems: outbox, breaker, startup', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    return async () => {
      await rollback()
      settingsCache.invalidate()
      resetBreakers()
    }
  })

  test('500 postings through 50 % errors and 10 % timeouts are applied exactly once', async ({
    assert,
  }) => {
    // The breaker would pause deliveries for 30 s at a 50 % error rate; this test is
    // about the outbox and the receiver's dedup, so the breaker is made lenient here.
    const definition = connectorRegistry.system('core-banking')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    // A delivery job of this process (one an earlier spec left) sends one by one too, so
    // the per-request faults counted below are this path's.
    await db.from('settings').where('key', 'system.outbox.batchItems').update({ value: '1' })
    settingsCache.invalidate()
    try {
      sim.setFaults({
        system: 'core-banking',
        errorRate: 0.5,
        timeoutRate: 0.1,
        hangMs: 200,
        duplicateDeliveries: 0.05,
      })
      const keys = Array.from({ length: 500 }, (_, i) => `writeoff:${i + 1}`)
      // Several business transactions, each writing its postings with its change.
      for (let start = 0; start < keys.length; start += 100)
        await db.transaction(async (trx) => {
          for (const key of keys.slice(start, start + 100))
            await outbox.enqueue(trx, {
              system: 'core-banking',
              interface: 'posting',
              idempotencyKey: key,
              payload: {
                loanNo: 'LN0001',
                accountNo: '6222021234567890123',
                amount: '100.00',
                direction: 'credit',
              },
            })
        })

      const faulty = await outbox.deliverDue(FAST)
      const during = sim.stats()
      sim.setFaults({ system: '*', errorRate: 0, timeoutRate: 0, duplicateDeliveries: 0 })
      const recovered = await outbox.deliverDue(FAST)
      // The outbox is built for several deliverers at once: a delivery job of this process's
      // queue worker (e.g. one a killed worker of an earlier spec left to be retried after
      // its stall check) may claim some of these messages meanwhile. What must hold is the
      // end state — every message sent once, none dead — not this caller's share of it.
      let end = await statuses()
      // Up to a minute: on a loaded machine another deliverer may hold a claim for a while.
      for (let waited = 0; waited < 60_000 && end.pending; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        await outbox.deliverDue(FAST)
        end = await statuses()
      }

      assert.isAtMost(faulty.sent + recovered.sent, 500)
      assert.equal(faulty.dead + recovered.dead, 0)
      assert.deepEqual(end, { sent: 500 })

      const stats = sim.stats()
      // Every key applied, exactly once: none lost, none doubled.
      assert.equal(stats.postings.applied, 500)
      assert.sameMembers(Object.keys(stats.postings.appliedPerKey), keys)
      for (const [key, times] of Object.entries(stats.postings.appliedPerKey))
        assert.equal(times, 1, `${key} applied ${times} times`)
      // The faults were real and the repeats were refused by key.
      assert.isAbove(during.injected.errors, 250)
      assert.isAbove(during.injected.timeouts, 25)
      assert.isAbove(stats.postings.duplicatesRefused, 25)
      assert.equal(
        stats.postings.requests,
        stats.postings.applied + stats.postings.duplicatesRefused
      )
      console.log(
        `  outbox acceptance: ${stats.requests['core-banking']} requests, ` +
          `${stats.injected.errors} errors and ${stats.injected.timeouts} timeouts injected, ` +
          `${stats.injected.duplicateDeliveries} duplicate deliveries, ` +
          `${stats.postings.duplicatesRefused} duplicates refused, ${stats.postings.applied} applied once`
      )
    } finally {
      definition.breaker = breaker
      resetBreakers()
    }
  }).timeout(120_000)

  test('批量记账: 600 postings, requests and items failing, applied exactly once; a refusal keeps its reason', async ({
    assert,
  }) => {
    const definition = connectorRegistry.system('core-banking')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    try {
      // errorRate hits whole requests and, within a batch, single items.
      sim.setFaults({
        system: 'core-banking',
        errorRate: 0.3,
        timeoutRate: 0.1,
        hangMs: 300,
        duplicateDeliveries: 0.2,
      })
      const keys = Array.from({ length: 600 }, (_, i) => `wo-batch:${i + 1}`)
      await db.transaction((trx) =>
        outbox.enqueueMany(trx, [
          ...keys.map((key) => ({
            system: 'core-banking',
            interface: 'posting',
            idempotencyKey: key,
            payload: { loanNo: 'LN0001', accountNo: '1', amount: '100.00', direction: 'credit' },
          })),
          // Core banking refuses this one (no amount): it must not fail its batch.
          {
            system: 'core-banking',
            interface: 'posting',
            idempotencyKey: 'wo-batch:refused',
            payload: { loanNo: 'LN0001', accountNo: '1', direction: 'credit' },
          },
        ])
      )
      const options = { ...FAST, batchItems: 100, concurrency: 4, timeoutMs: 150, maxAttempts: 30 }
      let end = await statuses()
      // Up to a minute: another deliverer of this process (a job an earlier spec left) may hold
      // claims meanwhile, as in the test above.
      for (let waited = 0; waited < 60_000 && end.pending; waited += 100) {
        await outbox.deliverDue(options)
        end = await statuses()
        if (end.pending) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      assert.deepEqual(end, { sent: 600, dead: 1 })
      const stats = sim.stats()
      assert.equal(stats.postings.applied, 600)
      assert.sameMembers(Object.keys(stats.postings.appliedPerKey), keys)
      for (const [key, times] of Object.entries(stats.postings.appliedPerKey))
        assert.equal(times, 1, `${key} applied ${times} times`)
      // Far fewer requests than postings, and the faults were real.
      assert.isBelow(stats.requests['core-banking'], 200)
      assert.isAbove(stats.injected.errors, 100)
      assert.isAbove(stats.postings.duplicatesRefused, 50)
      const refused = await db
        .from('outbox_messages')
        .where('idempotency_key', 'wo-batch:refused')
        .first()
      assert.containsSubset(refused, { status: 'dead', attempts: 30, last_http_status: 400 })
      assert.include(refused.last_error, 'amount 必填')
      const sent = await db.from('outbox_messages').where('idempotency_key', 'wo-batch:9').first()
      assert.match(JSON.parse(sent.ack).data.postingNo, /^P\d{10}$/)
    } finally {
      definition.breaker = breaker
      resetBreakers()
    }
  }).timeout(120_000)

  test('a failing core banking opens its breaker and 服务管理 shows it down', async ({
    assert,
    client,
  }) => {
    sim.setFaults({ system: 'core-banking', errorRate: 1 })
    // Five consecutive transient failures (the default) open the breaker.
    for (let i = 0; i < 5; i++) {
      const error = await bankSystems.coreBanking.loanBalance('LN-X').catch((e) => e)
      assert.instanceOf(error, ConnectorError)
      assert.equal(error.httpStatus, 500)
    }
    const before = sim.stats().requests['core-banking']
    const refused = await bankSystems.coreBanking.loanBalance('LN-X').catch((e) => e)
    assert.equal(refused.kind, 'breaker_open')
    assert.equal(sim.stats().requests['core-banking'], before, 'an open breaker sends nothing')

    const response = await client.get('/api/system/connectors').bearerToken(await tokenFor('admin'))
    response.assertStatus(200)
    const core = response.body().data.find((s: any) => s.code === 'core-banking')
    assert.containsSubset(core, { health: 'open', breakerState: 'open', status: 'down' })
    const warning = response.body().data.find((s: any) => s.code === 'warning')
    assert.notEqual(warning.health, 'open', 'only the failing system is down')
    assert.lengthOf(
      response.body().data.filter((s: any) => s.baseUrl?.startsWith(sim.url)),
      13,
      '服务管理 lists the 13 bank systems'
    )
  })

  test('production mode never starts the simulator; demo mode does', async ({ assert }) => {
    assert.isUndefined(await startup({ mode: 'production' }))
    assert.isNull(runningSimulator())

    const saved = process.env.SIMULATOR_PORT
    process.env.SIMULATOR_PORT = '0'
    try {
      const stop = await startup({ mode: 'demo' })
      assert.isFunction(stop)
      const url = runningSimulator()!.url
      const health = await fetch(`${url}/core-banking/health`)
      assert.equal(health.status, 200)
      await stop!()
      assert.isNull(runningSimulator())
    } finally {
      if (saved === undefined) delete process.env.SIMULATOR_PORT
      else process.env.SIMULATOR_PORT = saved
    }
  })
})
