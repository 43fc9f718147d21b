import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { orgId, tokenFor, userWith } from '#tests/helpers/auth'
import { grantRole } from '#tests/factories/identity'
import { transactionWithoutFourEyes } from '#tests/helpers/four_eyes'

/*
| 授权防越权: each way a branch administrator could hand out more than they
| hold is refused with 403 and a message naming what exceeded; the same calls
| within their own grants succeed, and the super administrator is unlimited.
|
| The branch administrator sits at 北京分行 (110000) with "own org and below".
*/
const ADMIN_CODES = [
  'system:user:list',
  'system:user:create',
  'system:user:update',
  'system:user:reset-password',
  'system:role:list',
  'system:role:create',
  'system:role:update',
  'system:role:grant',
  'system:role:data-scope',
  'system:org:list',
]

const roleId = async (code: string) =>
  Number((await db.from('roles').where('code', code).first()).id)
const userId = async (username: string) =>
  Number((await db.from('users').where('username', username).first()).id)

function branchAdmin() {
  return userWith({ permissions: ADMIN_CODES, dataScope: 'org_and_below', orgCode: '110000' })
}

/**
 * A branch administrator who also holds the business codes of the staff they manage:
 * business plugins grant 支行客户经理 their list/create/update codes, and the guard
 * (rightly) refuses to manage an account holding more than you.
 */
async function branchAdminOverStaff() {
  const staffCodes = await db
    .from('role_permissions')
    .join('roles', 'roles.id', 'role_permissions.role_id')
    .where('roles.code', 'account_manager')
    .select('role_permissions.permission')
  const codes = new Set([...ADMIN_CODES, ...staffCodes.map((r) => r.permission as string)])
  return userWith({ permissions: [...codes], dataScope: 'org_and_below', orgCode: '110000' })
}

/** A role the branch administrator made: no holders, codes within their own. */
async function ownMadeRole(client: any, token: string, permissions: string[] = []) {
  const created = await client
    .post('/api/system/roles')
    .bearerToken(token)
    .json({ code: `made_${Math.random().toString(36).slice(2, 8)}`, name: '分行自建角色' })
  created.assertStatus(201)
  if (permissions.length) {
    ;(
      await client
        .put(`/api/system/roles/${created.body().id}/permissions`)
        .bearerToken(token)
        .json({ permissions })
    ).assertStatus(200)
  }
  return created.body().id as number
}

test.group('授权防越权 · 功能权限', (group) => {
  group.each.setup(transactionWithoutFourEyes)

  test('granting a code you lack is refused, naming the code', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    const role = await ownMadeRole(client, token)
    const response = await client
      .put(`/api/system/roles/${role}/permissions`)
      .bearerToken(token)
      .json({ permissions: ['system:user:list', 'system:menu:update'] })
    response.assertStatus(403)
    assert.equal(response.body().rule, 'codesNotHeld')
    assert.include(response.body().message, 'system:menu:update')
    assert.notInclude(response.body().message, 'system:user:list')
    assert.lengthOf(await db.from('role_permissions').where('role_id', role), 0)
  })

  test('granting codes you hold is allowed', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    const role = await ownMadeRole(client, token, ['system:user:list', 'system:org:list'])
    assert.lengthOf(await db.from('role_permissions').where('role_id', role), 2)
  })

  test('your own role is out of reach: no grant, scope or edit', async ({ client, assert }) => {
    const { token, roleId: own } = await branchAdmin()
    const grant = await client
      .put(`/api/system/roles/${own}/permissions`)
      .bearerToken(token)
      .json({ permissions: ADMIN_CODES })
    grant.assertStatus(403)
    assert.equal(grant.body().rule, 'ownRole')
    const scope = await client
      .put(`/api/system/roles/${own}/data-scope`)
      .bearerToken(token)
      .json({ dataScope: 'org' })
    assert.equal(scope.body().rule, 'ownRole')
    const edit = await client
      .put(`/api/system/roles/${own}`)
      .bearerToken(token)
      .json({ name: '改我自己' })
    edit.assertStatus(403)
  })

  test('a role held by staff outside your scope is out of reach', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    const role = await ownMadeRole(client, token, ['system:user:list'])
    await grantRole({ id: await userId('hq_risk') }, { id: role })
    const response = await client
      .put(`/api/system/roles/${role}/permissions`)
      .bearerToken(token)
      .json({ permissions: ['system:user:list', 'system:org:list'] })
    response.assertStatus(403)
    assert.equal(response.body().rule, 'roleHoldersOutside')
  })

  test('a role richer than you cannot be edited', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    const response = await client
      .put(`/api/system/roles/${await roleId('auditor')}`)
      .bearerToken(token)
      .json({ name: '审计员改' })
    response.assertStatus(403)
    assert.equal(response.body().rule, 'roleTooRich')
    assert.include(response.body().message, '审计员')
  })
})

