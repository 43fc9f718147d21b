import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { itemFor } from '../../../committee/services/committee_api.js'
import { registerCommitteeKind } from '../../startup.js'
import { outbox } from '#core/connectors/outbox'
import { userWith } from '#tests/helpers/auth'
import { API, applicant, replier, approveAll, fileEvidence, lossLoan } from '../helpers.js'

const COMMITTEE = '/api/committee/meetings'

/** A 总行 sitting of three members through the committee's API that decides `itemId`. */
async function sitting(client: any, itemId: number, choices: string[]) {
  const hq = Number((await db.from('orgs').where('code', '000000').first()).id)
  const secretary = await userWith({
    permissions: ['committee:meeting:list', 'committee:meeting:manage', 'committee:item:list'],
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
        orgCode: '000000',
      })
    )
  const sec = secretary.token
  const created = await client
    .post(COMMITTEE)
    .bearerToken(sec)
    .json({
      meetingType: 'hq',
      title: '2026年第12次资产处置委员会会议',
      meetingDate: '2026-12-07',
      place: '总行 3 楼第一会议室',
      orgId: hq,
      chairId: members[0].user.id,
      secretaryId: secretary.user.id,
      memberIds: members.map((m) => m.user.id),
    })
  created.assertStatus(201)
  const id = created.body().id
  ;(
    await client
      .post(`${COMMITTEE}/${id}/agenda`)
      .bearerToken(sec)
      .json({ itemIds: [itemId] })
  ).assertStatus(200)
  ;(
    await client
      .put(`${COMMITTEE}/${id}/attendance`)
      .bearerToken(sec)
      .json({ attendance: members.map((m) => ({ userId: m.user.id, attendance: 'present' })) })
  ).assertStatus(200)
  ;(await client.post(`${COMMITTEE}/${id}/open`).bearerToken(members[0].token)).assertStatus(200)
  ;(
    await client.post(`${COMMITTEE}/${id}/items/${itemId}/open-voting`).bearerToken(sec)
  ).assertStatus(200)
  for (const [i, choice] of choices.entries())
    (
      await client
        .post(`${COMMITTEE}/${id}/items/${itemId}/votes`)
        .bearerToken(members[i].token)
        .json({ choice })
    ).assertStatus(200)
  ;(
    await client.post(`${COMMITTEE}/${id}/items/${itemId}/close-voting`).bearerToken(sec)
  ).assertStatus(200)
  const announced = await client
    .post(`${COMMITTEE}/${id}/items/${itemId}/announce`)
    .bearerToken(sec)
  if (announced.status() !== 200)
    throw new Error(`announce ${announced.status()}: ${announced.text()}`)
  return announced.body().agenda.find((a: any) => a.itemId === itemId)
}

/** A plan of two large loans, approved through the workflow: at the committee. */
async function planAtCommittee(client: any) {
  const me = await applicant()
  const loans = [await lossLoan('400000000'), await lossLoan('200000000')]
  const items = loans.map((l) => ({
    kind: 'loan' as const,
    id: l.loanId,
    ruleCode: 'litigation_ended',
  }))
  for (const i of items) await fileEvidence(client, me.token, i, 'litigation_ended')
  const created = await client
    .post(`${API}/plans`)
    .bearerToken(me.token)
    .json({ kind: 'batch', title: '两户对公贷款批量核销', reasons: '均已终结本次执行。', items })
  created.assertStatus(201)
  ;(
    await client.post(`${API}/plans/${created.body().id}/submit`).bearerToken(me.token)
  ).assertStatus(200)
  await approveAll(client, 'write-off:plan', created.body().id)
  const item = await itemFor({ plugin: 'write-off', kind: 'plan', id: created.body().id })
  return { me, plan: created.body(), items, itemId: item!.id }
}

