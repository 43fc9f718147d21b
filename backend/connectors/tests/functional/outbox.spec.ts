import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'
import { dbTimeIn } from '#core/connectors/times'
import { queue } from '#core/queue/queue'
import { jobRuns } from '#core/queue/job_runs'
import { tokenFor, userWith } from '#tests/helpers/auth'
import {
  definePostingSystem,
  outboxStatuses as statuses,
  useFakePostingSystem,
} from '#tests/helpers/outbox_system'

/*
| Transactional outbox: postings written with the business change, delivered
| with their idempotency key until acknowledged. "Exactly once" is checked where
| it matters — at the receiver, which counts applications per key.
*/
const CORE = 'test-core'

definePostingSystem(CORE, { zh: '测试核心系统', en: 'Test core banking' })

/* Small back-offs and timeouts keep the test fast; production reads its 参数. */
const FAST: DeliveryOptions = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 80,
  retries: 0,
  concurrency: 20,
  batchSize: 50,
  maxAttempts: 100,
}

async function postings(count: number, prefix = 'posting') {
  await db.transaction(async (trx) => {
    for (let i = 1; i <= count; i++)
      await outbox.enqueue(trx, {
        system: CORE,
        interface: 'posting',
        idempotencyKey: `${prefix}:${i}`,
        payload: { accountNo: '6222021234567890123', amount: `${i}.00`, direction: 'credit' },
      })
  })
}

test.group('Outbox', (group) => {
  const fake = useFakePostingSystem(group, CORE)

  test('a message is written with the business change or not at all', async ({ assert }) => {
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await outbox.enqueue(trx, {
          system: CORE,
          interface: 'posting',
          idempotencyKey: 'rolled-back',
          payload: { amount: '1.00' },
        })
        throw new Error('business change failed')
      })
    )
    assert.isNull(await db.from('outbox_messages').where('idempotency_key', 'rolled-back').first())
  })

  test('200 postings through 50 % failures and 10 % timeouts are applied exactly once', async ({
    assert,
  }) => {
    fake().knobs.failRate = 0.5
    fake().knobs.timeoutRate = 0.1
    fake().knobs.slowMs = 250
    await postings(200)
    const counts = await outbox.deliverDue(FAST)
    assert.equal(counts.sent, 200)
    assert.deepEqual(await statuses(), { sent: 200 })
    assert.equal(fake().applied.size, 200)
    for (const [key, times] of fake().applied)
      assert.equal(times, 1, `${key} applied ${times} times`)
    // The faults were real: failures were retried and timed-out postings sent again,
    // which the receiver recognised by their keys.
    assert.isAbove(fake().total, 300)
    const repeated = [...fake().requests.values()].filter((n) => n > 1).length
    assert.isAbove(repeated, 50)
    assert.isTrue(fake().log.every((r) => typeof r.headers['idempotency-key'] === 'string'))
  })

  test('a message claimed by a crashed worker is delivered once its claim expires', async ({
    assert,
  }) => {
    await postings(1, 'crash')
    // The crashed node had claimed it and sent it (the receiver applied it), then died before the ack.
    await db
      .from('outbox_messages')
      .where('idempotency_key', 'crash:1')
      .update({ claimed_by: 'node-that-died', claimed_until: dbTimeIn(300), attempts: 1 })
    await fetch(`${fake().url}/postings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'crash:1' },
      body: JSON.stringify({ amount: '1.00' }),
    })

    assert.equal((await outbox.deliverDue(FAST)).sent, 0, 'a live claim is respected')
    await new Promise((r) => setTimeout(r, 350))
    assert.equal((await outbox.deliverDue(FAST)).sent, 1)

    const row = await db.from('outbox_messages').where('idempotency_key', 'crash:1').first()
    assert.equal(row.status, 'sent')
    assert.isNull(row.claimed_by)
    assert.equal(row.attempts, 2)
    assert.equal(fake().requests.get('crash:1'), 2)
    assert.equal(fake().applied.get('crash:1'), 1, 'applied once at the receiver')
    assert.include(row.ack, '"duplicate":true')
  })

  test('two workers draining at once never hold the same message', async ({ assert }) => {
    await postings(40, 'race')
    // A generous timeout: under load a timed-out send is legitimately sent again, which is not what this checks.
    const relaxed = { ...FAST, timeoutMs: 5_000 }
    const [a, b] = await Promise.all([outbox.deliverDue(relaxed), outbox.deliverDue(relaxed)])
    assert.equal(a.sent + b.sent, 40)
    assert.equal(a['lost-claim'] + b['lost-claim'], 0)
    for (const times of fake().requests.values()) assert.equal(times, 1)
  })

  test('after the maximum attempts a message is dead until an operator retries it', async ({
    assert,
    client,
  }) => {
    fake().knobs.down = true
    await postings(1, 'dead')
    await outbox.deliverDue({ ...FAST, maxAttempts: 3 })
    const row = await db.from('outbox_messages').where('idempotency_key', 'dead:1').first()
    assert.containsSubset(row, { status: 'dead', attempts: 3, last_http_status: 503 })
    assert.equal(fake().total, 3)

    const operator = await userWith({ permissions: ['system:outbox:list', 'system:outbox:retry'] })
    const list = await client
      .get('/api/system/outbox')
      .qs({ status: 'dead' })
      .bearerToken(operator.token)
    list.assertStatus(200)
    assert.equal(list.body().meta.total, 1)
    assert.include(list.body().data[0].payload, '6222***********0123')
    assert.notInclude(list.body().data[0].payload, '6222021234567890123')

    fake().knobs.down = false
    const retried = await client
      .post(`/api/system/outbox/${row.id}/retry`)
      .bearerToken(operator.token)
    retried.assertStatus(200)
    assert.containsSubset(retried.body(), { status: 'pending', attempts: 0 })
    await outbox.deliverDue(FAST)
    assert.deepEqual(await statuses(), { sent: 1 })
    assert.equal(fake().applied.get('dead:1'), 1)

    const again = await client
      .post(`/api/system/outbox/${row.id}/retry`)
      .bearerToken(await tokenFor('admin'))
    again.assertStatus(409)
    const audited = await db.from('audit_logs').where('action', 'outbox.retry')
    assert.lengthOf(audited, 2)
  })

  test('the delivery job sends what is due', async ({ assert }) => {
    await postings(3, 'job')
    const id = await queue.dispatch('system:outbox-deliver')
    await queue.drain()
    const run = await jobRuns.find(id)
    assert.equal(run!.status, 'completed')
    assert.deepEqual(await statuses(), { sent: 3 })
    assert.equal(fake().applied.size, 3)
  })
})
