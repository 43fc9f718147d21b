import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { PLAN_API, planBody, planBook } from '../plan_helpers.js'

/*
| Data scope: a plan belongs to the customer's org and its applicant. Another
| branch neither lists it nor opens it (404, like a missing id), nor prints
| it, nor applies for that branch's customers; input is validated with zh-CN
| field messages.
*/
test.group('disposal: plan data scope and validation', (group) => {
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

  test('a Shanghai branch user cannot see a Beijing plan; the Beijing branch can', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant, people, orgs } = await planBook()
    const created = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, loanIds))
    created.assertStatus(201)
    const plan = created.body()

    const shanghai = await userWith({
      permissions: ['disposal:plan:list', 'disposal:plan:create', 'disposal:plan:export'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const list = await client.get(`${PLAN_API}/plans`).bearerToken(shanghai.token)
    list.assertStatus(200)
    assert.notInclude(
      list.body().data.map((p: any) => p.id),
      plan.id
    )
    ;(await client.get(`${PLAN_API}/plans/${plan.id}`).bearerToken(shanghai.token)).assertStatus(
      404
    )
    ;(
      await client.get(`${PLAN_API}/plans/${plan.id}/pdf`).bearerToken(shanghai.token)
    ).assertStatus(404)
    const steal = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(shanghai.token)
      .json(planBody(customer.id, loanIds))
    steal.assertStatus(404)
    ;(
      await client
        .get(`${PLAN_API}/plan-prefill`)
        .qs({ customerId: customer.id, loanIds: loanIds.join(',') })
        .bearerToken(shanghai.token)
    ).assertStatus(404)
    // Nor can they submit it (out of scope is 404 before the applicant check).
    ;(
      await client.post(`${PLAN_API}/plans/${plan.id}/submit`).bearerToken(shanghai.token)
    ).assertStatus(404)

    const beijing = people.branch.token
    const theirs = await client.get(`${PLAN_API}/plans`).bearerToken(beijing)
    assert.include(
      theirs.body().data.map((p: any) => p.id),
      plan.id
    )
    ;(await client.get(`${PLAN_API}/plans/${plan.id}`).bearerToken(beijing)).assertStatus(200)
    // The org filter narrows to a subtree inside the scope.
    const inChaoyang = await client
      .get(`${PLAN_API}/plans`)
      .qs({ orgId: orgs.subBranch })
      .bearerToken(beijing)
    assert.include(
      inChaoyang.body().data.map((p: any) => p.id),
      plan.id
    )
    const inHaidian = await client
      .get(`${PLAN_API}/plans`)
      .qs({ orgId: orgs.siblingSubBranch })
      .bearerToken(beijing)
    assert.notInclude(
      inHaidian.body().data.map((p: any) => p.id),
      plan.id
    )
    // 客户视图's 处置预案 panel: one customer's plans, and the Shanghai user still sees none.
    const ofCustomer = await client
      .get(`${PLAN_API}/plans`)
      .qs({ customerId: customer.id })
      .bearerToken(beijing)
    assert.isTrue(ofCustomer.body().data.every((p: any) => p.customerId === customer.id))
    assert.include(
      ofCustomer.body().data.map((p: any) => p.id),
      plan.id
    )
    const ofOther = await client
      .get(`${PLAN_API}/plans`)
      .qs({ customerId: customer.id + 100000 })
      .bearerToken(beijing)
    assert.notInclude(
      ofOther.body().data.map((p: any) => p.id),
      plan.id
    )
    const shanghaiOfCustomer = await client
      .get(`${PLAN_API}/plans`)
      .qs({ customerId: customer.id })
      .bearerToken(shanghai.token)
    assert.lengthOf(shanghaiOfCustomer.body().data, 0)
    // The branch sees it but is not its applicant: it cannot submit someone else's plan.
    const notMine = await client.post(`${PLAN_API}/plans/${plan.id}/submit`).bearerToken(beijing)
    notMine.assertStatus(409)
  }).timeout(60_000)

  test('input is validated with zh-CN messages; a method outside the dictionary is refused', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { customer, loanIds, applicant } = await planBook()
    const bad = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .header('accept-language', 'zh-CN')
      .json({
        customerId: customer.id,
        loanIds: [],
        method: 'litigation',
        expectedRecovery: '1.234',
        reasons: '',
      })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['loanIds', 'expectedRecovery', 'reasons'])
    const recovery = bad.body().errors.find((e: any) => e.field === 'expectedRecovery')
    assert.include(recovery.message, '预计回收金额')

    const method = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, loanIds, { method: 'magic' }))
    method.assertStatus(422)
    assert.include(method.body().message, '处置方式')

    const foreign = await client
      .post(`${PLAN_API}/plans`)
      .bearerToken(applicant.token)
      .json(planBody(customer.id, [...loanIds, 999_999_999]))
    foreign.assertStatus(422)

    const noToken = await client.get(`${PLAN_API}/plans`)
    noToken.assertStatus(401)
    const noPermission = await userWith({ permissions: ['disposal:plan:list'], orgCode: '110101' })
    ;(
      await client
        .post(`${PLAN_API}/plans`)
        .bearerToken(noPermission.token)
        .json(planBody(customer.id, loanIds))
    ).assertStatus(403)
  }).timeout(60_000)
})
