import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { API, applicant, replier, approveAll, fileEvidence, lossLoan } from '../helpers.js'

/*
| 无追索权认定: only a written-off loan can be determined, with evidence on file
| for it; the determination is approved through the workflow; the loan then
| carries the flag and date and stays in 核销资产台账 (无追索权 = 是).
*/
test.group('write-off: 无追索权认定', (group) => {
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

  test('register with evidence, approve, flagged and still in the ledger', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const loan = await lossLoan('5000000')
    const subject = { kind: 'loan' as const, id: loan.loanId }
    await fileEvidence(client, me.token, subject, 'small_personal')
    const created = await client
      .post(`${API}/plans`)
      .bearerToken(me.token)
      .json({
        kind: 'single',
        title: '小额核销',
        reasons: '追索 180 天以上',
        items: [{ ...subject, ruleCode: 'small_personal' }],
      })
    created.assertStatus(201)
    const planId = created.body().id
    const itemId = created.body().items[0].id

    // Not written off yet: not a candidate (404).
    const early = await client
      .post(`${API}/no-recourse`)
      .bearerToken(me.token)
      .json({ itemId, reason: 'enforcement_no_property', facts: '终本', evidenceIds: [1] })
    early.assertStatus(404)

    ;(await client.post(`${API}/plans/${planId}/submit`).bearerToken(me.token)).assertStatus(200)
    await approveAll(client, 'write-off:plan', planId)
    ;(
      await client
        .post(`${API}/plans/${planId}/reply`)
        .bearerToken((await replier()).token)
        .json({ repliedOn: '2026-12-07', replyText: '同意' })
    ).assertStatus(200)

    const evidence = await client
      .get(`${API}/no-recourse-items/${itemId}/evidence`)
      .bearerToken(me.token)
    evidence.assertStatus(200)
    const evidenceIds = evidence.body().data.map((e: any) => e.id)
    assert.isNotEmpty(evidenceIds)
    const unknownReason = await client
      .post(`${API}/no-recourse`)
      .bearerToken(me.token)
      .json({ itemId, reason: 'made_up', facts: '终本', evidenceIds })
    unknownReason.assertStatus(422)
    const foreignEvidence = await client
      .post(`${API}/no-recourse`)
      .bearerToken(me.token)
      .json({ itemId, reason: 'enforcement_no_property', facts: '终本', evidenceIds: [999999999] })
    foreignEvidence.assertStatus(422)

    const registered = await client.post(`${API}/no-recourse`).bearerToken(me.token).json({
      itemId,
      reason: 'enforcement_no_property',
      facts: '法院终结本次执行，经查询借款人名下无可供执行财产。',
      evidenceIds,
    })
    registered.assertStatus(201)
    const twice = await client
      .post(`${API}/no-recourse`)
      .bearerToken(me.token)
      .json({ itemId, reason: 'enforcement_no_property', facts: '再次', evidenceIds })
    twice.assertStatus(409)

    const instance = await approveAll(client, 'write-off:no-recourse', registered.body().id)
    assert.equal(instance.status, 'approved')
    const shown = await client
      .get(`${API}/no-recourse/${registered.body().id}`)
      .bearerToken(me.token)
    assert.equal(shown.body().status, 'approved')
    const list = await client.get(`${API}/no-recourse`).bearerToken(me.token)
    const row = list.body().data.find((r: any) => r.id === itemId)
    assert.isTrue(row.noRecourse)
    assert.isString(row.noRecourseOn)

    const ledger = await client
      .get('/api/ledgers/write-off-assets/rows')
      .bearerToken(me.token)
      .qs({ keyword: loan.loanNo })
    assert.equal(ledger.body().data[0].noRecourse, '是')
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'write-off.no-recourse.create')
        .where('entity_id', String(registered.body().id))
        .first()
    )
  })
})
