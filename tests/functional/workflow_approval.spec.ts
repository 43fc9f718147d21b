import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import {
  TIER,
  auditActionsOf,
  handlerControl,
  handlerLog,
  historyOf,
  instanceRow,
  openTasks,
  registerTestType,
  resubmitPlan,
  submitPlan,
  userId,
} from '#tests/helpers/workflow'

/*
| 授权及流程 acceptance (issue 5): a two-node chain whose second node is an
| amount tier (总行 approves only from 1 000 000.00 yuan up); return to the
| applicant and resubmit; every step in the history and the audit log; a
| throwing business handler rolls the decision back.
*/

test.group('Workflow · amount tiers decide how many approvals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

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

    const approved = await client
      .post(`/api/workflow/instances/${id}/approve`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '同意' })
    approved.assertStatus(200)
    assert.equal(approved.body().status, 'approved')
    assert.equal(approved.body().chain.length, 1)

    const stored = await instanceRow(id)
    assert.equal(stored.status, 'approved')
    assert.equal(String(stored.amount_fen), '99999999')
    assert.deepEqual(handlerLog, [{ hook: 'approved', instanceId: id, amount: '999999.99' }])
    assert.isNull(await deadline())
    assert.deepEqual(await historyOf(id), ['submit', 'approve', 'complete'])
    assert.deepEqual(await auditActionsOf(id), [
      'workflow.submit',
      'workflow.approve',
      'workflow.complete',
    ])
  })

  test('at the threshold the head office must approve too', async ({ client, assert }) => {
    const id = await submitPlan(TIER)
    const branch = await client
      .post(`/api/workflow/instances/${id}/approve`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '分行同意' })
    branch.assertStatus(200)
    assert.equal(branch.body().status, 'pending')
    assert.deepEqual(await openTasks(id), ['hq_risk'])
    assert.deepEqual(handlerLog, [])

    // The branch approver has no task any more; a second click is refused.
    const again = await client
      .post(`/api/workflow/instances/${id}/approve`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '再次同意' })
    again.assertStatus(409)
    again.assertBodyContains({ code: 'workflow.noTask' })

    const head = await client
      .post(`/api/workflow/instances/${id}/approve`)
      .bearerToken(await tokenFor('hq_risk'))
      .json({ comment: '总行同意' })
    head.assertStatus(200)
    assert.equal(head.body().status, 'approved')
    assert.deepEqual(
      head.body().chain.map((n: any) => [n.name.zh, n.state]),
      [
        ['分行审批', 'approved'],
        ['总行审批', 'approved'],
      ]
    )
    assert.deepEqual(await historyOf(id), ['submit', 'approve', 'approve', 'complete'])
    assert.deepEqual(await auditActionsOf(id), [
      'workflow.submit',
      'workflow.approve',
      'workflow.approve',
      'workflow.complete',
    ])
    assert.lengthOf(handlerLog, 1)
  })
})

