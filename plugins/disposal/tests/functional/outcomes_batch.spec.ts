import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  recordDisposalOutcome,
  recordDisposalOutcomes,
  type DisposalOutcomeInput,
} from '../../services/outcomes_api.js'
import { approvedPlan } from '../outcome_helpers.js'

/*
| recordDisposalOutcomes (the batch form a 批量核销 uses): the same rows as one
| recordDisposalOutcome per input — outcomes to the fen, their loans, the plan
| marked 已实施 once, one timeline event per loan with the same payload — and
| idempotent on the source like the single path.
*/
const input = (loanId: number, ref: string, writtenOff: string): DisposalOutcomeInput => ({
  loanIds: [loanId],
  method: 'write_off',
  completedOn: '2026-03-10',
  writtenOff,
  balanceReduced: '1000.01',
  sourcePlugin: 'test-plugin',
  sourceRef: ref,
  sourceLink: '/p/write-off/Postings?id=1',
  operatorId: 1,
})

/** An outcome as compared: everything but ids, refs and timestamps. */
async function shape(id: number) {
  const row = await db
    .from('disposal_outcomes')
    .where('id', id)
    .select(
      'customer_id',
      'org_id',
      'manager_id',
      'method',
      'plan_id',
      'created_by',
      'source_link',
      db.raw('CAST(written_off_fen AS CHAR) as written_off_fen'),
      db.raw('CAST(balance_reduced_fen AS CHAR) as balance_reduced_fen'),
      db.raw('CAST(cash_recovered_fen AS CHAR) as cash_recovered_fen'),
      db.raw('CAST(completed_on AS CHAR) as completed_on'),
      db.raw('CAST(recorded_on AS CHAR) as recorded_on')
    )
    .first()
  const loans = await db.from('disposal_outcome_loans').where('outcome_id', id).select('loan_id')
  const events = await db
    .from('ca_risk_events')
    .where('event_type', 'disposal')
    .whereIn(
      'loan_id',
      loans.map((l) => l.loan_id)
    )
    .select('business_date', 'operator_id', 'after_json')
  return {
    row: { ...row, customer_id: 'same customer' },
    loans: loans.length,
    events: events.map((e) => {
      const after = JSON.parse(e.after_json)
      return { ...e, after_json: { ...after, outcomeId: after.outcomeId === id } }
    }),
  }
}

test.group('disposal outcomes: the batch form', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await businessDate.set('2026-03-15')
    return rollback
  })

  test('a batch writes what one call per input writes, to the fen; the covering plan is marked once', async ({
    assert,
  }) => {
    // One customer with an approved 核销 plan over four loans: two recorded one by one, two as a batch.
    const first = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    const loans = [first]
    for (let i = 0; i < 3; i++)
      loans.push(
        await bookLoan({ customerId: first.customerId, fiveClass: 'loss', riskAsset: true })
      )
    const planId = await approvedPlan(
      first.customerId,
      first.orgId,
      loans.map((l) => l.loanId),
      'write_off'
    )
    const figures = ['123456.78', '0.01']
    const single = []
    for (const [i, figure] of figures.entries())
      single.push(
        (
          await db.transaction((trx) =>
            recordDisposalOutcome(trx, input(loans[i].loanId, `one-${i}`, figure))
          )
        ).outcome.id
      )
    // A fresh approved plan for the batch half, so both halves mark a plan once.
    const planB = await approvedPlan(
      first.customerId,
      first.orgId,
      loans.slice(2).map((l) => l.loanId),
      'write_off'
    )
    const batch = await db.transaction((trx) =>
      recordDisposalOutcomes(
        trx,
        figures.map((figure, i) => input(loans[i + 2].loanId, `batch-${i}`, figure))
      )
    )
    assert.equal(batch.created, 2)
    for (let i = 0; i < figures.length; i++) {
      const one = await shape(single[i])
      const many = await shape(batch.ids[i])
      assert.equal(one.row.plan_id, planId)
      assert.equal(many.row.plan_id, planB)
      assert.deepEqual({ ...many.row, plan_id: 'p' }, { ...one.row, plan_id: 'p' })
      assert.deepEqual(many.loans, one.loans)
      assert.lengthOf(many.events, 1)
      assert.deepEqual(
        { ...many.events[0], after_json: { ...many.events[0].after_json, planNo: 'n' } },
        { ...one.events[0], after_json: { ...one.events[0].after_json, planNo: 'n' } }
      )
    }
    assert.equal(batch.ids.length, 2)
    for (const id of [planId, planB]) {
      const plan = await db.from('disposal_plans').where('id', id).first()
      assert.equal(plan.status, 'implemented')
      const events = await db
        .from('disposal_plan_events')
        .where({ plan_id: id, event_type: 'implemented' })
      assert.lengthOf(events, 1)
    }
  })

  test('a batch again is the same outcomes; other figures are a 409, a source twice in one batch a 422', async ({
    assert,
  }) => {
    const a = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    const b = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    const inputs = [input(a.loanId, 'again-a', '500.00'), input(b.loanId, 'again-b', '600.00')]
    const first = await db.transaction((trx) => recordDisposalOutcomes(trx, inputs))
    const again = await db.transaction((trx) => recordDisposalOutcomes(trx, inputs))
    assert.equal(first.created, 2)
    assert.equal(again.created, 0)
    assert.deepEqual(again.ids, first.ids)
    assert.lengthOf(
      await db
        .from('ca_risk_events')
        .whereIn('loan_id', [a.loanId, b.loanId])
        .where('event_type', 'disposal'),
      2
    )
    const changed = await db
      .transaction((trx) => recordDisposalOutcomes(trx, [input(a.loanId, 'again-a', '501.00')]))
      .catch((error) => error)
    assert.equal(changed.status, 409)
    const twice = await db
      .transaction((trx) =>
        recordDisposalOutcomes(trx, [
          input(a.loanId, 'twice', '1.00'),
          input(b.loanId, 'twice', '1.00'),
        ])
      )
      .catch((error) => error)
    assert.equal(twice.status, 422)
    assert.lengthOf(await db.from('disposal_outcomes').where('source_ref', 'twice'), 0)
  })
})
