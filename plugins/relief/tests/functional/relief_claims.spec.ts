import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { countRows, writeOffDraft } from '#tests/factories/claims'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import { API, modestRelief, planBody, reliefBook, trialBuckets } from '../helpers.js'

/*
| 减免方案 and the other disposals share credit-assets' asset claims: a loan in
| a 核销方案 cannot enter a plan (409 naming the plan, zh and en, nothing
| written); a loan in an open plan cannot enter a 核销方案 until the plan is
| rejected or terminated; editing the loans re-claims (the loan taken out is
| free). The 核销方案 is a real draft made through write-off's own route.
| (Released at 已完成: relief_flow; at 已违约: relief_reversals.)
*/
const count = () => countRows('relief_plans')

test.group('relief: asset claims across disposals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a loan in a 核销方案 is refused with the plan named; nothing is kept', async ({
    client,
    assert,
  }) => {
    const { loan, maker } = await reliefBook()
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const plan = await writeOffDraft(client, loan.loanId)
    plan.assertStatus(201)
    const before = await count()
    const refused = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, modestRelief(owed)))
    refused.assertStatus(409)
    assert.include(refused.body().message, `核销方案 ${plan.body().planNo}`)
    assert.include(refused.body().message, loan.loanNo)
    const english = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .header('accept-language', 'en')
      .json(planBody(loan.customerId, loan.loanId, modestRelief(owed), { conditions: '按期还款' }))
    english.assertStatus(409)
    assert.include(english.body().message, `Loan ${loan.loanNo} is held by 核销方案`)
    assert.equal(await count(), before)
    assert.equal((await assetClaims.holders([loan.loanId])).get(loan.loanId)?.holder, 'write-off')
  })

  test('an open plan holds its loans until rejected; an edit frees the loan taken out', async ({
    client,
    assert,
  }) => {
    const { book, loan, maker } = await reliefBook()
    const owed = await trialBuckets(client, maker.token, loan.loanId)
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, loan.loanId, modestRelief(owed)))
    created.assertStatus(201)
    const plan = created.body()
    const refused = await writeOffDraft(client, loan.loanId)
    refused.assertStatus(409)
    assert.include(refused.body().message, `减免方案 ${plan.planNo}`)

    // 修改 to the customer's other loan: the first is free, the second held.
    const other = await bookLoan({
      orgId: loan.orgId,
      managerId: maker.id,
      customerId: loan.customerId,
      fiveClass: 'substandard',
      overdueDays: 120,
      riskAsset: true,
    })
    const otherOwed = await trialBuckets(client, maker.token, other.loanId)
    const edited = await client
      .put(`${API}/plans/${plan.id}`)
      .bearerToken(maker.token)
      .json(planBody(loan.customerId, other.loanId, modestRelief(otherOwed)))
    edited.assertStatus(200)
    const holders = await assetClaims.holders([loan.loanId, other.loanId])
    assert.isFalse(holders.has(loan.loanId))
    assert.equal(holders.get(other.loanId)?.holder, 'relief')

    // Submitted and rejected: the loan is free for a 核销方案.
    const submitted = await client.post(`${API}/plans/${plan.id}/submit`).bearerToken(maker.token)
    submitted.assertStatus(200)
    ;(await writeOffDraft(client, other.loanId)).assertStatus(409)
    ;(
      await client
        .post(`/api/workflow/instances/${submitted.body().route.workflowInstanceId}/reject`)
        .bearerToken(book.people.branchManager.token)
        .json({ comment: '减免比例过高，不同意' })
    ).assertStatus(200)
    const shown = (await client.get(`${API}/plans/${plan.id}`).bearerToken(maker.token)).body()
    assert.equal(shown.status, 'rejected')
    ;(await writeOffDraft(client, other.loanId)).assertStatus(201)
    ;(await writeOffDraft(client, loan.loanId)).assertStatus(201)
  })
})
