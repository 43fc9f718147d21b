import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { connectorRegistry } from '#core/connectors/registry'
import { Money } from '#core/money/money'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import {
  API,
  BUSINESS_DATE,
  approveAll,
  drain,
  modestRelief,
  planBody,
  reliefBook,
  trialBuckets,
} from '../helpers.js'

/*
| 冲正 pairs: a payment's 还款冲正 reverses exactly its 还款 and 价款分配, never
| twice, never a reversal; a default cancels the relief (减免冲正 of exactly the
| 减免, the relieved interest re-charged to the fen against 利息试算). Every
| reversal reaches core banking exactly once while it fails half the time and
| delivers twice.
*/
/** Delivers what is due while core banking errs half the time and answers twice; the keys applied. */
async function deliverUnderErrors(sim: Simulator) {
  const definition = connectorRegistry.system('core-banking')!
  const breaker = definition.breaker
  definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
  resetBreakers()
  sim.setFaults({ system: 'core-banking', errorRate: 0.5, duplicateDeliveries: 1 })
  try {
    await drain()
  } finally {
    sim.setFaults({ system: 'core-banking', errorRate: 0, duplicateDeliveries: 0 })
    definition.breaker = breaker
    resetBreakers()
  }
  return Object.entries(sim.stats().postings.appliedPerKey).filter(([k]) => k.startsWith('relief:'))
}