test.group('Workflow · return to the applicant and resubmit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

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

test.group('Workflow · a throwing handler rolls the decision back', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  test('approval refused by the business: 422 with its message, nothing changed', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    handlerControl.throwOn = 'approved'
    const response = await client
      .post(`/api/workflow/instances/${id}/approve`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '同意' })
    response.assertStatus(422)
    response.assertBodyContains({ message: '处置预案已被冻结，不能审批通过' })

    const stored = await instanceRow(id)
    assert.equal(stored.status, 'pending')
    assert.notEqual(stored.title, 'CHANGED')
    assert.deepEqual(await openTasks(id), ['bj_asset'])
    assert.deepEqual(await historyOf(id), ['submit'])
    assert.deepEqual(await auditActionsOf(id), ['workflow.submit'])

    // Once the business lets it through, the same approver can approve.
    handlerControl.throwOn = null
    ;(
      await client
        .post(`/api/workflow/instances/${id}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意（重试）' })
    ).assertStatus(200)
    assert.equal((await instanceRow(id)).status, 'approved')
  })
})

test.group('Workflow · withdraw, transfer, add signer, access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  test('the applicant withdraws before any decision, not after', async ({ client, assert }) => {
    const applicant = await tokenFor('bj_cy_am')
    const first = await submitPlan('100.00')
    const withdrawn = await client
      .post(`/api/workflow/instances/${first}/withdraw`)
      .bearerToken(applicant)
      .json({})
    withdrawn.assertStatus(200)
    assert.equal(withdrawn.body().status, 'withdrawn')
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['withdrawn']
    )
    assert.deepEqual(await openTasks(first), [])

    const second = await submitPlan(TIER)
    ;(
      await client
        .post(`/api/workflow/instances/${second}/approve`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ comment: '同意' })
    ).assertStatus(200)
    const late = await client
      .post(`/api/workflow/instances/${second}/withdraw`)
      .bearerToken(applicant)
      .json({})
    late.assertStatus(409)
    late.assertBodyContains({ code: 'workflow.alreadyDecided' })
  })

  test('transfer hands the task over; an added signer must approve too', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    const hqRisk = await userId('hq_risk')
    const admin = await userId('admin')
    const transferred = await client
      .post(`/api/workflow/instances/${id}/transfer`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '请总行审查', userId: hqRisk })
    transferred.assertStatus(200)
    assert.deepEqual(await openTasks(id), ['hq_risk'])

    const added = await client
      .post(`/api/workflow/instances/${id}/add-signer`)
      .bearerToken(await tokenFor('hq_risk'))
      .json({ comment: '请管理员会签', userId: admin })
    added.assertStatus(200)

    ;(
      await client
        .post(`/api/workflow/instances/${id}/approve`)
        .bearerToken(await tokenFor('hq_risk'))
        .json({ comment: '同意' })
    ).assertStatus(200)
    assert.equal((await instanceRow(id)).status, 'pending', 'the added signer has not approved yet')
    assert.deepEqual(await openTasks(id), ['admin'])
    ;(
      await client
        .post(`/api/workflow/instances/${id}/approve`)
        .bearerToken(await tokenFor('admin'))
        .json({ comment: '会签同意' })
    ).assertStatus(200)
    assert.equal((await instanceRow(id)).status, 'approved')
    assert.deepEqual(await historyOf(id), [
      'submit',
      'transfer',
      'add_signer',
      'approve',
      'approve',
      'complete',
    ])

    const applicantTo = await client
      .post(`/api/workflow/instances/${await submitPlan('1.00')}/transfer`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ userId: await userId('bj_cy_am') })
    applicantTo.assertStatus(422)
    applicantTo.assertBodyContains({ code: 'workflow.applicantCannotApprove' })
  })

  test('boxes and counts hold only your own; others get 404', async ({ client, assert }) => {
    const id = await submitPlan('100.00')
    const applicant = await tokenFor('bj_cy_am')
    const counts = await client.get('/api/workflow/counts').bearerToken(applicant)
    counts.assertStatus(200)
    assert.isAtLeast(counts.body().mine, 1)
    const mine = await client
      .get('/api/workflow/tasks?box=mine&type=wftest:plan')
      .bearerToken(applicant)
    assert.deepEqual(
      mine.body().data.map((r: any) => r.instanceId),
      [id]
    )
    assert.equal(mine.body().data[0].nodeName, '分行审批')

    const approverCounts = await client
      .get('/api/workflow/counts')
      .bearerToken(await tokenFor('bj_asset'))
    assert.isAtLeast(approverCounts.body().todo, 1)

    const stranger = await tokenFor('auditor')
    ;(await client.get(`/api/workflow/instances/${id}`).bearerToken(stranger)).assertStatus(404)
    ;(
      await client.post(`/api/workflow/instances/${id}/approve`).bearerToken(stranger).json({})
    ).assertStatus(404)
    const strangerTodo = await client.get('/api/workflow/tasks?box=todo').bearerToken(stranger)
    assert.deepEqual(strangerTodo.body().data, [])
    ;(await client.get('/api/workflow/tasks?box=everything').bearerToken(stranger)).assertStatus(
      422
    )

    // 转办/加签 candidates: only for someone holding an open task.
    const forApprover = await client
      .get('/api/workflow/users?keyword=hq_risk')
      .bearerToken(await tokenFor('bj_asset'))
    assert.deepEqual(
      forApprover.body().map((u: any) => u.username),
      ['hq_risk']
    )
    const forStranger = await client
      .get('/api/workflow/users?keyword=hq_risk')
      .bearerToken(stranger)
    assert.deepEqual(forStranger.body(), [])
  })

  test('a negative amount is refused', async ({ assert }) => {
    await assert.rejects(() => submitPlan('-0.01'), 'workflow.badAmount')
  })

  test('the applicant is never their own approver', async ({ assert }) => {
    // bj_asset applies: node 1 (branch_asset_manager at 北京分行) would be bj_asset alone.
    await assert.rejects(() => submitPlan('100.00', 'bj_asset'))
    assert.equal(
      Number(
        (
          await db
            .from('wf_instances')
            .where('applicant_id', await userId('bj_asset'))
            .count('* as n')
            .first()
        ).n
      ),
      0
    )
  })
})
