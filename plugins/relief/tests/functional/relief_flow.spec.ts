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
| 债权减免 end to end through its routes: a plan on a 次级 loan with buckets from
| 利息试算, approved through the tiered chain (执行中, the 减免 posting), two
| instalments paid (价款分配 + 还款 each, 已完成, the disposal outcome, the loan
| 已减免); every posting applied exactly once by core banking while it fails and
| answers late; 还款冲正 pairs; a default cancelling the relief to the fen.
*/
test.group('relief: plan flow', (group) => {
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

  test('application → approval → two instalments → 已完成, each posting once under core errors', async ({
    client,
    assert,
  }) => {
    const definition = connectorRegistry.system('core-banking')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    try {
      const { book, loan, maker } = await reliefBook()
      const owed = await trialBuckets(client, maker.token, loan.loanId)
      const relief = modestRelief(owed)
      const created = await client
        .post(`${API}/plans`)
        .bearerToken(maker.token)
        .json(planBody(loan.customerId, loan.loanId, relief))
      created.assertStatus(201)
      const plan = created.body()
      assert.equal(plan.status, 'draft')
      assert.match(plan.planNo, /^JM20260701\d{5}$/)
      assert.deepEqual(plan.loans[0].owed, owed)
      const reliefTotal = Money.fromYuan(relief.compound).plus(Money.fromYuan(relief.onInterest))
      assert.equal(plan.relief, reliefTotal.toYuan())

      const submitted = await client.post(`${API}/plans/${plan.id}/submit`).bearerToken(maker.token)
      submitted.assertStatus(200)
      assert.equal(submitted.body().status, 'pending')
      assert.equal(submitted.body().route.to, 'pending')
      await approveAll(client, submitted.body().route.workflowInstanceId, [
        book.people.branchManager.token,
        book.people.headOfficeRisk.token,
      ])
      let shown = (await client.get(`${API}/plans/${plan.id}`).bearerToken(maker.token)).body()
      assert.equal(shown.status, 'executing')
      // In execution the plan holds its loan across plugins (asset claims).
      assert.equal((await assetClaims.holders([loan.loanId])).get(loan.loanId)?.holder, 'relief')
      assert.equal(shown.agreementDate, BUSINESS_DATE)
      const reliefPosting = shown.postings.find((p: any) => p.kind === 'relief')
      assert.equal(reliefPosting.amount, reliefTotal.toYuan())
      assert.deepEqual(
        reliefPosting.lines.map((l: any) => [l.bucket, l.amount]),
        [
          ['compound', relief.compound],
          ['onInterest', relief.onInterest],
        ]
      )
      // Reminders before each due date (the core's deadline engine).
      const reminders = await db
        .from('deadlines')
        .where('source', 'relief')
        .whereNull('removed_at')
        .orderBy('due_date')
      assert.lengthOf(reminders, 2)

      // Core banking fails half the time and answers late: the outbox retries with the same keys.
      sim.setFaults({ system: 'core-banking', errorRate: 0.5, duplicateDeliveries: 1 })
      const first = await client
        .post(`${API}/plans/${plan.id}/payments`)
        .bearerToken(maker.token)
        .json({ amount: '300000.00', paidOn: BUSINESS_DATE })
      first.assertStatus(200)
      shown = first.body()
      assert.deepEqual(
        shown.instalments.map((i: any) => i.state),
        ['paid', 'due']
      )
      // 价款分配 in the plan's order: 罚息 → 复利 → 表外 → 表内 → 本金, what is left after relief.
      const allocation = shown.postings.find((p: any) => p.kind === 'allocation')
      const compoundLeft = Money.fromYuan(owed.compound).minus(Money.fromYuan(relief.compound))
      const onLeft = Money.fromYuan(owed.onInterest).minus(Money.fromYuan(relief.onInterest))
      const expected = [
        ...(compoundLeft.isZero() ? [] : [['compound', compoundLeft.toYuan()]]),
        ['onInterest', onLeft.toYuan()],
        ['principal', Money.fromYuan('300000.00').minus(compoundLeft).minus(onLeft).toYuan()],
      ]
      assert.deepEqual(
        allocation.lines.map((l: any) => [l.bucket, l.amount]),
        expected
      )
      await drain()
      sim.setFaults({ system: 'core-banking', errorRate: 0, duplicateDeliveries: 0 })

      await businessDate.set('2026-08-20')
      const second = await client
        .post(`${API}/plans/${plan.id}/payments`)
        .bearerToken(maker.token)
        .json({ amount: '300000.00', paidOn: '2026-08-20' })
      second.assertStatus(200)
      assert.equal(second.body().status, 'completed')
      assert.isTrue(second.body().completed)
      // 已完成: the plan holds its loan no more (asset claims).
      assert.equal((await assetClaims.holders([loan.loanId])).size, 0)
      // A completed plan takes no more payments.
      ;(
        await client
          .post(`${API}/plans/${plan.id}/payments`)
          .bearerToken(maker.token)
          .json({ amount: '1.00', paidOn: '2026-08-20' })
      ).assertStatus(409)
      await drain()

      shown = (await client.get(`${API}/plans/${plan.id}`).bearerToken(maker.token)).body()
      assert.deepEqual(
        shown.postings.map((p: any) => [p.kind, p.postingState]),
        [
          ['relief', 'posted'],
          ['repayment', 'posted'],
          ['allocation', 'posted'],
          ['repayment', 'posted'],
          ['allocation', 'posted'],
        ]
      )
      const stats = sim.stats()
      const keys = Object.keys(stats.postings.appliedPerKey).filter((k) => k.startsWith('relief:'))
      assert.lengthOf(keys, 5)
      for (const key of keys) assert.equal(stats.postings.appliedPerKey[key], 1, key)
      assert.equal(shown.paid, '600000.00')
      assert.deepEqual(
        shown.instalments.map((i: any) => [i.state, i.paidOn]),
        [
          ['paid', BUSINESS_DATE],
          ['paid', '2026-08-20'],
        ]
      )

      // The disposal outcome and the book: 已减免.
      const outcome = await db
        .from('disposal_outcomes')
        .where('source_plugin', 'relief')
        .where('source_ref', `plan:${plan.id}`)
        .first()
      assert.isNotNull(outcome)
      const loanRow = await db.from('ca_loans').where('id', loan.loanId).first()
      assert.equal(loanRow.status, 'relieved')
      // No reminders left once paid.
      assert.lengthOf(
        await db.from('deadlines').where('source', 'relief').whereNull('removed_at'),
        0
      )

      // The ledger shows it, the 通知单 prints.
      const ledger = await client.get('/api/ledgers/relief/rows').bearerToken(maker.token)
      ledger.assertStatus(200)
      assert.equal(ledger.body().data[0].planNo, plan.planNo)
      const notice = await client
        .get(`${API}/plans/${plan.id}/postings/${allocation.id}/notice`)
        .bearerToken(maker.token)
      notice.assertStatus(200)
      assert.equal(notice.header('content-type'), 'application/pdf')

      // 本年减免金额: the plan agreed in July, in the maker's scope; another clerk sees nothing.
      const widget = await client
        .get('/api/dashboard/widgets/relief:this-year/data')
        .bearerToken(maker.token)
      widget.assertStatus(200)
      const data = widget.body().data ?? widget.body()
      assert.equal(data.total, reliefTotal.toYuan())
      assert.equal(data.months[6].relief, reliefTotal.toYuan())
      const other = await client
        .get('/api/dashboard/widgets/relief:this-year/data')
        .bearerToken(book.people.accountManagerA.token)
      assert.equal((other.body().data ?? other.body()).total, '0.00')

      const actions = (
        await db
          .from('audit_logs')
          .where({ entity_type: 'relief:plan', entity_id: String(plan.id) })
          .select('action')
      ).map((a) => a.action)
      assert.includeMembers(actions, [
        'relief.plan.create',
        'relief.plan.submit',
        'relief.plan.approved',
        'relief.plan.payment',
      ])
    } finally {
      definition.breaker = breaker
      resetBreakers()
    }
  })
})