test.group('授权防越权 · 数据权限', (group) => {
  group.each.setup(transactionWithoutFourEyes)

  test('widening a scope beyond your own is refused', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    const role = await ownMadeRole(client, token, ['system:user:list'])
    const all = await client
      .put(`/api/system/roles/${role}/data-scope`)
      .bearerToken(token)
      .json({ dataScope: 'all' })
    all.assertStatus(403)
    assert.equal(all.body().rule, 'scopeTooWide')
    assert.include(all.body().message, '全部数据')

    const outside = await client
      .put(`/api/system/roles/${role}/data-scope`)
      .bearerToken(token)
      .json({ dataScope: 'custom', orgIds: [await orgId('110101'), await orgId('310000')] })
    outside.assertStatus(403)
    assert.equal(outside.body().rule, 'orgsOutside')
    assert.include(outside.body().message, String(await orgId('310000')))
    assert.equal((await db.from('roles').where('id', role).first()).data_scope, 'self')

    // Within the branch subtree it is allowed, and so is anything narrower.
    for (const body of [
      { dataScope: 'custom', orgIds: [await orgId('110101')] },
      { dataScope: 'org_and_below' },
      { dataScope: 'org' },
    ]) {
      ;(
        await client.put(`/api/system/roles/${role}/data-scope`).bearerToken(token).json(body)
      ).assertStatus(200)
    }
  })

  test('a new role may not start wider than you', async ({ client, assert }) => {
    const { token } = await branchAdmin()
    const response = await client
      .post('/api/system/roles')
      .bearerToken(token)
      .json({ code: 'wide_role', name: '全行角色', dataScope: 'all' })
    response.assertStatus(403)
    assert.isNull(await db.from('roles').where('code', 'wide_role').first())
  })

  test('an "own org" administrator cannot hand out "own org and below"', async ({
    client,
    assert,
  }) => {
    const { token } = await userWith({
      permissions: ['system:role:create', 'system:role:data-scope', 'system:user:list'],
      dataScope: 'org',
      orgCode: '110000',
    })
    const role = await ownMadeRole(client, token)
    const response = await client
      .put(`/api/system/roles/${role}/data-scope`)
      .bearerToken(token)
      .json({ dataScope: 'org_and_below' })
    response.assertStatus(403)
    assert.equal(response.body().rule, 'scopeTooWide')
  })
})

