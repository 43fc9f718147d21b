import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { listFor } from '../../../expenses/services/expenses_api.js'
import { LIT_API, withSimulator } from '../plan_helpers.js'
import { approvedPlan, engagementBody, FIRM, LAWYER, registry } from '../lawyer_helpers.js'

/*
| 律师选聘: the registry (licence numbers validated, duplicates refused), engagements
| for an approved 诉前方案 with panel and conflict checks, approval, and lawyer fees paid
| recorded in 费用管理; scope and 422s.
*/
test.group('litigation: 律所律师库', (group) => {
  withSimulator(group)

  test('firms and lawyers with validated licence numbers; duplicates and bad codes are 422', async ({
    client,
    assert,
  }) => {
    const { admin, firm, lawyer } = await registry(client)
    assert.equal(firm.licenceNo, FIRM.licenceNo)
    assert.deepEqual(firm.specialities, FIRM.specialities)
    assert.equal(lawyer.firmName, FIRM.name)

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['law-firms', { ...FIRM, licenceNo: '311100004000000016' }, 'licenceNo'],
      ['law-firms', { ...FIRM, licenceNo: FIRM.licenceNo }, 'licenceNo'],
      ['law-firms', { ...FIRM, licenceNo: '31310000425000002Q', rating: 6 }, 'rating'],
      [
        'law-firms',
        { ...FIRM, licenceNo: '31310000425000002Q', specialities: ['x'] },
        'specialities',
      ],
      ['lawyers', { ...LAWYER, firmId: firm.id, licenceNo: '1110120101012345' }, 'licenceNo'],
      ['lawyers', { ...LAWYER, firmId: firm.id }, 'licenceNo'],
      ['lawyers', { ...LAWYER, firmId: 999999999, licenceNo: '11101201510123457' }, 'firmId'],
    ]
    for (const [path, body, field] of bad) {
      const response = await client
        .post(`${LIT_API}/${path}`)
        .bearerToken(await tokenFor(admin.user.username))
        .header('accept-language', 'zh-CN')
        .json(body)
      response.assertStatus(422)
      assert.isTrue(
        response.body().errors.some((e: any) => e.field.startsWith(field)),
        `${path} ${field}: ${JSON.stringify(response.body())}`
      )
    }

    const updated = await client
      .put(`${LIT_API}/law-firms/${firm.id}`)
      .bearerToken(admin.token)
      .json({ ...FIRM, panelStatus: 'suspended', rating: 3 })
    updated.assertStatus(200)
    assert.equal(updated.body().panelStatus, 'suspended')
    const audits = await db
      .from('audit_logs')
      .where('entity_type', 'lit_law_firm')
      .where('entity_id', String(firm.id))
      .select('action')
    assert.sameMembers(
      audits.map((a) => a.action),
      ['litigation.firm.create', 'litigation.firm.update']
    )

    // Reading the registry needs the list permission; changing it, manage.
    const reader = await userWith({
      permissions: ['litigation:lawyer:list'],
      dataScope: 'org',
      orgCode: '110101',
    })
    ;(await client.get(`${LIT_API}/lawyers`).bearerToken(reader.token)).assertStatus(200)
    ;(await client.post(`${LIT_API}/law-firms`).bearerToken(reader.token).json(FIRM)).assertStatus(
      403
    )
  }).timeout(60_000)
})

