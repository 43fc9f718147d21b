import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { approveAs, decide } from '#tests/helpers/approvals'
import {
  TIER,
  handlerLog,
  historyOf,
  instanceRow,
  openTasks,
  staffWithRole,
  submitPlan,
  userId,
  useWorkflowTestType,
} from '#tests/helpers/workflow'

/*
| 授权及流程 acceptance (issue 5), the other task actions and who may see what:
| withdraw, transfer, add signer, the boxes and counts, and the submissions
| that are refused outright.
*/

test.group('Workflow · withdraw, transfer, add signer, access', (group) => {
  useWorkflowTestType(group)

  test('the applicant withdraws before any decision, not after', async ({ client, assert }) => {
    const applicant = await tokenFor('bj_cy_am')
    const first = await submitPlan('100.00')
    const withdrawn = await decide(client, { token: applicant }, first, 'withdraw')
    withdrawn.assertStatus(200)
    assert.equal(withdrawn.body().status, 'withdrawn')
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['withdrawn']
    )
    assert.deepEqual(await openTasks(first), [])

    const second = await submitPlan(TIER)
    await approveAs(client, 'bj_asset', second)
    const late = await decide(client, { token: applicant }, second, 'withdraw')
    late.assertStatus(409)
    late.assertBodyContains({ code: 'workflow.alreadyDecided' })
  })

  test('transfer hands the task over; an added signer must approve too', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    // 转办/加签 go to other approvers of the node within the record's scope (issue 12).
    const colleague = await staffWithRole('110000', 'branch_asset_manager')
    const cosigner = await staffWithRole('110000', 'branch_asset_manager')
    const transferred = await client
      .post(`/api/workflow/instances/${id}/transfer`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ comment: '请同事审查', userId: colleague.user.id })
    transferred.assertStatus(200)
    assert.deepEqual(await openTasks(id), [colleague.user.username])

    const added = await client
      .post(`/api/workflow/instances/${id}/add-signer`)
      .bearerToken(colleague.token)
      .json({ comment: '请会签', userId: cosigner.user.id })
    added.assertStatus(200)

    await approveAs(client, colleague, id)
    assert.equal((await instanceRow(id)).status, 'pending', 'the added signer has not approved yet')
    assert.deepEqual(await openTasks(id), [cosigner.user.username])
    await approveAs(client, cosigner, id, '会签同意')
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
    ;(await decide(client, { token: stranger }, id, 'approve')).assertStatus(404)
    const strangerTodo = await client.get('/api/workflow/tasks?box=todo').bearerToken(stranger)
    assert.deepEqual(strangerTodo.body().data, [])
    ;(await client.get('/api/workflow/tasks?box=everything').bearerToken(stranger)).assertStatus(
      422
    )

    // 转办/加签 candidates: only for the holder of the open task, only people who may take it
    // (backend/security/tests/functional/approval_transfer_scope.spec.ts has the full rule).
    const colleague = await staffWithRole('110000', 'branch_asset_manager')
    const forApprover = await client
      .get('/api/workflow/users')
      .qs({ instanceId: id, keyword: colleague.user.username })
      .bearerToken(await tokenFor('bj_asset'))
    assert.deepEqual(
      forApprover.body().map((u: any) => u.username),
      [colleague.user.username]
    )
    const forStranger = await client
      .get('/api/workflow/users')
      .qs({ instanceId: id, keyword: colleague.user.username })
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
