import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { generatedBook as smallBook } from '../../../credit-assets/fixtures/book_fixture.js'
import { LIT_API, troubledCustomer, withSimulator } from '../plan_helpers.js'
import { caseNo } from '../case_helpers.js'

/*
| 诉中方案申报 within a case (read through cases/case_service.ts): add, modify, delete a
| draft, approve through the workflow with tiers; an approved 和解 with an instalment
| schedule puts one deadline per instalment into the core engine; scope and 422s.
*/
const PERMISSIONS = [
  'litigation:case:list',
  'litigation:case:create',
  'litigation:proceeding:list',
  'litigation:proceeding:create',
  'credit-assets:loan:list',
]

/** A case of the troubled 朝阳 customer, registered by a clerk there who also applies. */
async function chaoyangCase(client: any) {
  const { customer, loanIds } = await troubledCustomer(80_000_000n)
  const clerk = await userWith({
    permissions: PERMISSIONS,
    dataScope: 'org_and_below',
    orgCode: '110101',
  })
  const created = await client
    .post(`${LIT_API}/cases`)
    .bearerToken(clerk.token)
    .json({
      caseNo: caseNo(),
      court: '北京市朝阳区人民法院',
      judge: '王法官',
      cause: '金融借款合同纠纷',
      procedure: 'ordinary',
      stage: 'filing',
      filedOn: '2026-03-02',
      customerId: customer.id,
      loanIds: loanIds.slice(0, 1),
      claimPrincipal: '800000.00',
      claimInterest: '0.00',
      claimOther: '0.00',
      parties: [
        { role: 'plaintiff', kind: 'bank' },
        { role: 'defendant', kind: 'borrower' },
      ],
    })
  created.assertStatus(201)
  return { customer, clerk, lawCase: created.body() }
}

const settlement = (caseId: number, extra: Record<string, unknown> = {}) => ({
  caseId,
  kind: 'settlement',
  amount: '600000.00',
  content: '被告于 2027 年 3 月底前分三期清偿本金 60 万元，原告放弃部分罚息',
  applicationReason: '被告经营恢复，分期还款可较判决执行更快回收',
  instalments: [
    { dueDate: '2027-01-15', amount: '200000.00' },
    { dueDate: '2027-02-15', amount: '200000.00' },
    { dueDate: '2027-03-31', amount: '200000.00' },
  ],
  ...extra,
})

