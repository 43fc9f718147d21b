import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import Backfill from '../../database/migrations/20261207180000_claim_open_disposal_plan_loans.js'

/*
| The migration that gives 预案 already open their asset claims (transfer,
| relief and restructuring carry the same one): open plans' loans are claimed
| under the plan's number; closed plans' are not; a loan another plugin holds
| stays with it; a loan in two open plans goes to the earlier one.
*/
let counter = 0

async function plan(customerId: number, orgId: number, loanIds: number[], status: string) {
  const now = dbNow()
  const [id] = await db.table('disposal_plans').insert({
    plan_no: `TBACK${process.pid}${++counter}`,
    customer_id: customerId,
    customer_no: 'C',
    customer_name: '测试客户',
    org_id: orgId,
    created_by: 1,
    method: 'collection',
    principal_fen: '100000000',
    interest_fen: '0',
    expected_recovery_fen: '60000000',
    reasons: '担保人有可执行财产，拟清收。',
    status,
    prefill_json: '[]',
    created_at: now,
    updated_at: now,
  })
  for (const loanId of loanIds)
    await db.table('disposal_plan_loans').insert({
      plan_id: id,
      loan_id: loanId,
      loan_no: `L${loanId}`,
      principal_fen: '100000000',
      interest_fen: '0',
      five_class: 'doubtful',
      overdue_days: 200,
      figures_source: 'book',
    })
  return { id: Number(id), planNo: `TBACK${process.pid}${counter}` }
}

test.group('disposal: asset claims for plans already open (migration)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('open plans claim their loans; closed ones, and loans held elsewhere, do not', async ({
    assert,
  }) => {
    const a = await bookLoan({ fiveClass: 'doubtful', riskAsset: true })
    const loan = (customerId: number) => bookLoan({ customerId, orgId: a.orgId })
    const [b, c, d] = [await loan(a.customerId), await loan(a.customerId), await loan(a.customerId)]
    const pending = await plan(a.customerId, a.orgId, [a.loanId, b.loanId], 'pending')
    const later = await plan(a.customerId, a.orgId, [b.loanId], 'draft')
    await plan(a.customerId, a.orgId, [c.loanId], 'rejected')
    await plan(a.customerId, a.orgId, [d.loanId], 'returned')
    const writeOff = { holder: 'write-off', ref: 'plan:1', label: '核销方案 HXFA20261207000001' }
    await db.transaction((trx) => assetClaims.claim(trx, writeOff, [d.loanId]))

    await new Backfill(db.connection(), 'backfill', false).execUp()

    const held = await assetClaims.holders([a.loanId, b.loanId, c.loanId, d.loanId])
    assert.deepEqual(held.get(a.loanId), {
      loanId: a.loanId,
      holder: 'disposal',
      ref: `plan:${pending.id}`,
      label: `处置预案 ${pending.planNo}`,
    })
    assert.equal(held.get(b.loanId)?.ref, `plan:${pending.id}`, 'the earlier plan, not the later')
    assert.notEqual(held.get(b.loanId)?.ref, `plan:${later.id}`)
    assert.isFalse(held.has(c.loanId), 'a rejected plan holds nothing')
    assert.equal(held.get(d.loanId)?.holder, 'write-off', 'a loan held elsewhere stays there')
  })
})