/*
| 上会: a plan at or above 参数 write-off.committeeThreshold (5 000 000.00) goes,
| once approved, to the 资产处置委员会 through the committee's public service —
| with its 核销报告 and the 上会材料 tied to its loans — and waits there (待上会);
| it cannot be replied to before the committee decides.
*/
test.group('write-off: the committee step', (group) => {
  let sim: Simulator
  group.setup(async () => {
    registerCommitteeKind()
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

  test('above the threshold: approved → 待上会 with a committee item, materials tied to loans', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const loans = [await lossLoan('400000000'), await lossLoan('200000000')]
    const items = loans.map((l) => ({
      kind: 'loan' as const,
      id: l.loanId,
      ruleCode: 'litigation_ended',
    }))
    for (const i of items) await fileEvidence(client, me.token, i, 'litigation_ended')
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({ kind: 'batch', title: '两户对公贷款批量核销', reasons: '均已终结本次执行。', items })
    created.assertStatus(201)
    const plan = created.body()
    assert.equal(plan.total, '6006000.00')

    // 上会材料上传及借据关联: filed on the 影像平台, tied to the second loan.
    const material = await client
      .post(`${API}/plans/${plan.id}/materials`)
      .bearerToken(me.token)
      .json({
        itemId: plan.items[1].id,
        title: '上会汇报材料',
        fileName: 'briefing.pdf',
        content: Buffer.from('%PDF-1.4 briefing').toString('base64'),
      })
    material.assertStatus(201)
    assert.match(material.body().docNo, /^UP\d+/)
    const foreign = await client
      .put(`${API}/plans/${plan.id}/materials/${material.body().id}`)
      .bearerToken(me.token)
      .json({ itemId: 999999999 })
    foreign.assertStatus(422)

    const submitted = await client.post(`${API}/plans/${plan.id}/submit`).bearerToken(me.token)
    submitted.assertStatus(200)
    assert.isTrue(submitted.body().committeeRequired)
    await approveAll(client, 'write-off:plan', plan.id)

    const waiting = await client.get(`${API}/plans/${plan.id}`).bearerToken(me.token)
    assert.equal(waiting.body().status, 'committee')
    const item = await itemFor({ plugin: 'write-off', kind: 'plan', id: plan.id })
    assert.containsSubset(item, {
      kind: 'write-off:plan',
      amount: '6006000.00',
      status: 'pending',
      orgId: plan.orgId,
    })
    assert.equal(waiting.body().committeeRef, String(item!.id))
    const materials = await db.from('committee_materials').where('item_id', item!.id)
    assert.sameMembers(
      materials.map((m) => m.file_name),
      [`核销报告 ${plan.planNo}`, '上会汇报材料']
    )

    // No 批复 before the committee has decided.
    const early = await client
      .post(`${API}/plans/${plan.id}/reply`)
      .bearerToken((await replier()).token)
      .json({ repliedOn: '2026-12-07', replyText: '同意' })
    early.assertStatus(409)
  })

  test('the committee passes it: 上会情况 registered, 批复, postings', async ({
    client,
    assert,
  }) => {
    const { me, plan, itemId } = await planAtCommittee(client)
    const decided = await sitting(client, itemId, ['agree', 'agree', 'agree'])
    assert.equal(decided.decision, 'passed')
    const after = await client.get(`${API}/plans/${plan.id}`).bearerToken(me.token)
    assert.containsSubset(after.body(), {
      status: 'approved',
      committeeResult: 'passed',
      committeeDecidedOn: '2026-12-07',
    })
    assert.include(after.body().committeeRemark, decided.resolutionNo)
    const replied = await client
      .post(`${API}/plans/${plan.id}/reply`)
      .bearerToken((await replier()).token)
      .json({ repliedOn: '2026-12-08', replyText: '经资产处置委员会审议通过，同意核销。' })
    replied.assertStatus(200)
    assert.equal(replied.body().postings, 6)
    await outbox.deliverDue({ backoffMs: 0, maxBackoffMs: 0, timeoutMs: 2000, retries: 0 })
    const postings = await client.get(`${API}/plans/${plan.id}/postings`).bearerToken(me.token)
    assert.deepEqual(postings.body().summary, { total: 6, sent: 6, pending: 0, dead: 0 })
  })

  test('the committee rejects it: 未通过, the loans are free for another plan', async ({
    client,
    assert,
  }) => {
    const { me, plan, items, itemId } = await planAtCommittee(client)
    const decided = await sitting(client, itemId, ['agree', 'disagree', 'disagree'])
    assert.equal(decided.decision, 'rejected')
    const after = await client.get(`${API}/plans/${plan.id}`).bearerToken(me.token)
    assert.containsSubset(after.body(), { status: 'rejected', committeeResult: 'rejected' })
    const again = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({ kind: 'single', title: '重新申报', reasons: '补充材料后重新申报', items: [items[0]] })
    again.assertStatus(201)
  })
})