test.group('litigation: 律师选聘申请', (group) => {
  withSimulator(group)

  test('apply for an approved plan → approve → pay: the fee lands in 费用管理', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { firm, lawyer } = await registry(client)
    const { customer, plan, applicant } = await approvedPlan(client)

    const created = await client
      .post(`${LIT_API}/engagements`)
      .bearerToken(applicant.token)
      .json(engagementBody(plan.id, firm.id, lawyer.id))
    created.assertStatus(201)
    const engagement = created.body()
    assert.match(engagement.engagementNo, /^LSXP\d{14}$/)
    assert.equal(engagement.subjectNo, plan.planNo)
    // 20,000 + 5 % × 500,000 = 45,000 (below the 60,000 cap)
    assert.equal(engagement.estimatedFee, '45000.00')
    assert.equal(engagement.status, 'draft')

    const modified = await client
      .put(`${LIT_API}/engagements/${engagement.id}`)
      .bearerToken(applicant.token)
      .json(engagementBody(plan.id, firm.id, lawyer.id, { feeType: 'fixed', fixedFee: '30000.00' }))
    modified.assertStatus(200)
    assert.equal(modified.body().estimatedFee, '30000.00')

    const submitted = await client
      .post(`${LIT_API}/engagements/${engagement.id}/submit`)
      .bearerToken(applicant.token)
    submitted.assertStatus(200)
    const instance = await db
      .from('wf_instances')
      .where('id', submitted.body().instanceId)
      .firstOrFail()
    assert.equal(instance.type_code, 'litigation:engagement')
    assert.equal(String(instance.amount_fen), '3000000')
    ;(
      await client.delete(`${LIT_API}/engagements/${engagement.id}`).bearerToken(applicant.token)
    ).assertStatus(409)
    // Paying before approval is refused.
    ;(
      await client
        .post(`${LIT_API}/engagements/${engagement.id}/payments`)
        .bearerToken(applicant.token)
        .json({ amount: '10000.00', paidOn: '2026-12-07' })
    ).assertStatus(409)

    ;(
      await client
        .post(`/api/workflow/instances/${submitted.body().instanceId}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意选聘' })
    ).assertStatus(200)

    const paid = await client
      .post(`${LIT_API}/engagements/${engagement.id}/payments`)
      .bearerToken(await tokenFor(applicant.user.username))
      .json({ amount: '12000.50', paidOn: '2026-12-07', remark: '首期律师费' })
    paid.assertStatus(201)
    assert.equal(paid.body().engagement.paid, '12000.50')
    const expenses = await listFor({ plugin: 'litigation', kind: 'engagement', id: engagement.id })
    assert.lengthOf(expenses, 1)
    assert.equal(expenses[0].feeKind, 'lawyer_fee')
    assert.equal(expenses[0].amount, '12000.50')
    assert.equal(expenses[0].customerId, Number(customer.id))
    assert.equal(expenses[0].expenseNo, paid.body().expenseNo)

    // A fixed fee is never paid beyond what was agreed.
    const over = await client
      .post(`${LIT_API}/engagements/${engagement.id}/payments`)
      .bearerToken(await tokenFor(applicant.user.username))
      .json({ amount: '18000.00', paidOn: '2026-12-08' })
    over.assertStatus(422)
    assert.equal(over.body().errors[0].field, 'amount')
  }).timeout(60_000)

  test('panel, conflicts, the 30 % ceiling and a plan not yet approved are refused (422)', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { admin, firm, lawyer } = await registry(client)
    const { customer, plan, applicant } = await approvedPlan(client)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ feeType: 'risk', riskRate: '0.35' }, 'riskRate'],
      [{ feeType: 'fixed', fixedFee: '0' }, 'fixedFee'],
      [{ feeType: 'retainer' }, 'feeType'],
      [{ expectedRecovery: '-1' }, 'expectedRecovery'],
      [{ planId: undefined }, 'planId'],
      [{ scope: '' }, 'scope'],
    ]
    for (const [extra, field] of cases) {
      const response = await client
        .post(`${LIT_API}/engagements`)
        .bearerToken(await tokenFor(applicant.user.username))
        .json(engagementBody(plan.id, firm.id, lawyer.id, extra))
      response.assertStatus(422)
      assert.isTrue(
        response.body().errors.some((e: any) => e.field === field),
        `${field}: ${JSON.stringify(response.body())}`
      )
    }

    // The firm lists the customer as a conflict.
    await client
      .put(`${LIT_API}/law-firms/${firm.id}`)
      .bearerToken(admin.token)
      .json({ ...FIRM, conflicts: `某甲公司\n${customer.customer_no}` })
    const conflict = await client
      .post(`${LIT_API}/engagements`)
      .bearerToken(applicant.token)
      .json(engagementBody(plan.id, firm.id, lawyer.id))
    conflict.assertStatus(422)
    assert.match(conflict.body().message, /利益冲突/)

    // A suspended lawyer cannot be engaged.
    await client
      .put(`${LIT_API}/law-firms/${firm.id}`)
      .bearerToken(await tokenFor(admin.user.username))
      .json(FIRM)
    await client
      .put(`${LIT_API}/lawyers/${lawyer.id}`)
      .bearerToken(admin.token)
      .json({ ...LAWYER, firmId: firm.id, panelStatus: 'suspended' })
    const suspended = await client
      .post(`${LIT_API}/engagements`)
      .bearerToken(await tokenFor(applicant.user.username))
      .json(engagementBody(plan.id, firm.id, lawyer.id))
    suspended.assertStatus(422)
    assert.equal(suspended.body().errors[0].field, 'lawyerId')
    assert.equal(Number((await db.from('lit_engagements').count('* as n').first()).n), 0)
  }).timeout(60_000)

  test('another branch cannot see or act on the engagement (404); a draft is deleted', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { firm, lawyer } = await registry(client)
    const { plan, applicant } = await approvedPlan(client)
    const engagement = (
      await client
        .post(`${LIT_API}/engagements`)
        .bearerToken(applicant.token)
        .json(engagementBody(plan.id, firm.id, lawyer.id))
    ).body()
    const shanghai = await userWith({
      permissions: [
        'litigation:engagement:list',
        'litigation:engagement:create',
        'litigation:engagement:pay',
      ],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const mine = await client.get(`${LIT_API}/engagements`).bearerToken(applicant.token)
    mine.assertStatus(200)
    assert.deepEqual(
      mine.body().data.map((e: any) => [e.id, e.estimatedFee]),
      [[engagement.id, '45000.00']]
    )
    const theirs = await client.get(`${LIT_API}/engagements`).bearerToken(shanghai.token)
    assert.equal(theirs.body().meta.total, 0)
    ;(
      await client.get(`${LIT_API}/engagements/${engagement.id}`).bearerToken(shanghai.token)
    ).assertStatus(404)
    ;(
      await client.delete(`${LIT_API}/engagements/${engagement.id}`).bearerToken(shanghai.token)
    ).assertStatus(404)
    ;(
      await client
        .post(`${LIT_API}/engagements/${engagement.id}/payments`)
        .bearerToken(shanghai.token)
        .json({ amount: '1.00', paidOn: '2026-12-07' })
    ).assertStatus(404)
    // Nor engage for a plan outside their scope.
    ;(
      await client
        .post(`${LIT_API}/engagements`)
        .bearerToken(shanghai.token)
        .json(engagementBody(plan.id, firm.id, lawyer.id))
    ).assertStatus(404)
    ;(
      await client.delete(`${LIT_API}/engagements/${engagement.id}`).bearerToken(applicant.token)
    ).assertStatus(204)
  }).timeout(60_000)
})
