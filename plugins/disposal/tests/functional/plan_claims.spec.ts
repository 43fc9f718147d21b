import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { countRows, writeOffDraft } from '#tests/factories/claims'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import { PLAN_API, planBody, planBook } from '../plan_helpers.js'

/*
| 处置预案 and the other disposals share credit-assets' asset claims: a loan in
| a 核销方案 cannot enter a 预案 (409 naming the plan, zh and en, nothing
| written); a loan in an open 预案 cannot enter a 核销方案; an edit frees the
| loan taken out; withdrawal frees the loans, submitting again claims them
| again; approval hands them on (the executing plugin claims them). The 核销方案
| is a real draft made through write-off's own route. (Rejection: plan_flow.)
*/
const count = () => countRows('disposal_plans')
const holderOf = async (loanId: number) =>
  (await assetClaims.holders([loanId])).get(loanId)?.holder ?? null

test.group('disposal: asset claims across disposals', (group) => {
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

  test('a loan in a 核销方案 is refused with the plan named; nothing is kept', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant } = await planBook()
    const plan = await writeOffDraft(client, loanIds[0])
    plan.assertStatus(201)
    // The form shows it held, so the clerk need not be refused to learn it.
    const options = await client
      .get(`${PLAN_API}/plan-customers/${customer.id}/loans`)
      .bearerToken(applicant.token)
    const held = options.body().loans.find((l: any) => l.id === loanIds[0])
    assert.equal(held.heldBy, `核销方案 ${plan.body().planNo}`)
    assert.isNull(options.body().loans.find((l: any) => l.id === loanIds[1]).heldBy)
    const before = await count()
    const refused = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, loanIds))
    refused.assertStatus(409)
    assert.include(refused.body().message, `核销方案 ${plan.body().planNo}`)
    const english = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .header('accept-language', 'en')
      .json(planBody(customer.id, loanIds, { reasons: '借款人经营困难，拟提起诉讼（英文界面）。' }))
    english.assertStatus(409)
    assert.include(english.body().message, 'is held by 核销方案')
    assert.equal(await count(), before)
    // Neither loan went to the 预案: the other one is free too.
    assert.isNull(await holderOf(loanIds[1]))
  }).timeout(60_000)

  test('edit frees the loan taken out; withdrawal frees, resubmission claims, approval hands on', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant, people } = await planBook()
    const created = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, [loanIds[0]]))
    created.assertStatus(201)
    const plan = created.body()
    const refused = await writeOffDraft(client, loanIds[0])
    refused.assertStatus(409)
    assert.include(refused.body().message, `处置预案 ${plan.planNo}`)

    const edited = await client
      .put(`${PLAN_API}/plans/${plan.id}`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, [loanIds[1]], { reasons: '改为关注类借据，拟提起诉讼。' }))
    edited.assertStatus(200)
    assert.isNull(await holderOf(loanIds[0]))
    assert.equal(await holderOf(loanIds[1]), 'disposal')

    const submitted = await client
      .post(`${PLAN_API}/plans/${plan.id}/submit`)
      .bearerToken(applicant.token)
    submitted.assertStatus(200)
    const instanceId = submitted.body().instanceId as number
    ;(
      await client
        .post(`/api/workflow/instances/${instanceId}/withdraw`)
        .bearerToken(await tokenFor(applicant.username))
        .json({})
    ).assertStatus(200)
    const withdrawn = await client.get(`${PLAN_API}/plans/${plan.id}`).bearerToken(applicant.token)
    assert.equal(withdrawn.body().status, 'withdrawn')
    assert.isNull(await holderOf(loanIds[1]))

    const again = await client
      .post(`${PLAN_API}/plans/${plan.id}/submit`)
      .bearerToken(await tokenFor(applicant.username))
    again.assertStatus(200)
    assert.equal(await holderOf(loanIds[1]), 'disposal')
    for (const approver of [people.branch, people.head]) {
      const open = await db.from('wf_instances').where('id', again.body().instanceId).first()
      if (open.status !== 'pending') break
      ;(
        await client
          .post(`/api/workflow/instances/${again.body().instanceId}/approve`)
          .bearerToken(approver.token)
          .json({ comment: '同意' })
      ).assertStatus(200)
    }
    const approved = await client.get(`${PLAN_API}/plans/${plan.id}`).bearerToken(applicant.token)
    assert.equal(approved.body().status, 'approved')
    // Approved, the 预案 hands its loan to the plugin that executes it: free for its application.
    assert.isNull(await holderOf(loanIds[1]))
    ;(await writeOffDraft(client, loanIds[1])).assertStatus(201)
  }).timeout(60_000)
})