test.group('relief: reversals', (group) => {
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
      resetBreakers()
    }
  })

  test('还款冲正 reverses exactly its payment; a reversal is never reversed', async ({
    client,
    assert,
  }) => {
    const { book, loan, maker } = await reliefBook()
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, modestRelief(owed)))
    const id = created.body().id
    const submitted = await client.post(`${API}/plans/${id}/submit`).bearerToken(maker.token)
    await approveAll(client, submitted.body().route.workflowInstanceId, [
      book.people.branchManager.token,
    ])
    const paid = await client
      .post(`${API}/plans/${id}/payments`)
      .bearerToken(maker.token)
      .json({ amount: '120000.50', paidOn: BUSINESS_DATE })
    paid.assertStatus(200)
    const repayment = paid.body().postings.find((p: any) => p.kind === 'repayment')
    const allocation = paid.body().postings.find((p: any) => p.kind === 'allocation')
    assert.equal(paid.body().paid, '120000.50')

    const reversed = await client
      .post(`${API}/plans/${id}/postings/${repayment.id}/reverse`)
      .bearerToken(maker.token)
      .json({ reason: '误登记' })
    reversed.assertStatus(200)
    const postings = reversed.body().postings
    const reversals = postings.filter((p: any) => p.kind === 'repayment_reversal')
    assert.lengthOf(reversals, 2)
    for (const original of [repayment, allocation]) {
      const r = reversals.find((x: any) => x.reversesId === original.id)
      assert.deepEqual(r.lines, original.lines)
      assert.equal(r.amount, original.amount)
    }
    assert.equal(reversed.body().paid, '0.00')
    assert.deepEqual(
      reversed.body().instalments.map((i: any) => i.state),
      ['due', 'due']
    )
    const messages = await db.from('outbox_messages').whereIn(
      'correlation_id',
      reversals.map((r: any) => r.noticeNo)
    )
    assert.lengthOf(messages, 2)
    for (const m of messages) assert.equal(JSON.parse(m.payload).direction, 'debit')
    // 减免, 还款, 价款分配 and both 冲正 reach core banking once each, errors or not.
    const applied = await deliverUnderErrors(sim)
    assert.lengthOf(applied, 5)
    for (const [key, times] of applied) assert.equal(times, 1, key)

    // Again, or the reversal itself: refused.
    const again = await client
      .post(`${API}/plans/${id}/postings/${allocation.id}/reverse`)
      .bearerToken(maker.token)
      .json({ reason: '再次冲正' })
    again.assertStatus(409)
    const ofReversal = await client
      .post(`${API}/plans/${id}/postings/${reversals[0].id}/reverse`)
      .bearerToken(maker.token)
      .json({ reason: '冲正的冲正' })
    ofReversal.assertStatus(409)
    assert.equal(ofReversal.body().message, '冲正记录不能再冲正')
    // The relief is reversed only by a default or termination.
    const relief = postings.find((p: any) => p.kind === 'relief')
    ;(
      await client
        .post(`${API}/plans/${id}/postings/${relief.id}/reverse`)
        .bearerToken(maker.token)
        .json({ reason: '手工冲正' })
    ).assertStatus(409)
  })

  test('default: the relief is cancelled — 减免冲正 re-charges the relieved interest to the fen', async ({
    client,
    assert,
  }) => {
    const { book, loan, maker } = await reliefBook()
    // 利息试算 straight from disposal's own routes: the figures the re-charge must equal.
    const prefill = await client
      .get(`/api/disposal/interest-trial/loans/${loan.loanId}`)
      .bearerToken(maker.token)
    prefill.assertStatus(200)
    const trial = await client
      .post('/api/disposal/interest-trial')
      .bearerToken(maker.token)
      .json({ ...prefill.body().input, asOf: BUSINESS_DATE })
    trial.assertStatus(200)
    const t = trial.body()
    const interest = Money.fromYuan(t.accruedInterest).plus(Money.fromYuan(t.overdueInterest))
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    assert.equal(owed.compound, t.compoundInterest)
    assert.equal(owed.penalty, t.penaltyInterest)
    assert.equal(
      Money.fromYuan(owed.onInterest).plus(Money.fromYuan(owed.offInterest)).toYuan(),
      interest.toYuan()
    )

    const relief = modestRelief(owed)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, relief))
    const id = created.body().id
    const submitted = await client.post(`${API}/plans/${id}/submit`).bearerToken(maker.token)
    await approveAll(client, submitted.body().route.workflowInstanceId, [
      book.people.branchManager.token,
    ])
    await businessDate.set('2026-08-05')
    let shown = (await client.get(`${API}/plans/${id}`).bearerToken(maker.token)).body()
    assert.deepEqual(
      shown.instalments.map((i: any) => i.state),
      ['overdue', 'due']
    )
    // A status change needs a reason (422).
    ;(
      await client
        .post(`${API}/plans/${id}/status`)
        .bearerToken(maker.token)
        .json({ status: 'defaulted' })
    ).assertStatus(422)
    const defaulted = await client
      .post(`${API}/plans/${id}/status`)
      .bearerToken(maker.token)
      .json({ status: 'defaulted', reason: '第一期逾期未还' })
    defaulted.assertStatus(200)
    shown = defaulted.body()
    assert.equal(shown.status, 'defaulted')
    assert.equal(shown.statusReason, '第一期逾期未还')
    // 已违约 closes the plan: its loan is free for other disposals (asset claims).
    assert.equal((await assetClaims.holders([loan.loanId])).size, 0)
    const original = shown.postings.find((p: any) => p.kind === 'relief')
    const reversal = shown.postings.find((p: any) => p.kind === 'relief_reversal')
    assert.equal(reversal.reversesId, original.id)
    assert.equal(original.reversedBy, reversal.noticeNo)
    assert.deepEqual(
      reversal.lines.map((l: any) => [l.bucket, l.amount]),
      [
        ['compound', relief.compound],
        ['onInterest', relief.onInterest],
      ]
    )
    assert.deepEqual(reversal.lines, original.lines)
    // The 减免 and its 减免冲正 each reach core banking once, errors or not.
    const applied = await deliverUnderErrors(sim)
    assert.deepEqual(
      applied.map(([key]) => key).sort(),
      [original.id, reversal.id].map((p: number) => `relief:posting:${p}:${loan.loanNo}`).sort()
    )
    for (const [key, times] of applied) assert.equal(times, 1, key)
    assert.equal(
      reversal.amount,
      Money.fromYuan(relief.compound).plus(Money.fromYuan(relief.onInterest)).toYuan()
    )
    // Normal collection again: no reminders, the loan not 已减免, no payments taken.
    assert.lengthOf(await db.from('deadlines').where('source', 'relief').whereNull('removed_at'), 0)
    assert.equal((await db.from('ca_loans').where('id', loan.loanId).first()).status, 'active')
    ;(
      await client
        .post(`${API}/plans/${id}/payments`)
        .bearerToken(maker.token)
        .json({ amount: '1.00', paidOn: '2026-08-05' })
    ).assertStatus(409)
    ;(
      await client
        .post(`${API}/plans/${id}/status`)
        .bearerToken(maker.token)
        .json({ status: 'defaulted', reason: '再次违约' })
    ).assertStatus(409)
    const audited = await db
      .from('audit_logs')
      .where({ entity_type: 'relief:plan', entity_id: String(id), action: 'relief.plan.defaulted' })
    assert.lengthOf(audited, 1)
  })
})
