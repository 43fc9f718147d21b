import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { callBatch } from '#core/connectors/batch_call'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'
import { dbTimeIn } from '#core/connectors/times'
import {
  definePostingSystem,
  outboxStatuses as statuses,
  useFakePostingSystem,
} from '#tests/helpers/outbox_system'

/*
| Outbox delivery through a batch endpoint: many postings to a request, each with
| its own idempotency key and its own result. Exactly once is counted at the
| receiver, per key, as for single deliveries (outbox.spec.ts).
*/
const CORE = 'test-core-batch'

definePostingSystem(
  CORE,
  { zh: '测试核心系统（批量）', en: 'Test core banking (batch)' },
  { path: '/postings/batch', maxItems: 40 }
)

const FAST: DeliveryOptions = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 2_000,
  retries: 0,
  concurrency: 4,
  batchSize: 50,
  batchItems: 100,
  maxAttempts: 100,
}

async function postings(count: number, prefix: string) {
  await db.transaction((trx) =>
    outbox.enqueueMany(
      trx,
      Array.from({ length: count }, (_, i) => ({
        system: CORE,
        interface: 'posting',
        idempotencyKey: `${prefix}:${i + 1}`,
        payload: { accountNo: '6222021234567890123', amount: `${i + 1}.00`, direction: 'credit' },
        correlationId: `loan-${i + 1}`,
      }))
    )
  )
}

const message = (key: string) => db.from('outbox_messages').where('idempotency_key', key).first()

