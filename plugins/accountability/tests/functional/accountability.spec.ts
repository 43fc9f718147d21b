import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'

/*
| 责任认定: a case for a loss — customer, loans, persons (a user or a free name)
| with roles and penalties (经济处罚 with its DECIMAL amount) — is registered in
| scope, approved through the workflow (分行资产管理部, 总行风险管理部), its
| images filed on the 影像平台; another branch sees nothing (404); bad input 422.
*/
const API = '/api/accountability'
const CODES = ['accountability:case:list', 'accountability:case:create']

const clerk = () => userWith({ permissions: CODES, dataScope: 'org_and_below', orgCode: '110101' })
const shanghai = () =>
  userWith({ permissions: CODES, dataScope: 'org_and_below', orgCode: '310000' })

const lossLoan = (customerId?: number) =>
  bookLoan({
    orgCode: '110101',
    fiveClass: 'loss',
    overdueDays: 400,
    riskAsset: true,
    customerId,
  })

const body = (customerId: number, loanIds: number[], userId: number) => ({
  customerId,
  loanIds,
  lossAmount: '1234567.89',
  lossOn: '2026-06-30',
  determinedOn: '2026-11-20',
  findings: '贷前调查未核实借款人实际经营情况，贷后检查流于形式，形成损失。',
  persons: [
    {
      userId,
      role: 'handler',
      finding: '未落实贷后检查',
      penalty: 'fine',
      penaltyAmount: '5000.50',
      penaltyOn: '2026-11-25',
    },
    { name: '张审查', role: 'reviewer', finding: '审查不严', penalty: 'criticism' },
  ],
})

async function approveAll(client: any, caseId: number) {
  const instance = await db
    .from('wf_instances')
    .where('type_code', 'accountability:case')
    .where('business_id', String(caseId))
    .orderBy('id', 'desc')
    .firstOrFail()
  for (const user of ['bj_asset', 'hq_risk']) {
    const res = await client
      .post(`/api/workflow/instances/${instance.id}/approve`)
      .bearerToken(await tokenFor(user))
      .json({ comment: '同意' })
    if (res.status() !== 200) throw new Error(`approve as ${user} ${res.status()}: ${res.text()}`)
  }
  return db.from('wf_instances').where('id', instance.id).first()
}