test.group('授权防越权 · 用户', (group) => {
  group.each.setup(transactionWithoutFourEyes)

  const newUser = async (orgCode: string, roleIds: number[] = []) => ({
    username: `guard_${Math.random().toString(36).slice(2, 8)}`,
    realName: '防越权测试',
    orgId: await orgId(orgCode),
    roleIds,
    password: 'Guard#2024pwd',
  })

  test('assigning a role richer than you is refused; your own kind of role is fine', async ({
    client,
    assert,
  }) => {
    const { token } = await branchAdmin()
    const rich = await client
      .post('/api/system/users')
      .bearerToken(token)
      .json(await newUser('110101', [await roleId('auditor')]))
    rich.assertStatus(403)
    assert.equal(rich.body().rule, 'roleTooRich')
    assert.include(rich.body().message, '审计员')

    const superRole = await client
      .post('/api/system/users')
      .bearerToken(token)
      .json(await newUser('110101', [await roleId('admin')]))
    superRole.assertStatus(403)

    const made = await ownMadeRole(client, token, ['system:user:list'])
    const fine = await client
      .post('/api/system/users')
      .bearerToken(token)
      .json(await newUser('110101', [made]))
    fine.assertStatus(201)

    // Giving an existing user a richer role by editing is refused the same way.
    const edit = await client
      .put(`/api/system/users/${fine.body().id}`)
      .bearerToken(token)
      .json({ roleIds: [made, await roleId('auditor')] })
    edit.assertStatus(403)
    assert.equal(edit.body().rule, 'roleTooRich')
  })

  test('putting a user in an org outside your scope is refused', async ({ client, assert }) => {
    const { token } = await branchAdminOverStaff()
    const created = await client
      .post('/api/system/users')
      .bearerToken(token)
      .json(await newUser('310000'))
    created.assertStatus(403)
    assert.equal(created.body().rule, 'orgOutside')

    const moved = await client
      .put(`/api/system/users/${await userId('bj_cy_am')}`)
      .bearerToken(token)
      .json({ orgId: await orgId('000000') })
    moved.assertStatus(403)
    assert.equal(moved.body().rule, 'orgOutside')
    const inScope = await client
      .post('/api/system/users')
      .bearerToken(token)
      .json(await newUser('110102'))
    inScope.assertStatus(201)
    const away = await client
      .put(`/api/system/users/${inScope.body().id}`)
      .bearerToken(token)
      .json({ orgId: await orgId('000000') })
    away.assertStatus(403)
    assert.equal(away.body().rule, 'orgOutside')
  })

  test('changing your own roles is refused', async ({ client, assert }) => {
    const { token, user, roleId: own } = await branchAdmin()
    const made = await ownMadeRole(client, token, ['system:user:list'])
    const response = await client
      .put(`/api/system/users/${user.id}`)
      .bearerToken(token)
      .json({ roleIds: [own, made] })
    response.assertStatus(403)
    assert.equal(response.body().rule, 'ownRoles')
  })

  test('an account holding more than you cannot be reset, disabled or edited', async ({
    client,
    assert,
  }) => {
    const { token } = await branchAdminOverStaff()
    // 朝阳支行's account manager is in the branch subtree; make them an auditor (all data, every list code).
    const target = await userId('bj_cy_am')
    await grantRole({ id: target }, 'auditor')
    const reset = await client
      .put(`/api/system/users/${target}/password`)
      .bearerToken(token)
      .json({ password: 'Takeover#2024' })
    reset.assertStatus(403)
    assert.equal(reset.body().rule, 'userTooRich')
    assert.include(reset.body().message, 'bj_cy_am')
    const disable = await client
      .put(`/api/system/users/${target}/status`)
      .bearerToken(token)
      .json({ status: 'disabled' })
    disable.assertStatus(403)
    const edit = await client
      .put(`/api/system/users/${target}`)
      .bearerToken(token)
      .json({ realName: '接管' })
    edit.assertStatus(403)
    // Without the auditor role the same account is theirs to manage.
    await db
      .from('user_roles')
      .where('user_id', target)
      .where('role_id', await roleId('auditor'))
      .delete()
    ;(
      await client
        .put(`/api/system/users/${target}`)
        .bearerToken(token)
        .json({ realName: '朝阳经理' })
    ).assertStatus(200)
  })

  test('the super administrator is unlimited', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const response = await client
      .post('/api/system/users')
      .bearerToken(admin)
      .json(await newUser('310000', [await roleId('admin'), await roleId('auditor')]))
    response.assertStatus(201)
    assert.lengthOf(response.body().roleIds, 2)
    const role = await roleId('auditor')
    ;(
      await client
        .put(`/api/system/roles/${role}/data-scope`)
        .bearerToken(admin)
        .json({ dataScope: 'custom', orgIds: [await orgId('310000')] })
    ).assertStatus(200)
  })
})
