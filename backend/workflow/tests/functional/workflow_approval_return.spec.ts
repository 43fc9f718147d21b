import { test } from '@japa/runner'
import { tokenFor } from '#tests/helpers/auth'
import { approveAs, decide, expectTimeline, resubmitAs, returnAs } from '#tests/helpers/approvals'
import {
  TIER,
  handlerLog,
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
    const returned = await returnAs(client, 'bj_asset', id, '请补充抵押物评估报告')
    assert.equal(returned.status, 'returned')
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['returned']
    )
    assert.deepEqual(await openTasks(id), [])

    const applicant = await tokenFor('bj_cy_am')
    const detail = await client.get(`/api/workflow/instances/${id}`).bearerToken(applicant)
    detail.assertStatus(200)
    assert.deepEqual(detail.body().actions, ['resubmit'])

    const resubmitted = await resubmitAs(client, { token: applicant }, id, '已补充')
    assert.equal(resubmitted.status, 'pending')
    assert.equal(resubmitted.round, 2)
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['returned', 'resubmitted']
    )
    assert.deepEqual(await openTasks(id), ['bj_asset'])

    await approveAs(client, 'bj_asset', id)
    assert.equal((await instanceRow(id)).status, 'approved')
    await expectTimeline(assert, id, ['submit', 'return', 'resubmit', 'approve', 'complete'])
  })

  test('the plugin resubmits with a higher amount: the new round takes the head office tier', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('500000.00')
    await returnAs(client, 'bj_asset', id, '金额有误')
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
    await approveAs(client, 'bj_asset', id)
    const back = await returnAs(client, 'hq_risk', id, '请分行复核', 1)
    assert.equal(back.status, 'pending')
    assert.equal(back.currentSeq, 1)
    assert.deepEqual(await openTasks(id), ['bj_asset'])
    assert.deepEqual(handlerLog, [])
  })

  test('a return needs a reason and goes only backwards', async ({ client }) => {
    const id = await submitPlan('500000.00')
    const approver = { token: await tokenFor('bj_asset') }
    const noReason = await decide(client, approver, id, 'return', { toSeq: 0 })
    noReason.assertStatus(422)
    const forward = await decide(client, approver, id, 'return', { comment: '退回', toSeq: 2 })
    forward.assertStatus(422)
    forward.assertBodyContains({ code: 'workflow.badReturnTarget' })
  })
})
