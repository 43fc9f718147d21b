import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { queue } from '#core/queue/queue'
import { changeSettingValue } from '#core/settings/update_setting'
import { connectorRegistry } from '#core/connectors/registry'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { addCardRepayment } from '../../../credit-assets/fixtures/book_fixture.js'
import { API, repliedBatch } from '../helpers.js'

/*
| 账务处理 under a misbehaving core: every posting is applied exactly once
| (counted at the simulator by idempotency key) through injected errors,
| timeouts and duplicate deliveries; a posting the core keeps refusing is shown
| with its reason and, retried, goes through once.
*/
const FAST = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 150,
  retries: 0,
  concurrency: 10,
  batchSize: 100,
  maxAttempts: 100,
}

async function drain() {
  for (let i = 0; i < 200; i++) {
    await outbox.deliverDue(FAST)
    const pending = await db.from('outbox_messages').where('status', 'pending').count('* as n')
    if (!Number(pending[0].n)) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

test.group('write-off: postings exactly once under core errors', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    const definition = connectorRegistry.system('core-banking')!
    const breaker = definition.breaker
    // This test is about the outbox and the core's dedup, not the breaker's pause.
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    return async () => {
      definition.breaker = breaker
      await rollback()
      resetBreakers()
    }
  })

  test('a batch of loans and cards: 40 % errors, timeouts, duplicates — each posting once', async ({
    client,
    assert,
  }) => {
    const { me, planId, postings } = await repliedBatch(client, 6, 4)
    // Loans: principal + on + off balance interest; cards: principal + interest + fee.
    assert.equal(postings, 6 * 3 + 4 * 3)
    sim.setFaults({
      system: 'core-banking',
      errorRate: 0.4,
      timeoutRate: 0.1,
      hangMs: 300,
      duplicateDeliveries: 0.1,
    })
    await outbox.deliverDue(FAST)
    sim.setFaults({ system: '*', errorRate: 0, timeoutRate: 0, duplicateDeliveries: 0 })
    await drain()

    const list = await client.get(`${API}/plans/${planId}/postings`).bearerToken(me.token)
    list.assertStatus(200)
    assert.deepEqual(list.body().summary, { total: postings, sent: postings, pending: 0, dead: 0 })
    const stats = sim.stats().postings
    const keys = list.body().data.map((p: any) => p.idempotencyKey)
    assert.equal(new Set(keys).size, postings)
    for (const key of keys) assert.equal(stats.appliedPerKey[key], 1, key)
    assert.equal(stats.applied, postings)
    const fees = list.body().data.filter((p: any) => p.kind === 'fee')
    assert.lengthOf(fees, 4)
    assert.equal(fees[0].amount, '200.00')

    // The cards are 已核销 in the book and in 信用卡核销台账, with a later payment as 核销后收回.
    const cards = await db
      .from('write_off_plan_items')
      .where('plan_id', planId)
      .where('subject_kind', 'card')
      .select('subject_id', 'subject_no')
    assert.lengthOf(cards, 4)
    const statuses = await db
      .from('ca_card_accounts')
      .whereIn(
        'id',
        cards.map((c) => c.subject_id)
      )
      .select('status')
    assert.isTrue(statuses.every((c) => c.status === 'written_off'))
    await addCardRepayment(cards[0].subject_id, {
      paidOn: '2026-12-15',
      amountFen: '123456',
      createdAt: '2026-12-15 10:00:00',
    })
    const ledger = await client
      .get('/api/ledgers/write-off-cards/rows')
      .bearerToken(me.token)
      .qs({ keyword: cards[0].subject_no })
    ledger.assertStatus(200)
    assert.containsSubset(ledger.body().data[0], {
      subjectNo: cards[0].subject_no,
      principal: '48000.00',
      interest: '3500.00',
      fee: '200.00',
      total: '51700.00',
      recovered: '1234.56',
      lastRecoveredOn: '2026-12-15',
    })
  })

  test('a refused posting shows its reason, 重发 applies it once', async ({ client, assert }) => {
    const { me, planId } = await repliedBatch(client, 1, 0)
    sim.setFaults({ system: 'core-banking', errorRate: 1 })
    await outbox.deliverDue({ ...FAST, maxAttempts: 1 })
    const refused = await client.get(`${API}/plans/${planId}/postings`).bearerToken(me.token)
    assert.equal(refused.body().summary.dead, 3)
    const first = refused.body().data[0]
    assert.equal(first.status, 'dead')
    assert.isString(first.reason)
    assert.isNotEmpty(first.reason)

    sim.setFaults({ system: 'core-banking', errorRate: 0 })
    // Only a refused posting may be retried; a retry is audited.
    const retry = await client
      .post(`${API}/plans/${planId}/postings/${first.id}/retry`)
      .bearerToken(me.token)
    retry.assertStatus(200)
    const again = await client
      .post(`${API}/plans/${planId}/postings/${first.id}/retry`)
      .bearerToken(me.token)
    again.assertStatus(409)
    await drain()
    const after = await client.get(`${API}/plans/${planId}/postings`).bearerToken(me.token)
    const row = after.body().data.find((p: any) => p.id === first.id)
    assert.equal(row.status, 'sent')
    assert.equal(sim.stats().postings.appliedPerKey[first.idempotencyKey], 1)
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'write-off.posting.retry')
        .where('entity_id', String(first.id))
        .first()
    )
  })

  test('a batch above write-off.replyInlineMax executes in the background, chunk by chunk', async ({
    client,
    assert,
  }) => {
    await changeSettingValue('write-off.replyInlineMax', '2', null)
    try {
      const { me, boss, planId, postings, jobId } = await repliedBatch(client, 3, 1)
      assert.isNull(postings)
      assert.isString(jobId)
      // Before the job: replied, nothing written off yet, the loans still held by the plan.
      const before = await client.get(`${API}/plans/${planId}`).bearerToken(me.token)
      assert.equal(before.body().status, 'replied')
      assert.equal(before.body().executed, 0)
      await queue.drain()
      // The 批复's issuer started the job: they follow its progress.
      const job = await client.get(`/api/jobs/${jobId}`).bearerToken(boss.token)
      assert.equal(job.body().status, 'completed', job.body().error)
      assert.deepInclude(job.body().result, { subjects: 4, postings: 12 })
      const after = await client.get(`${API}/plans/${planId}`).bearerToken(me.token)
      assert.equal(after.body().executed, 4)
      assert.isTrue(after.body().items.every((i: any) => i.writtenOffOn === '2026-12-07'))
      // Nothing left: a second run is refused and posts nothing more.
      ;(await client.post(`${API}/plans/${planId}/execute`).bearerToken(boss.token)).assertStatus(
        409
      )
      await drain()
      const list = await client.get(`${API}/plans/${planId}/postings`).bearerToken(me.token)
      assert.deepEqual(list.body().summary, { total: 12, sent: 12, pending: 0, dead: 0 })
      assert.equal(sim.stats().postings.applied, 12)
    } finally {
      await changeSettingValue('write-off.replyInlineMax', null, null)
    }
  })
})
