import { test } from '@japa/runner'
import { tokenFor } from '#tests/helpers/auth'
import {
  TIER,
  auditActionsOf,
  handlerLog,
  historyOf,
  instanceRow,
  openTasks,
  resubmitPlan,
  submitPlan,
  useWorkflowTestType,
} from '#tests/helpers/workflow'

/*
| 授权及流程 acceptance (issue 5), the way back: return to the applicant or an
| earlier node, resubmit (also by the plugin with a new amount and tier), and
| the rules a return must follow.
*/

test.group('Workflow · return to the applicant and resubmit', (group) => {
  useWorkflowTestType(group)

  test('the applicant gets it back, resubmits, and it is approved in round 2', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('500000.00')
    const returned = await client
      .post(`/api/workflow/instances/${id}/return`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '请补充抵押物评估报告', toSeq: 0 })
    returned.assertStatus(200)
    assert.equal(returned.body().status, 'returned')
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['returned']
    )
    assert.deepEqual(await openTasks(id), [])

    const applicant = await tokenFor('bj_cy_am')
    const detail = await client.get(`/api/workflow/instances/${id}`).bearerToken(applicant)
    detail.assertStatus(200)
    assert.deepEqual(detail.body().actions, ['resubmit'])

    const resubmitted = await client
      .post(`/api/workflow/instances/${id}/resubmit`)
      .bearerToken(applicant)
      .json({ comment: '已补充' })
    resubmitted.assertStatus(200)
    assert.equal(resubmitted.body().status, 'pending')
    assert.equal(resubmitted.body().round, 2)
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['returned', 'resubmitted']
    )
    assert.deepEqual(await openTasks(id), ['bj_asset'])

    ;(
      await client
        .post(`/api/workflow/instances/${id}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意' })
    ).assertStatus(200)
    assert.equal((await instanceRow(id)).status, 'approved')
    assert.deepEqual(await historyOf(id), ['submit', 'return', 'resubmit', 'approve', 'complete'])
    assert.deepEqual(await auditActionsOf(id), [
      'workflow.submit',
      'workflow.return',
      'workflow.resubmit',
      'workflow.approve',
      'workflow.complete',
    ])
  })

  test('the plugin resubmits with a higher amount: the new round takes the head office tier', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('500000.00')
    ;(
      await client
        .post(`/api/workflow/instances/${id}/return`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '金额有误', toSeq: 0 })
    ).assertStatus(200)
    const again = await resubmitPlan(id, '2000000.00')
    assert.equal(again.instanceId, id)
    const stored = await instanceRow(id)
    assert.equal(stored.round, 2)
    assert.equal(String(stored.amount_fen), '200000000')
    assert.lengthOf(JSON.parse(stored.chain_json), 2)
    // A second submission while it is pending is refused.
    await assert.rejects(() => resubmitPlan(id, '2000000.00'))
  })

  test('a return to an earlier node reopens it', async ({ client, assert }) => {
    const id = await submitPlan(TIER)
    ;(
      await client
        .post(`/api/workflow/instances/${id}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意' })
    ).assertStatus(200)
    const back = await client
      .post(`/api/workflow/instances/${id}/return`)
      .bearerToken(await tokenFor('hq_risk'))
      .json({ comment: '请分行复核', toSeq: 1 })
    back.assertStatus(200)
    assert.equal(back.body().status, 'pending')
    assert.equal(back.body().currentSeq, 1)
    assert.deepEqual(await openTasks(id), ['bj_asset'])
    assert.deepEqual(handlerLog, [])
  })

  test('a return needs a reason and goes only backwards', async ({ client }) => {
    const id = await submitPlan('500000.00')
    const token = await tokenFor('bj_asset')
    const noReason = await client
      .post(`/api/workflow/instances/${id}/return`)
      .bearerToken(token)
      .json({ toSeq: 0 })
    noReason.assertStatus(422)
    const forward = await client
      .post(`/api/workflow/instances/${id}/return`)
      .bearerToken(token)
      .json({ comment: '退回', toSeq: 2 })
    forward.assertStatus(422)
    forward.assertBodyContains({ code: 'workflow.badReturnTarget' })
  })
})