test.group('Outbox · batch endpoint', (group) => {
  const fake = useFakePostingSystem(group, CORE)

  test('postings go many to a request (capped by the endpoint), each acked on its own', async ({
    assert,
  }) => {
    await postings(100, 'many')
    const counts = await outbox.deliverDue(FAST)
    assert.equal(counts.sent, 100)
    // batchItems 100, but the endpoint takes 40 at most.
    assert.sameMembers(fake().batches, [40, 40, 20])
    assert.equal(fake().total, 3)
    assert.equal(fake().applied.size, 100)
    const row = await message('many:7')
    assert.equal(row.status, 'sent')
    assert.equal(row.attempts, 1)
    assert.equal(JSON.parse(row.ack).key, 'many:7', 'the ack is the item’s own')
    // 调用日志: one row per posting under its own key and correlation, masked.
    const calls = await db.from('connector_calls').where('system_code', CORE)
    assert.lengthOf(calls, 100)
    const call = calls.find((c: any) => c.idempotency_key === 'many:7')
    assert.containsSubset(call, { status: 'success', http_status: 200, correlation_id: 'loan-7' })
    assert.include(call.request_masked, '6222***********0123')
  })

  test('a posting the core refuses does not fail the others and is shown with its reason', async ({
    assert,
  }) => {
    fake().knobs.refuseKeys.add('part:3')
    await postings(10, 'part')
    await outbox.deliverDue({ ...FAST, maxAttempts: 2 })
    assert.deepEqual(await statuses(), { sent: 9, dead: 1 })
    const refused = await message('part:3')
    assert.containsSubset(refused, { status: 'dead', attempts: 2, last_http_status: 400 })
    assert.include(refused.last_error, '账户已销户，拒绝记账')
    assert.isFalse(fake().applied.has('part:3'))
    assert.equal(fake().requests.get('part:3'), 2)
    for (let i = 1; i <= 10; i++) if (i !== 3) assert.equal(fake().requests.get(`part:${i}`), 1)

    // The core accepts it now; 重发 sends it with the same key, once.
    fake().knobs.refuseKeys.clear()
    assert.isTrue(await outbox.retryDead(Number(refused.id)))
    await outbox.deliverDue(FAST)
    assert.deepEqual(await statuses(), { sent: 10 })
    assert.equal(fake().applied.get('part:3'), 1)
  })

  test('an item missing from the answer stays pending and is sent again with its key', async ({
    assert,
  }) => {
    fake().knobs.dropKeys.add('lost:2')
    await postings(3, 'lost')
    await outbox.deliverDue({ ...FAST, maxRounds: 1 })
    const lost = await message('lost:2')
    assert.containsSubset(lost, { status: 'pending', attempts: 1 })
    assert.include(lost.last_error, 'no result for this item')
    // The receiver had applied it; the repeat is recognised by its key.
    fake().knobs.dropKeys.clear()
    await outbox.deliverDue(FAST)
    assert.deepEqual(await statuses(), { sent: 3 })
    assert.equal(fake().applied.get('lost:2'), 1)
    assert.include((await message('lost:2')).ack, '"duplicate":true')
  })

  test('300 postings through failed requests, failed items and timeouts are applied exactly once', async ({
    assert,
  }) => {
    fake().knobs.failRate = 0.3
    fake().knobs.itemFailRate = 0.3
    fake().knobs.timeoutRate = 0.15
    fake().knobs.slowMs = 300
    await postings(300, 'storm')
    const counts = await outbox.deliverDue({
      ...FAST,
      timeoutMs: 150,
      retries: 1,
      retryBackoffMs: 0,
    })
    assert.equal(counts.sent, 300)
    assert.deepEqual(await statuses(), { sent: 300 })
    assert.equal(fake().applied.size, 300)
    for (const [key, times] of fake().applied)
      assert.equal(times, 1, `${key} applied ${times} times`)
    // The faults were real: items were sent again, and the receiver recognised repeats by key.
    const repeated = [...fake().requests.values()].filter((n) => n > 1).length
    assert.isAbove(repeated, 30)
  })

  test('a switched-off interface costs no attempt; each posting logs the refusal', async ({
    assert,
  }) => {
    await db
      .from('connector_interfaces')
      .where({ system_code: CORE, code: 'posting' })
      .update({ enabled: false })
    await postings(5, 'off')
    const counts = await outbox.deliverDue({ ...FAST, maxRounds: 1 })
    assert.equal(counts.retry, 5)
    assert.equal(fake().total, 0)
    const row = await message('off:1')
    assert.containsSubset(row, { status: 'pending', attempts: 0 })
    assert.include(row.last_error, 'disabled')
    const refusals = await db
      .from('connector_calls')
      .where({ system_code: CORE, error_kind: 'disabled' })
    assert.lengthOf(refusals, 5)
  })

  test('an ack after the claim moved to another worker is not recorded', async ({ assert }) => {
    fake().knobs.delayMs = 300
    await postings(2, 'moved')
    const delivering = outbox.deliverDue({ ...FAST, claimTtlMs: 100, maxRounds: 1 })
    await new Promise((r) => setTimeout(r, 150))
    // Another node took the expired claims over meanwhile.
    await db
      .from('outbox_messages')
      .where('idempotency_key', 'like', 'moved:%')
      .update({ claimed_by: 'other-node', claimed_until: dbTimeIn(60_000) })
    const counts = await delivering
    assert.equal(counts['lost-claim'], 2)
    assert.equal(counts.sent, 0)
    const row = await message('moved:1')
    assert.containsSubset(row, { status: 'pending', claimed_by: 'other-node', attempts: 0 })
  })

  test('callBatch answers per item in the order given and refuses a batch over the limit', async ({
    assert,
  }) => {
    fake().knobs.refuseKeys.add('b')
    const results = await callBatch(CORE, 'posting', [
      { idempotencyKey: 'a', body: { amount: '1.00' } },
      { idempotencyKey: 'b', body: { amount: '2.00' } },
      { idempotencyKey: 'c', body: { amount: '3.00' } },
    ])
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, false, true]
    )
    assert.equal((results[2] as any).response.key, 'c')
    assert.equal((results[1] as any).error.httpStatus, 400)
    assert.isFalse((results[1] as any).error.transient)
    const tooMany = Array.from({ length: 41 }, (_, i) => ({ idempotencyKey: `k${i}`, body: {} }))
    await assert.rejects(() => callBatch(CORE, 'posting', tooMany), /at most 40/)
    await assert.rejects(
      () => callBatch(CORE, 'posting', [tooMany[0], tooMany[0]]),
      /its own idempotency key/
    )
  })
})
