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
import { API, applicant, approveAll, fileEvidence, lossLoan } from '../helpers.js'

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
      .bearerToken(me.token)
      .json({ repliedOn: '2026-12-07', replyText: '同意' })
    early.assertStatus(409)
  })
})
