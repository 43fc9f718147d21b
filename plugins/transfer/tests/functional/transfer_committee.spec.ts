import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { businessDate } from '#core/business_day/business_date'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { changeSettingValue } from '#core/settings/update_setting'
import { itemFor } from '../../../committee/services/committee_api.js'
import { registerCommitteeKind } from '../../startup.js'
import { API, applicant, approvedApplication, body, doubtfulLoan } from '../helpers.js'

/*
| The amount rule: at or above 参数 transfer.committeeThreshold the approved
| application waits for the 资产处置委员会 (待上会) with an item of kind
| `transfer:application`; below it it is 已批准 at once. A sitting decides the
| items through the committee's own API: 通过 → 已批准 and the flow goes on to
| 结果登记; 不通过 → 未通过, the loans free for another application and no result.
*/
/** A secretary and three voting members at the head office (the committee's own test DSL is not public). */
async function committee() {
  const secretary = await userWith({
    permissions: ['committee:meeting:list', 'committee:meeting:manage', 'committee:item:list'],
    dataScope: 'all',
    orgCode: '000000',
  })
  const members = []
  for (let i = 0; i < 3; i++)
    members.push(
      await userWith({
        permissions: [
          'committee:meeting:list',
          'committee:meeting:vote',
          'committee:meeting:manage',
        ],
        dataScope: 'all',
        orgCode: '000000',
      })
    )
  return { secretary, members }
}
type People = Awaited<ReturnType<typeof committee>>

/** One sitting through the committee's API: agenda, everyone present, open, then a vote per item. */
async function sitting(client: ApiClient, people: People, itemIds: number[]) {
  const sec = people.secretary.token
  const api = (path: string) => `/api/committee/meetings${path}`
  const created = await client
    .post(api(''))
    .json({
      meetingType: 'hq',
      title: '2026年第9次资产处置委员会会议',
      meetingDate: await businessDate.current(),
      place: '总行 3 楼第一会议室',
      orgId: Number((await db.from('orgs').where('code', '000000').firstOrFail()).id),
      chairId: people.members[0].user.id,
      secretaryId: people.secretary.user.id,
      memberIds: people.members.map((m) => m.user.id),
    })
    .bearerToken(sec)
  created.assertStatus(201)
  const id = created.body().id as number
  ;(
    await client
      .post(api(`/${id}/agenda`))
      .json({ itemIds })
      .bearerToken(sec)
  ).assertStatus(200)
  ;(
    await client
      .put(api(`/${id}/attendance`))
      .json({
        attendance: people.members.map((m) => ({ userId: m.user.id, attendance: 'present' })),
      })
      .bearerToken(sec)
  ).assertStatus(200)
  ;(await client.post(api(`/${id}/open`)).bearerToken(people.members[0].token)).assertStatus(200)
  return async (itemId: number, choice: 'agree' | 'disagree') => {
    ;(await client.post(api(`/${id}/items/${itemId}/open-voting`)).bearerToken(sec)).assertStatus(
      200
    )
    for (const m of people.members)
      (
        await client
          .post(api(`/${id}/items/${itemId}/votes`))
          .json({ choice })
          .bearerToken(m.token)
      ).assertStatus(200)
    ;(await client.post(api(`/${id}/items/${itemId}/close-voting`)).bearerToken(sec)).assertStatus(
      200
    )
    const announced = await client.post(api(`/${id}/items/${itemId}/announce`)).bearerToken(sec)
    announced.assertStatus(200)
    return announced.body().agenda.find((a: any) => a.itemId === itemId)
  }
}

