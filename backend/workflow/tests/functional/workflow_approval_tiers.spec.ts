import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { approveAs, decide, expectTimeline } from '#tests/helpers/approvals'
import { assertRows } from '#tests/helpers/assert_rows'
import {
  TIER,
  handlerControl,
  handlerLog,
  instanceRow,
  openTasks,
  submitPlan,
  useWorkflowTestType,
} from '#tests/helpers/workflow'

/*
| 授权及流程 acceptance (issue 5), the deciding side: a two-node chain whose
| second node is an amount tier (总行 approves only from 1 000 000.00 yuan up),
| every step in the history and the audit log, and a throwing business handler
| rolls the decision back.
*/

test.group('Workflow · amount tiers decide how many approvals', (group) => {
  useWorkflowTestType(group)

  test('under the threshold one approval completes it', async ({ client, assert }) => {
    const id = await submitPlan('999999.99')
    assert.deepEqual(await openTasks(id), ['bj_asset'])

    const todo = await client
      .get('/api/workflow/tasks?box=todo')
      .bearerToken(await tokenFor('bj_asset'))
    todo.assertStatus(200)
    const row = todo.body().data.find((r: any) => r.instanceId === id)
    assert.include(row, {
      typeCode: 'wftest:plan',
      amount: '999999.99',
      nodeName: '分行审批',
      status: 'pending',
    })
    assert.equal(
      row.link,
      `/p/wftest/Plan?id=${encodeURIComponent((await instanceRow(id)).business_id)}`
    )
    assert.match(row.dueDate, /^\d{4}-\d{2}-\d{2}$/)
    // The 3-working-day limit is a 时效提醒 deadline of the approver while the task is open.
    const deadline = () =>
      db
        .from('deadlines')
        .where('kind', 'workflow:task')
        .where('subject_id', String(row.taskId))
        .whereNull('removed_at')
        .first()
    assert.exists(await deadline())

    const approved = await approveAs(client, 'bj_asset', id)
    assert.equal(approved.status, 'approved')
    assert.equal(approved.chain.length, 1)

    const stored = await instanceRow(id)
    assert.equal(stored.status, 'approved')
    assert.equal(String(stored.amount_fen), '99999999')
    assert.deepEqual(handlerLog, [{ hook: 'approved', instanceId: id, amount: '999999.99' }])
    assert.isNull(await deadline())
    await expectTimeline(assert, id, ['submit', 'approve', 'complete'])
  })

  test('at the threshold the head office must approve too', async ({ client, assert }) => {
    const id = await submitPlan(TIER)
    const branch = await approveAs(client, 'bj_asset', id, '分行同意')
    assert.equal(branch.status, 'pending')
    assert.deepEqual(await openTasks(id), ['hq_risk'])
    assert.deepEqual(handlerLog, [])

    // The branch approver has no task any more; a second click is refused.
    const again = await decide(client, 'bj_asset', id, 'approve', { comment: '再次同意' })
    again.assertStatus(409)
    again.assertBodyContains({ code: 'workflow.noTask' })

    const head = await approveAs(client, 'hq_risk', id, '总行同意')
    assert.equal(head.status, 'approved')
    assertRows(
      assert,
      head.chain,
      `
      name.zh  | state
      分行审批 | approved
      总行审批 | approved
      `
    )
    await expectTimeline(assert, id, ['submit', 'approve', 'approve', 'complete'])
    assert.lengthOf(handlerLog, 1)
  })
})

test.group('Workflow · a throwing handler rolls the decision back', (group) => {
  useWorkflowTestType(group)

  test('approval refused by the business: 422 with its message, nothing changed', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    handlerControl.throwOn = 'approved'
    const response = await decide(client, 'bj_asset', id, 'approve', { comment: '同意' })
    response.assertStatus(422)
    response.assertBodyContains({ message: '处置预案已被冻结，不能审批通过' })

    const stored = await instanceRow(id)
    assert.equal(stored.status, 'pending')
    assert.notEqual(stored.title, 'CHANGED')
    assert.deepEqual(await openTasks(id), ['bj_asset'])
    await expectTimeline(assert, id, ['submit'])

    // Once the business lets it through, the same approver can approve.
    handlerControl.throwOn = null
    await approveAs(client, 'bj_asset', id, '同意（重试）')
    assert.equal((await instanceRow(id)).status, 'approved')
  })
})
