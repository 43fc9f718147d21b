import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { orgId, tokenFor } from '#tests/helpers/auth'
import { userId } from '#tests/helpers/workflow'

/*
| Issue 12 defect 3: giving a user a role (even `*`) took effect at once while
| changing a role's permissions waited for a second administrator. Assigning
| a privileged role and moving a privileged user to another org (their data
| scope) are now the four-eyes kinds user.roles and user.org; with
| system.fourEyes.userChanges = 'all' every assignment and move waits.
*/
async function roleId(code: string) {
  return Number((await db.from('roles').where('code', code).firstOrFail()).id)
}
async function rolesOf(id: number) {
  return (await db.from('user_roles').where('user_id', id).select('role_id')).map((r) =>
    Number(r.role_id)
  )
}
async function pendingOf(kind: string) {
  return db
    .from('pending_changes')
    .where('kind', kind)
    .where('status', 'pending')
    .orderBy('id', 'desc')
    .first()
}
const setParameter = (key: string, value: string) =>
  db.from('settings').where('key', key).update({ value })

test.group('Security · role assignment and org moves go through four-eyes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('giving a user the admin role waits; another administrator applies it', async ({
    client,
    assert,
  }) => {
    const auditor = await userId('auditor')
    const admin = await tokenFor('admin')
    const before = await rolesOf(auditor)
    const response = await client
      .put(`/api/system/users/${auditor}`)
      .bearerToken(admin)
      .json({ roleIds: [...before, await roleId('admin')], realName: '赵审计（改）' })
    response.assertStatus(202)
    assert.include(response.body().message, '复核')
    // The rest of the edit applied; the role did not.
    assert.equal((await db.from('users').where('id', auditor).first()).real_name, '赵审计（改）')
    assert.deepEqual(await rolesOf(auditor), before)

    const change = await pendingOf('user.roles')
    ;(
      await client
        .post(`/api/system/changes/${change.id}/approve`)
        .bearerToken(await tokenFor('ops'))
        .json({})
    ).assertStatus(204)
    assert.sameMembers(await rolesOf(auditor), [...before, await roleId('admin')])
  })

  test('moving a privileged user to another org waits; an ordinary role applies at once', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const ops = await userId('ops')
    const head = await orgId('000000')
    const moved = await client
      .put(`/api/system/users/${ops}`)
      .bearerToken(admin)
      .json({ orgId: await orgId('110000') })
    moved.assertStatus(202)
    assert.equal(Number((await db.from('users').where('id', ops).first()).org_id), head)
    assert.exists(await pendingOf('user.org'))

    const teller = await userId('bj_cy_am')
    const ordinary = await client
      .put(`/api/system/users/${teller}`)
      .bearerToken(admin)
      .json({ roleIds: [await roleId('account_manager'), await roleId('auditor')] })
    ordinary.assertStatus(200)
    assert.include(await rolesOf(teller), await roleId('auditor'))
  })

  test('with userChanges = all, every role assignment waits', async ({ client, assert }) => {
    await setParameter('system.fourEyes.userChanges', 'all')
    const teller = await userId('bj_cy_am')
    const response = await client
      .put(`/api/system/users/${teller}`)
      .bearerToken(await tokenFor('admin'))
      .json({ roleIds: [await roleId('account_manager'), await roleId('auditor')] })
    response.assertStatus(202)
    assert.notInclude(await rolesOf(teller), await roleId('auditor'))
  })
})
