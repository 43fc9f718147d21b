import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { orgId, tokenFor } from '#tests/helpers/auth'
import User from '#core/identity/user'

/*
| Issue 12 defect 2: one administrator created a second account with an
| admin-capable role (no review) and approved his own pending change with it.
| Now creating a user with a privileged role is itself a four-eyes change, and
| a checker may be neither the maker nor an account the maker created or
| changed within the review window. The approval names both people.
*/
const PASSWORD = 'Second#2024acct'

async function roleId(code: string) {
  return Number((await db.from('roles').where('code', code).firstOrFail()).id)
}
async function rolesOf(userId: number) {
  return (await db.from('user_roles').where('user_id', userId).select('role_id')).map((r) =>
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
/** A token for an account made through the API (it must change its password, which tokens skip). */
async function tokenOf(userId: number) {
  const token = await User.accessTokens.create(await User.findOrFail(userId))
  return token.value!.release()
}

test.group('Security · four-eyes is not defeated by a second account', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an account created with a privileged role waits for a second administrator', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const created = await client
      .post('/api/system/users')
      .bearerToken(admin)
      .json({
        username: 'shadow_admin',
        realName: '影子管理员',
        orgId: await orgId('000000'),
        password: PASSWORD,
        roleIds: [await roleId('admin'), await roleId('auditor')],
      })
    created.assertStatus(202)
    const shadowId = created.body().id
    // Saved with the unprivileged role only; the admin role waits.
    assert.deepEqual(await rolesOf(shadowId), [await roleId('auditor')])
    const change = await pendingOf('user.create')
    assert.deepEqual(created.body().pendingChangeIds, [Number(change.id)])

    const own = await client
      .post(`/api/system/changes/${change.id}/approve`)
      .bearerToken(admin)
      .json({})
    own.assertStatus(403)
    assert.equal(own.body().code, 'OWN_CHANGE')

    ;(
      await client
        .post(`/api/system/changes/${change.id}/approve`)
        .bearerToken(await tokenFor('ops'))
        .json({})
    ).assertStatus(204)
    assert.sameMembers(await rolesOf(shadowId), [await roleId('admin'), await roleId('auditor')])
  })

  test('an account the maker created may not approve the maker’s change; both people are recorded', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const created = await client
      .post('/api/system/users')
      .bearerToken(admin)
      .json({
        username: 'second_acct',
        realName: '第二账号',
        orgId: await orgId('000000'),
        password: PASSWORD,
        roleIds: [await roleId('admin')],
      })
    created.assertStatus(202)
    const secondId = created.body().id
    // Even once another administrator has let the role through…
    const creation = await pendingOf('user.create')
    ;(
      await client
        .post(`/api/system/changes/${creation.id}/approve`)
        .bearerToken(await tokenFor('ops'))
        .json({})
    ).assertStatus(204)

    // …the maker's next change cannot be approved with the account the maker made.
    const role = await roleId('auditor')
    const grant = await client
      .put(`/api/system/roles/${role}/permissions`)
      .bearerToken(admin)
      .json({ permissions: ['system:audit:login-log'] })
    grant.assertStatus(202)
    const change = await pendingOf('role.grant')
    const second = await tokenOf(secondId)
    const refused = await client
      .post(`/api/system/changes/${change.id}/approve`)
      .bearerToken(second)
      .header('accept-language', 'zh-CN')
      .json({})
    refused.assertStatus(403)
    assert.equal(refused.body().code, 'MAKER_ACCOUNT')
    assert.include(refused.body().message, '另一名管理员')
    assert.equal(
      (await db.from('pending_changes').where('id', change.id).first()).status,
      'pending'
    )

    ;(
      await client
        .post(`/api/system/changes/${change.id}/approve`)
        .bearerToken(await tokenFor('ops'))
        .json({})
    ).assertStatus(204)
    const entry = await db
      .from('audit_logs')
      .where('action', 'change.approve')
      .where('entity_id', String(change.id))
      .firstOrFail()
    const after = JSON.parse(entry.after_json)
    assert.equal(after.maker, 'admin')
    assert.equal(after.checker, 'ops')
  })

  test('outside the review window the created account may check again', async ({ client }) => {
    const admin = await tokenFor('admin')
    const created = await client
      .post('/api/system/users')
      .bearerToken(admin)
      .json({
        username: 'old_acct',
        realName: '老账号',
        orgId: await orgId('000000'),
        password: PASSWORD,
        roleIds: [await roleId('ops_admin')],
      })
    created.assertStatus(202)
    const creation = await pendingOf('user.create')
    ;(
      await client
        .post(`/api/system/changes/${creation.id}/approve`)
        .bearerToken(await tokenFor('ops'))
        .json({})
    ).assertStatus(204)
    await db
      .from('account_changes')
      .where('user_id', created.body().id)
      .update({ changed_at: '2020-01-01 00:00:00' })
    ;(
      await client
        .put(`/api/system/roles/${await roleId('auditor')}/permissions`)
        .bearerToken(admin)
        .json({ permissions: ['system:audit:login-log'] })
    ).assertStatus(202)
    const change = await pendingOf('role.grant')
    ;(
      await client
        .post(`/api/system/changes/${change.id}/approve`)
        .bearerToken(await tokenOf(created.body().id))
        .json({})
    ).assertStatus(204)
  })
})