test.group('transfer: the committee where the amount says', (group) => {
  // The kind is registered by the plugin's startup hook in a running server; here by hand.
  group.setup(() => registerCommitteeKind())
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('book value at the threshold → 待上会 with a committee item; below → 已批准', async ({
    client,
    assert,
  }) => {
    // The loan's book value is 201 500.00 (本金 200 000.00 + 表内利息 1 500.00).
    await changeSettingValue('transfer.committeeThreshold', '201500.00', null)
    const me = await applicant()
    const at = await approvedApplication(client, me.token, [(await doubtfulLoan()).loanId])
    const held = await client.get(`${API}/applications/${at}`).bearerToken(me.token)
    assert.equal(held.body().status, 'committee')
    const item = await itemFor({ plugin: 'transfer', kind: 'application', id: at })
    assert.equal(item?.kind, 'transfer:application')
    assert.equal(item?.amount, '201500.00')

    await changeSettingValue('transfer.committeeThreshold', '201500.01', null)
    const below = await approvedApplication(client, me.token, [(await doubtfulLoan()).loanId])
    const free = await client.get(`${API}/applications/${below}`).bearerToken(me.token)
    assert.equal(free.body().status, 'approved')
    assert.isNull(await itemFor({ plugin: 'transfer', kind: 'application', id: below }))
  })

  test('a sitting decides: 通过 → 已批准 and on to 结果登记; 不通过 → 未通过, loans freed', async ({
    client,
    assert,
  }) => {
    await changeSettingValue('transfer.committeeThreshold', '200000.00', null)
    const me = await applicant()
    const passedLoan = await doubtfulLoan()
    const rejectedLoan = await doubtfulLoan()
    const passed = await approvedApplication(client, me.token, [passedLoan.loanId])
    const rejected = await approvedApplication(client, me.token, [rejectedLoan.loanId])
    const itemOf = async (id: number) =>
      (await itemFor({ plugin: 'transfer', kind: 'application', id }))!.id
    const show = async (id: number) =>
      (await client.get(`${API}/applications/${id}`).bearerToken(me.token)).body()
    assert.equal((await show(passed)).status, 'committee')
    const today = await businessDate.current()
    const result = {
      contractNo: 'ZRHT-2026-088',
      paidAmount: '150000.00',
      paidOn: today,
      transferDate: today,
    }
    // Before the decision nothing goes on: no result while 待上会.
    ;(
      await client.post(`${API}/applications/${passed}/result`).bearerToken(me.token).json(result)
    ).assertStatus(409)

    const decide = await sitting(client, await committee(), [
      await itemOf(passed),
      await itemOf(rejected),
    ])
    const yes = await decide(await itemOf(passed), 'agree')
    assert.equal(yes.decision, 'passed')
    const no = await decide(await itemOf(rejected), 'disagree')
    assert.equal(no.decision, 'rejected')

    // 通过: 已批准 with the decision kept; the flow continues — notices served, result registered.
    const approved = await show(passed)
    assert.equal(approved.status, 'approved')
    const app = await db.from('transfer_applications').where('id', passed).first()
    assert.equal(app.committee_result, 'passed')
    for (const [n, notice] of approved.notices.entries())
      (
        await client
          .post(`${API}/applications/${passed}/notices/${notice.id}/serve`)
          .bearerToken(me.token)
          .json({ servedOn: today, serviceWay: 'mail', proofRef: `EMS88${n}` })
      ).assertStatus(200)
    // Another session: the same request within 2 s is 防重复提交's to refuse.
    const done = await client
      .post(`${API}/applications/${passed}/result`)
      .bearerToken(await tokenFor(me.user.username))
      .json(result)
    done.assertStatus(200)
    assert.equal((await show(passed)).status, 'completed')

    // 不通过: 未通过, nothing registered, and the loan may be applied for again (the same
    // body as its first application, so from another session).
    assert.equal((await show(rejected)).status, 'rejected')
    ;(
      await client.post(`${API}/applications/${rejected}/result`).bearerToken(me.token).json(result)
    ).assertStatus(409)
    const again = await client
      .post(`${API}/applications`)
      .bearerToken(await tokenFor(me.user.username))
      .json(body([rejectedLoan.loanId]))
    again.assertStatus(201)
  })
})