test.group('accountability: 责任认定', (group) => {
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

  test('register, file an image, approve: in force and on the customer', async ({
    client,
    assert,
  }) => {
    const me = await clerk()
    const a = await lossLoan()
    const b = await lossLoan(a.customerId)
    const created = await client
      .post(`${API}/cases`)
      .bearerToken(me.token)
      .json(body(a.customerId, [a.loanId, b.loanId], me.user.id))
    created.assertStatus(201)
    const id = created.body().id

    const token = me.token
    const shown = await client.get(`${API}/cases/${id}`).bearerToken(token)
    shown.assertStatus(200)
    assert.equal(shown.body().status, 'pending')
    assert.equal(shown.body().lossAmount, '1234567.89')
    assert.sameMembers(
      shown.body().loans.map((l: any) => l.loanNo),
      [a.loanNo, b.loanNo]
    )
    const [handler, reviewer] = shown.body().persons
    assert.equal(handler.name, me.user.realName)
    assert.equal(handler.penaltyAmount, '5000.50')
    assert.equal(handler.penaltyOn, '2026-11-25')
    assert.equal(reviewer.name, '张审查')
    assert.isNull(reviewer.penaltyAmount)

    const content = Buffer.from('JPEG 约谈记录').toString('base64')
    const image = { title: '约谈记录', fileName: 'talk.jpg', content }
    const filed = await client.post(`${API}/cases/${id}/images`).bearerToken(token).json(image)
    filed.assertStatus(201)
    assert.isString(filed.body().docNo)
    const images = await client.get(`${API}/cases/${id}/images`).bearerToken(token)
    assert.lengthOf(images.body().data, 1)
    assert.equal(images.body().data[0].url, filed.body().url)

    const instance = await approveAll(client, id)
    assert.equal(instance.status, 'approved')
    const decided = await client.get(`${API}/cases/${id}`).bearerToken(token)
    assert.equal(decided.body().status, 'approved')
    assert.isString(decided.body().decidedOn)

    // 客户视图's panel reads the customer's cases.
    const panel = await client
      .get(`${API}/cases`)
      .qs({ customerId: a.customerId })
      .bearerToken(token)
    assert.deepEqual(
      panel.body().data.map((c: any) => c.id),
      [id]
    )
    for (const action of ['accountability.case.create', 'accountability.image.upload'])
      assert.exists(
        await db.from('audit_logs').where('action', action).where('entity_id', String(id)).first()
      )
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'accountability.case.approved')
        .where('entity_id', String(id))
        .first()
    )
  })

  test('another branch: the customer is refused, the case is 404 everywhere', async ({
    client,
    assert,
  }) => {
    const me = await clerk()
    const other = await shanghai()
    const a = await lossLoan()
    const created = await client
      .post(`${API}/cases`)
      .bearerToken(me.token)
      .json(body(a.customerId, [a.loanId], me.user.id))
    created.assertStatus(201)
    const id = created.body().id
    const token = other.token
    ;(await client.get(`${API}/cases/${id}`).bearerToken(token)).assertStatus(404)
    ;(await client.get(`${API}/cases/${id}/images`).bearerToken(token)).assertStatus(404)
    const upload = await client
      .post(`${API}/cases/${id}/images`)
      .bearerToken(token)
      .json({ title: 'x', fileName: 'x.jpg', content: 'QUJDRA==' })
    upload.assertStatus(404)
    const list = await client.get(`${API}/cases`).bearerToken(token)
    assert.notInclude(
      list.body().data.map((c: any) => c.id),
      id
    )
    const foreign = await client
      .post(`${API}/cases`)
      .bearerToken(token)
      .json(body(a.customerId, [a.loanId], other.user.id))
    foreign.assertStatus(422)
    assert.equal(foreign.body().errors[0].field, 'customerId')
  })

  test('bad input is 422 on its field and registers nothing', async ({ client, assert }) => {
    const me = await clerk()
    const token = me.token
    const a = await lossLoan()
    const stranger = await lossLoan()
    const good = body(a.customerId, [a.loanId], me.user.id)
    const cases: Array<[string, unknown]> = [
      ['extra', { ...good, extra: 1 }],
      ['persons.0.bonus', { ...good, persons: [{ ...good.persons[0], bonus: 1 }] }],
      ['lossAmount', { ...good, lossAmount: '12.345' }],
      ['lossOn', { ...good, lossOn: '2026-02-30' }],
      ['persons.0.penalty', { ...good, persons: [{ ...good.persons[0], penalty: 'jail' }] }],
      ['persons.0.role', { ...good, persons: [{ ...good.persons[0], role: 'boss' }] }],
      [
        'persons.0.penaltyAmount',
        { ...good, persons: [{ ...good.persons[0], penaltyAmount: null }] },
      ],
      [
        'persons.1.penaltyAmount',
        { ...good, persons: [good.persons[0], { ...good.persons[1], penaltyAmount: '10.00' }] },
      ],
      [
        'persons.0.name',
        { ...good, persons: [{ role: 'manager', finding: '管户不力', penalty: 'warning' }] },
      ],
      ['loanIds', { ...good, loanIds: [stranger.loanId] }],
      ['determinedOn', { ...good, determinedOn: '2026-01-01' }],
    ]
    for (const [field, payload] of cases) {
      const res = await client
        .post(`${API}/cases`)
        .bearerToken(token)
        .json(payload as object)
      assert.equal(res.status(), 422, `${field}: ${res.text()}`)
      assert.include(
        res.body().errors.map((e: any) => e.field),
        field,
        res.text()
      )
    }
    const count = await db
      .from('accountability_cases')
      .where('customer_id', a.customerId)
      .count('* as n')
    assert.equal(Number(count[0].n), 0)
    const image = await client
      .post(`${API}/cases/999999999/images`)
      .bearerToken(token)
      .json({ title: 'x', fileName: 'x.jpg', content: 'QUJDRA==', kind: 'x' })
    image.assertStatus(422)
  })
})
