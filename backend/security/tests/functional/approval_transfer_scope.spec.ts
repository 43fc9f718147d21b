import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { registerWorkflowType, registeredType } from '#core/workflow/type_registry'
import { tokenFor, userWith } from '#tests/helpers/auth'
import {
  TEST_TYPE,
  openTasks,
  staffWithRole,
  submitPlan,
  useWorkflowTestType,
} from '#tests/helpers/workflow'

/*
| Issue 12 defect 1: an approver could transfer a task or add a co-signer to
| any active user, who then read another branch's approval and its
| attachments and approved it. Now a new assignee must be named by the chain,
| or hold the node's approval role with the record in their data scope;
| reading an approval needs the record in scope too.
|
| bj_cy_am (朝阳支行) applies; node 1 is branch_asset_manager at the 分行,
| i.e. bj_asset at 北京分行.
*/
/** The test type declares the record's read permission, as disposal:plan does. */
async function withRecordPermission() {
  const type = (await registeredType(TEST_TYPE))!
  registerWorkflowType({ ...type.definition, permission: 'disposal:plan:list' }, type.pluginId)
}

test.group('Security · approval transfer and 加签 stay within scope', (group) => {
  useWorkflowTestType(group)
  group.each.setup(() => withRecordPermission())

  test('transfer to another branch’s approver is 422 with the reason', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    const shanghai = await staffWithRole('310000', 'branch_asset_manager')
    const response = await client
      .post(`/api/workflow/instances/${id}/transfer`)
      .bearerToken(await tokenFor('bj_asset'))
      .header('accept-language', 'zh-CN')
      .json({ userId: shanghai.user.id })
    response.assertStatus(422)
    assert.equal(response.body().code, 'workflow.assigneeOutOfScope')
    assert.include(response.body().message, '数据权限')
    assert.deepEqual(await openTasks(id), ['bj_asset'])
    ;(await client.get(`/api/workflow/instances/${id}`).bearerToken(shanghai.token)).assertStatus(
      404
    )
  })

  test('加签 to someone without the node’s approval role is 422', async ({ client, assert }) => {
    const id = await submitPlan('100.00')
    // In scope (总行, all) but not an approver of the branch node.
    const response = await client
      .post(`/api/workflow/instances/${id}/add-signer`)
      .bearerToken(await tokenFor('bj_asset'))
      .header('accept-language', 'en')
      .json({ userId: (await db.from('users').where('username', 'auditor').first()).id })
    response.assertStatus(422)
    assert.equal(response.body().code, 'workflow.assigneeNotApprover')
    assert.include(response.body().message, 'not named by the chain')
  })

  test('the node’s role without the record’s read permission is refused', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    // A role granting nothing, with an all-org scope, named by the node.
    const bare = await userWith({ permissions: [], orgCode: '110000', dataScope: 'all' })
    const roleCode = (
      await db
        .from('roles')
        .join('user_roles', 'user_roles.role_id', 'roles.id')
        .where('user_roles.user_id', bare.user.id)
        .firstOrFail()
    ).code
    const row = await db.from('wf_instances').where('id', id).firstOrFail()
    const chain = JSON.parse(row.chain_json).map((n: any) =>
      n.seq === 1 ? { ...n, roles: [...n.roles, roleCode] } : n
    )
    await db
      .from('wf_instances')
      .where('id', id)
      .update({ chain_json: JSON.stringify(chain) })
    // At 北京分行 the chain itself would name them; at 海淀支行 only the role rule can admit them.
    await db
      .from('users')
      .where('id', bare.user.id)
      .update({ org_id: (await db.from('orgs').where('code', '110102').firstOrFail()).id })
    const response = await client
      .post(`/api/workflow/instances/${id}/transfer`)
      .bearerToken(await tokenFor('bj_asset'))
      .json({ userId: bare.user.id })
    response.assertStatus(422)
    assert.equal(response.body().code, 'workflow.assigneeOutOfScope')
  })

  test('an approver of the node within scope takes the task and reads it', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    const colleague = await staffWithRole('110000', 'branch_asset_manager')
    ;(
      await client
        .post(`/api/workflow/instances/${id}/transfer`)
        .bearerToken(await tokenFor('bj_asset'))
        .json({ userId: colleague.user.id })
    ).assertStatus(200)
    assert.sameMembers(await openTasks(id), [colleague.user.username])
    ;(await client.get(`/api/workflow/instances/${id}`).bearerToken(colleague.token)).assertStatus(
      200
    )
  })

  test('a task holder outside the record’s scope reads neither the approval nor its files', async ({
    client,
  }) => {
    const id = await submitPlan('100.00')
    const outsider = await staffWithRole('310000', 'branch_asset_manager')
    // A task handed over before this rule existed.
    const now = dbNow()
    await db.table('wf_tasks').insert({
      instance_id: id,
      round: 1,
      node_seq: 1,
      assignee_id: outsider.user.id,
      status: 'pending',
      added: true,
      created_at: now,
      updated_at: now,
    })
    const applicant = (await db.from('wf_instances').where('id', id).first()).applicant_id
    const [fileId] = await db.table('wf_attachments').insert({
      instance_id: id,
      file_name: '评估报告.pdf',
      size: 3,
      stored_path: `${id}/missing`,
      sha256: 'x',
      uploaded_by: applicant,
      created_at: now,
    })
    ;(await client.get(`/api/workflow/instances/${id}`).bearerToken(outsider.token)).assertStatus(
      404
    )
    ;(
      await client.get(`/api/workflow/attachments/${fileId}`).bearerToken(outsider.token)
    ).assertStatus(404)
    ;(
      await client
        .post(`/api/workflow/instances/${id}/approve`)
        .bearerToken(outsider.token)
        .json({})
    ).assertStatus(404)
  })

  test('转办/加签 offers only people who may take this task (same check as the action)', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    const tag = `候选${process.pid}${Date.now() % 100000}`
    const named = async (made: { user: { id: number } }, suffix: string) => {
      await db
        .from('users')
        .where('id', made.user.id)
        .update({ real_name: `${tag}${suffix}` })
      return made.user.id
    }
    const colleague = await named(await staffWithRole('110000', 'branch_asset_manager'), '同事')
    const otherBranch = await named(await staffWithRole('310000', 'branch_asset_manager'), '上海')
    const noRole = await named(await staffWithRole('110000', null), '无角色')
    const approver = await tokenFor('bj_asset')

    const offered = await client
      .get('/api/workflow/users')
      .qs({ instanceId: id, keyword: tag })
      .bearerToken(approver)
    offered.assertStatus(200)
    assert.deepEqual(
      offered.body().map((u: { id: number }) => u.id),
      [colleague]
    )
    // Each one left out is exactly one the action refuses.
    for (const [userId, code] of [
      [otherBranch, 'workflow.assigneeOutOfScope'],
      [noRole, 'workflow.assigneeNotApprover'],
    ] as const) {
      const refused = await client
        .post(`/api/workflow/instances/${id}/transfer`)
        .bearerToken(approver)
        .json({ userId })
      refused.assertStatus(422)
      assert.equal(refused.body().code, code)
    }

    // Only the holder of the open task asks; the instance is required.
    const stranger = await staffWithRole('110000', 'branch_asset_manager')
    const forStranger = await client
      .get('/api/workflow/users')
      .qs({ instanceId: id, keyword: tag })
      .bearerToken(stranger.token)
    assert.deepEqual(forStranger.body(), [])
    ;(
      await client.get('/api/workflow/users').qs({ keyword: tag }).bearerToken(approver)
    ).assertStatus(422)
  })
})