test.group('litigation: 诉中方案申报', (group) => {
  withSimulator(group)

  test('a 和解 of three instalments modified to two, approved → one deadline per instalment', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { clerk, lawCase } = await chaoyangCase(client)
    const created = await client
      .post(`${LIT_API}/proceedings`)
      .bearerToken(clerk.token)
      .json(settlement(lawCase.id))
    created.assertStatus(201)
    const plan = created.body()
    assert.match(plan.planNo, /^SZFA\d{14}$/)
    assert.equal(plan.caseNo, lawCase.caseNo)
    assert.lengthOf(plan.instalments, 3)

    const modified = await client
      .put(`${LIT_API}/proceedings/${plan.id}`)
      .bearerToken(clerk.token)
      .json(
        settlement(lawCase.id, {
          instalments: [
            { dueDate: '2027-01-15', amount: '300000.00' },
            { dueDate: '2027-03-31', amount: '300000.00' },
          ],
        })
      )
    modified.assertStatus(200)
    assert.deepEqual(
      modified.body().instalments.map((i: any) => [i.seq, i.dueDate, i.amount]),
      [
        [1, '2027-01-15', '300000.00'],
        [2, '2027-03-31', '300000.00'],
      ]
    )

    const submitted = await client
      .post(`${LIT_API}/proceedings/${plan.id}/submit`)
      .bearerToken(clerk.token)
    submitted.assertStatus(200)
    const instance = await db.from('wf_instances').where('id', submitted.body().instanceId).first()
    assert.equal(instance.type_code, 'litigation:proceeding')
    assert.equal(String(instance.amount_fen), '60000000')
    // Before approval there are no instalment deadlines.
    const none = await db
      .from('deadlines')
      .where('kind', 'litigation:instalment')
      .where('subject_id', 'like', `${plan.id}:%`)
    assert.lengthOf(none, 0)

    ;(
      await client
        .post(`/api/workflow/instances/${submitted.body().instanceId}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意和解' })
    ).assertStatus(200)
    const done = await client.get(`${LIT_API}/proceedings/${plan.id}`).bearerToken(clerk.token)
    assert.equal(done.body().status, 'approved')
    const rows = await db
      .from('deadlines')
      .where('source', 'litigation')
      .where('kind', 'litigation:instalment')
      .where('subject_type', 'lit_proceeding_plan')
      .where('subject_id', 'like', `${plan.id}:%`)
      .orderBy('subject_id')
    assert.deepEqual(
      rows.map((r) => [r.subject_id, String(r.due_date).slice(0, 10) || r.due_date]),
      [
        [`${plan.id}:1`, '2027-01-15'],
        [`${plan.id}:2`, '2027-03-31'],
      ]
    )
    assert.include(rows[0].title, '和解分期履行第 1 期 300000.00 元')
    assert.equal(rows[0].link, `/p/litigation/proceedings/Proceedings?id=${plan.id}`)
  }).timeout(60_000)

  test('an 上诉 of 1,200,000.00 needs head office; a draft 撤诉 is deleted', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { clerk, lawCase } = await chaoyangCase(client)
    const appeal = (
      await client.post(`${LIT_API}/proceedings`).bearerToken(clerk.token).json({
        caseId: lawCase.id,
        kind: 'appeal',
        amount: '1200000.00',
        content: '不服一审判决驳回罚息部分，提起上诉',
        applicationReason: '一审对罚息计算基数认定有误',
      })
    ).body()
    const { instanceId } = (
      await client.post(`${LIT_API}/proceedings/${appeal.id}/submit`).bearerToken(clerk.token)
    ).body()
    await client
      .post(`/api/workflow/instances/${instanceId}/approve`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '同意，报总行' })
    const mid = await client.get(`${LIT_API}/proceedings/${appeal.id}`).bearerToken(clerk.token)
    assert.equal(mid.body().status, 'pending')
    await client
      .post(`/api/workflow/instances/${instanceId}/approve`)
      .bearerToken(await tokenFor('hq_risk'))
      .json({ comment: '同意上诉' })
    const done = await client.get(`${LIT_API}/proceedings/${appeal.id}`).bearerToken(clerk.token)
    assert.equal(done.body().status, 'approved')

    const withdrawal = (
      await client
        .post(`${LIT_API}/proceedings`)
        .bearerToken(await tokenFor(clerk.user.username))
        .json({
          caseId: lawCase.id,
          kind: 'withdrawal',
          amount: '0',
          content: '被告已全额清偿，申请撤诉',
          applicationReason: '债务已清偿',
        })
    ).body()
    ;(
      await client.delete(`${LIT_API}/proceedings/${withdrawal.id}`).bearerToken(clerk.token)
    ).assertStatus(204)
    ;(
      await client.delete(`${LIT_API}/proceedings/${appeal.id}`).bearerToken(clerk.token)
    ).assertStatus(409)
    const audits = await db
      .from('audit_logs')
      .where('entity_type', 'lit_proceeding_plan')
      .whereIn('entity_id', [String(appeal.id), String(withdrawal.id)])
      .select('action')
    assert.includeMembers(
      audits.map((a) => a.action),
      [
        'litigation.proceeding.create',
        'litigation.proceeding.submit',
        'litigation.proceeding.delete',
      ]
    )
  }).timeout(60_000)

  test('422: schedules that do not add up, unordered dates, instalments on an 上诉, bad kind', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { clerk, lawCase } = await chaoyangCase(client)
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        {
          instalments: [
            { dueDate: '2027-01-15', amount: '200000.00' },
            { dueDate: '2027-02-15', amount: '200000.00' },
          ],
        },
        'instalments',
      ],
      [
        {
          instalments: [
            { dueDate: '2027-02-15', amount: '300000.00' },
            { dueDate: '2027-01-15', amount: '300000.00' },
          ],
        },
        'instalments.1.dueDate',
      ],
      [{ instalments: [{ dueDate: '2027-02-30', amount: '600000.00' }] }, 'instalments.0.dueDate'],
      [{ kind: 'appeal' }, 'instalments'],
      [{ kind: 'retrial' }, 'kind'],
      [{ amount: '-5.00' }, 'amount'],
      [{ content: '' }, 'content'],
    ]
    for (const [extra, field] of cases) {
      const response = await client
        .post(`${LIT_API}/proceedings`)
        .bearerToken(await tokenFor(clerk.user.username))
        .json(settlement(lawCase.id, extra))
      response.assertStatus(422)
      assert.isTrue(
        response.body().errors.some((e: any) => e.field === field),
        `${field}: ${JSON.stringify(response.body())}`
      )
    }
    assert.equal(Number((await db.from('lit_proceeding_plans').count('* as n').first()).n), 0)
  }).timeout(60_000)

  test('another branch neither sees the plan nor files one on the case (404)', async ({
    client,
    assert,
  }) => {
    await smallBook()
    const { clerk, lawCase } = await chaoyangCase(client)
    const plan = (
      await client
        .post(`${LIT_API}/proceedings`)
        .bearerToken(clerk.token)
        .json(settlement(lawCase.id))
    ).body()
    const shanghai = await userWith({
      permissions: PERMISSIONS,
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const list = await client.get(`${LIT_API}/proceedings`).bearerToken(shanghai.token)
    assert.notInclude(
      list.body().data.map((p: any) => p.id),
      plan.id
    )
    ;(
      await client.get(`${LIT_API}/proceedings/${plan.id}`).bearerToken(shanghai.token)
    ).assertStatus(404)
    ;(
      await client
        .put(`${LIT_API}/proceedings/${plan.id}`)
        .bearerToken(shanghai.token)
        .json(settlement(lawCase.id))
    ).assertStatus(404)
    ;(
      await client
        .post(`${LIT_API}/proceedings`)
        .bearerToken(shanghai.token)
        .json(settlement(lawCase.id, { content: '上海' }))
    ).assertStatus(404)
  }).timeout(60_000)
})
