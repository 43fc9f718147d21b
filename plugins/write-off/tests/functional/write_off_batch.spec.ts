import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { queue } from '#core/queue/queue'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { dispatchExecution, executeChunk, executeSome } from '../../plans/reply_service.js'
import { approvedBatch } from '../helpers.js'

let replies = 0
/** The 批复 as issueReply records it, without its job: the test runs the chunks itself. */
async function repliedBatch(client: any, loans: number, cards: number) {
  const { planId } = await approvedBatch(client, loans, cards)
  await db
    .from('write_off_plans')
    .where('id', planId)
    .update({
      status: 'replied',
      reply_no: `HXPF2026-9${String(++replies).padStart(3, '0')}`,
      replied_on: '2026-12-07',
      replied_by: 1,
      reply_text: '同意批量核销',
    })
  return planId
}

/*
| 账务处理 of a batch, set-based and chunked: executed two subjects per
| transaction it leaves exactly what one transaction for all leaves (book,
| outcomes, postings, to the fen); a chunk interrupted half-way (its
| transaction rolled back, as a kill -9 leaves it) and run again doubles
| nothing — one status change, one outcome and one posting per key.
*/
async function resultOf(planId: number) {
  const items = await db
    .from('write_off_plan_items')
    .where('plan_id', planId)
    .orderBy('id')
    .select('id', 'subject_kind', 'subject_id', db.raw('CAST(written_off_on AS CHAR) as on_day'))
  const perItem = []
  for (const item of items) {
    const postings = await db
      .from('write_off_postings as w')
      .join('outbox_messages as o', 'o.id', 'w.outbox_id')
      .where('w.item_id', item.id)
      .orderBy('w.kind')
      .select('w.kind', 'o.payload', db.raw('CAST(w.amount_fen AS CHAR) as fen'))
    const outcomes = await db
      .from('disposal_outcomes')
      .where({ source_plugin: 'write-off', source_ref: `item:${item.id}` })
      .select(
        db.raw('CAST(written_off_fen AS CHAR) as written_off'),
        db.raw('CAST(balance_reduced_fen AS CHAR) as reduced')
      )
    const status =
      item.subject_kind === 'loan'
        ? (await db.from('ca_loans').where('id', item.subject_id).first()).status
        : (await db.from('ca_card_accounts').where('id', item.subject_id).first()).status
    const events =
      item.subject_kind === 'loan'
        ? await db
            .from('ca_risk_events')
            .where('loan_id', item.subject_id)
            .whereIn('event_type', ['status', 'disposal'])
            .orderBy('event_type')
            .select('event_type')
        : []
    perItem.push({
      kind: item.subject_kind,
      writtenOffOn: item.on_day,
      status,
      postings: postings.map((p) => ({
        kind: p.kind,
        fen: p.fen,
        amount: JSON.parse(p.payload).amount,
      })),
      outcomes,
      events: events.map((e) => e.event_type),
    })
  }
  return perItem
}

test.group('write-off: batch execution, chunked and restart-safe', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    resetBreakers()
    return rollback
  })

  test('two subjects per chunk leave what one chunk for all leaves, to the fen', async ({
    client,
    assert,
  }) => {
    const chunked = await repliedBatch(client, 3, 1)
    const whole = await repliedBatch(client, 3, 1)
    let steps = 0
    for (;;) {
      const step = await executeChunk(chunked, 2)
      steps++
      if (step.done) break
    }
    assert.equal(steps, 2)
    const once = await executeChunk(whole, 100)
    assert.deepInclude(once, { subjects: 4, postings: 12, done: true })
    const a = await resultOf(chunked)
    const b = await resultOf(whole)
    assert.deepEqual(a, b)
    // The figures themselves: 本金 50 000.00, 表内/表外利息 1 500.00 each; 核销 53 000.00, 压降 50 000.00.
    assert.deepEqual(a[0].postings, [
      { kind: 'off_balance_interest', fen: '150000', amount: '1500.00' },
      { kind: 'on_balance_interest', fen: '150000', amount: '1500.00' },
      { kind: 'principal', fen: '5000000', amount: '50000.00' },
    ])
    assert.deepEqual(a[0].outcomes, [{ written_off: '5300000', reduced: '5000000' }])
    assert.deepEqual(a[0].events, ['disposal', 'status'])
    assert.equal(a[3].status, 'written_off')
  }).timeout(120_000)

  test('a chunk interrupted half-way and the job run again: nothing doubled, every posting once at the core', async ({
    client,
    assert,
  }) => {
    const planId = await repliedBatch(client, 3, 0)
    // kill -9 in the middle of a chunk: its transaction never commits.
    await db
      .transaction(async (trx) => {
        await executeSome(trx, planId, 2)
        throw new Error('killed mid-chunk')
      })
      .catch(() => {})
    assert.lengthOf(
      await db.from('write_off_plan_items').where('plan_id', planId).whereNotNull('written_off_on'),
      0
    )
    // One chunk committed, then the job (the restarted worker) runs the rest, and an operator's 继续执行 finds nothing.
    await executeChunk(planId, 1)
    await dispatchExecution(planId, 1)
    await queue.drain()
    const result = await resultOf(planId)
    for (const item of result) {
      assert.equal(item.status, 'written_off')
      assert.lengthOf(item.postings, 3)
      assert.lengthOf(item.outcomes, 1)
      assert.deepEqual(item.events, ['disposal', 'status'])
    }
    assert.deepInclude(await executeChunk(planId, 100), { subjects: 0, postings: 0, done: true })
    for (let i = 0; i < 20; i++) {
      await outbox.deliverDue({ backoffMs: 0, maxBackoffMs: 0, retries: 0 })
      const left = await db.from('outbox_messages').where('status', 'pending').count('* as n')
      if (!Number(left[0].n)) break
    }
    const keys = await db
      .from('write_off_postings')
      .where('plan_id', planId)
      .select('idempotency_key')
    assert.lengthOf(keys, 9)
    const applied = sim.stats().postings.appliedPerKey
    for (const { idempotency_key: key } of keys) assert.equal(applied[key], 1, key)
    assert.equal(sim.stats().postings.applied, 9)
  }).timeout(120_000)
})
