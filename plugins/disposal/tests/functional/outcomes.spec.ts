import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { addRepayment, bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { approvedPlanFor, outcomeTotals, disposalOutcome } from '../../services/outcomes_api.js'
import { approvedPlan, record, reverse } from '../outcome_helpers.js'

/*
| recordDisposalOutcome / reverseDisposalOutcome (the public outcome service):
| idempotent on the source, amounts to the fen and strictly validated,
| corrections by reversal (never an update), plans linked and marked 已实施,
| one risk-asset timeline event per loan.
*/
async function failure(fn: () => Promise<unknown>): Promise<any> {
  try {
    await fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

const disposalEvents = (loanId: number) =>
  db.from('ca_risk_events').where({ loan_id: loanId, event_type: 'disposal' }).orderBy('id')

test.group('disposal outcomes: recording', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await businessDate.set('2026-03-15')
    return rollback
  })

  test('the same (sourcePlugin, sourceRef) twice is one outcome; other figures under it are a 409', async ({
    assert,
  }) => {
    const loan = await bookLoan({ fiveClass: 'doubtful', riskAsset: true })
    const input = { loanIds: [loan.loanId], cashRecovered: '1000.00', sourceRef: 'case-1' }
    const first = await record(input)
    const again = await record(input)
    assert.isTrue(first.created)
    assert.isFalse(again.created)
    assert.equal(again.outcome.id, first.outcome.id)
    const rows = await db.from('disposal_outcomes').where('source_ref', 'case-1')
    assert.lengthOf(rows, 1)
    assert.lengthOf(await disposalEvents(loan.loanId), 1)

    const changed = await failure(() => record({ ...input, cashRecovered: '999.00' }))
    assert.equal(changed.status, 409)
    assert.include(changed.zh, '已登记为处置结果')
    // Another plugin may use the same ref for its own record.
    const other = await record({ ...input, sourcePlugin: 'other-plugin' })
    assert.notEqual(other.outcome.id, first.outcome.id)
  })

  test('amounts are stored to the fen and anything else is refused with field messages', async ({
    assert,
  }) => {
    const loan = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    const { outcome } = await record({
      loanIds: [loan.loanId],
      method: 'transfer',
      cashRecovered: '1234567890.01',
      nonCashRecovered: '0.10',
      loss: '0.20',
      fees: '0.07',
    })
    const row = await db
      .from('disposal_outcomes')
      .where('id', outcome.id)
      .select(
        db.raw(
          'CAST(cash_recovered_fen AS CHAR) as cash, CAST(balance_reduced_fen AS CHAR) as reduced'
        )
      )
      .first()
    assert.equal(row.cash, '123456789001')
    // 压降 by default: cash + non-cash + written off + relieved + loss (fees are a cost).
    assert.equal(row.reduced, '123456789031')
    assert.include(outcome, {
      cashRecovered: '1234567890.01',
      nonCashRecovered: '0.10',
      writtenOff: '0.00',
      loss: '0.20',
      fees: '0.07',
      balanceReduced: '1234567890.31',
      recordedOn: '2026-03-15',
      customerId: loan.customerId,
      orgId: loan.orgId,
    })

    const bad = async (patch: Record<string, unknown>) =>
      failure(() => record({ loanIds: [loan.loanId], ...(patch as any) }))
    for (const [field, value] of [
      ['cashRecovered', '0.015'],
      ['cashRecovered', '-1.00'],
      ['cashRecovered', '1e3'],
      ['fees', 12.5],
      ['completedOn', '2026-02-30'],
      ['method', ''],
    ] as const) {
      const error = await bad({ [field]: value })
      assert.equal(error.code, 'E_VALIDATION_ERROR', `${field}=${value}`)
      assert.equal(error.messages[0].field, field)
    }
    const unknown = await bad({ amount: '1.00' })
    assert.equal(unknown.code, 'E_VALIDATION_ERROR')
    assert.equal(unknown.messages[0].field, 'amount')
    assert.equal((await bad({ method: 'no_such_method' })).status, 422)
    assert.equal((await bad({ loanIds: [loan.loanId, 99999999] })).status, 422)
    const other = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    assert.equal((await bad({ loanIds: [loan.loanId, other.loanId] })).status, 422)
    // Nothing of the refused calls was written.
    assert.lengthOf(await db.from('disposal_outcomes').where('customer_id', loan.customerId), 1)
  })

  test('a correction is a reversing outcome plus a new one; the original row never changes', async ({
    assert,
  }) => {
    const loan = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    const { outcome } = await record({
      loanIds: [loan.loanId],
      method: 'write_off',
      writtenOff: '5000.00',
      fees: '12.34',
    })
    const before = await db.from('disposal_outcomes').where('id', outcome.id).first()
    const { outcome: reversal } = await reverse({ outcomeId: outcome.id })
    assert.include(reversal, {
      reversesId: outcome.id,
      method: 'write_off',
      completedOn: outcome.completedOn,
      writtenOff: '-5000.00',
      fees: '-12.34',
      balanceReduced: '-5000.00',
    })
    assert.deepEqual(await db.from('disposal_outcomes').where('id', outcome.id).first(), before)
    assert.equal((await disposalOutcome(outcome.id))!.reversedById, reversal.id)

    const path = (await db.from('orgs').where('id', loan.orgId).first()).path
    let totals = await outcomeTotals({ orgPath: path, completedFrom: '2026-01-01' })
    assert.deepInclude(totals.total, { outcomes: 0, writtenOff: '0.00', fees: '0.00' })

    assert.equal((await failure(() => reverse({ outcomeId: outcome.id }))).status, 409)
    assert.equal((await failure(() => reverse({ outcomeId: reversal.id }))).status, 422)
    assert.equal((await failure(() => reverse({ outcomeId: 99999999 }))).status, 404)
    const noReason = await failure(() => reverse({ outcomeId: outcome.id, remark: '' }))
    assert.equal(noReason.code, 'E_VALIDATION_ERROR')

    await record({ loanIds: [loan.loanId], method: 'write_off', writtenOff: '4500.00' })
    totals = await outcomeTotals({ orgPath: path, completedFrom: '2026-01-01' })
    assert.deepInclude(totals.total, {
      outcomes: 1,
      writtenOff: '4500.00',
      balanceReduced: '4500.00',
    })
    // Each outcome and the reversal is on the loan's timeline.
    const events = await disposalEvents(loan.loanId)
    assert.lengthOf(events, 3)
    assert.equal(String(events[0].business_date).slice(0, 10), '2026-03-10') // completed on
    assert.equal(String(events[1].business_date).slice(0, 10), '2026-03-15') // reversed on
    assert.include(JSON.parse(events[1].after_json), {
      reversesId: outcome.id,
      balanceReduced: '-5000.00',
    })
  })

  test('approvedPlanFor gives the plan for pre-filling; carrying it out marks it 已实施', async ({
    assert,
  }) => {
    const loan = await bookLoan({ fiveClass: 'loss', riskAsset: true })
    const planId = await approvedPlan(loan.customerId, loan.orgId, [loan.loanId], 'write_off')
    const plan = await approvedPlanFor([loan.loanId], 'write_off')
    assert.include(plan, {
      id: planId,
      status: 'approved',
      principal: '1000000.00',
      interest: '12345.67',
      expectedRecovery: '600000.00',
      reasons: '担保人有可执行财产，拟清收。',
    })
    assert.equal(plan!.sections[0].section, 'principal')
    assert.deepEqual(
      plan!.loans.map((l) => l.loanId),
      [loan.loanId]
    )
    assert.isNull(await approvedPlanFor([loan.loanId], 'transfer'))

    // Another method's outcome leaves the plan alone.
    const cash = await record({ loanIds: [loan.loanId], cashRecovered: '10.00' })
    assert.isNull(cash.outcome.planId)
    assert.equal((await db.from('disposal_plans').where('id', planId).first()).status, 'approved')
    // A plan of another method cannot be named.
    const wrong = await failure(() =>
      record({ loanIds: [loan.loanId], cashRecovered: '1.00', planId })
    )
    assert.equal(wrong.status, 422)

    const { outcome } = await record({
      loanIds: [loan.loanId],
      method: 'write_off',
      writtenOff: '1000000.00',
    })
    assert.equal(outcome.planId, planId)
    assert.equal(outcome.planNo, plan!.planNo)
    assert.equal(
      (await db.from('disposal_plans').where('id', planId).first()).status,
      'implemented'
    )
    const event = await db
      .from('disposal_plan_events')
      .where({ plan_id: planId, event_type: 'implemented' })
      .first()
    assert.equal(event.from_status, 'approved')
    assert.include(event.comment, `#${outcome.id}`)
    assert.isNull(await approvedPlanFor([loan.loanId], 'write_off'))
    assert.equal(
      (await approvedPlanFor([loan.loanId], 'write_off', { includeImplemented: true }))!.id,
      planId
    )
  })

  test('the recovery flow records repayments after handover as 清收 outcomes, once', async ({
    assert,
  }) => {
    const { default: job } = await import('../../jobs/recovery_outcomes.js')
    const loan = await bookLoan({ fiveClass: 'doubtful', riskAsset: true })
    const planId = await approvedPlan(loan.customerId, loan.orgId, [loan.loanId], 'collection')
    const pay = (paidOn: string, principal: string, interest: string) =>
      addRepayment(loan.loanId, {
        paidOn,
        principalFen: principal,
        interestFen: interest,
        penaltyFen: '7',
      })
    await pay('2025-12-01', '500000', '0') // before handover (2026-01-01): not a recovery
    await pay('2026-02-01', '10000000', '50000')
    await pay('2026-04-01', '1', '0') // after the business date: tomorrow's
    const ctx = { jobId: 't', progress: async () => {} }
    const first: any = await job({ ...ctx, payload: {} })
    assert.equal(first.recorded, 1)
    const [outcome] = await db.from('disposal_outcomes').where('customer_id', loan.customerId)
    const read = (await disposalOutcome(outcome.id))!
    assert.include(read, {
      method: 'collection',
      completedOn: '2026-02-01',
      cashRecovered: '100500.07',
      balanceReduced: '100000.00',
      sourcePlugin: 'credit-assets',
      planId,
    })
    assert.equal(read.sourceLink, `/p/credit-assets/RiskAssets?id=${loan.loanId}`)
    assert.equal(
      (await db.from('disposal_plans').where('id', planId).first()).status,
      'implemented'
    )
    const again: any = await job({ ...ctx, payload: {} })
    assert.equal(again.recorded, 0)
    const later: any = await job({ ...ctx, payload: { through: '2026-04-30' } })
    assert.equal(later.recorded, 1)
    assert.lengthOf(await disposalEvents(loan.loanId), 2)
  })
})
