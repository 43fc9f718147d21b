import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { orgId, tokenFor } from '#tests/helpers/auth'
import { audit, type AuditEntry } from '#core/audit/audit'
import { transactionWithoutFourEyes } from '#tests/helpers/four_eyes'

/*
| 角色管理: CRUD, 功能权限分配 (PUT /roles/:id/permissions), 数据权限分配
| (PUT /roles/:id/data-scope) and the permission tree of the grant editor, as the
| super administrator. The refusals for everyone else are in
| organization_grant_guard.spec.ts.
|
| Roles are bank-wide definitions, not owned by an org: by id they are not
| data-scoped (a missing id is 404); changing one is guarded instead.
*/
const roleId = async (code: string) =>
  Number((await db.from('roles').where('code', code).first()).id)
const codesOf = async (id: number) =>
  (await db.from('role_permissions').where('role_id', id).orderBy('permission')).map(
    (r) => r.permission as string
  )

async function audited(work: () => Promise<unknown>) {
  const entries: AuditEntry[] = []
  const original = audit.record
  audit.record = async (_ctx, entry) => {
    entries.push(entry)
  }
  try {
    await work()
  } finally {
    audit.record = original
  }
  return entries
}

async function newRole(client: any, token: string, body: Record<string, unknown> = {}) {
  const response = await client
    .post('/api/system/roles')
    .bearerToken(token)
    .json({ code: 'collector', name: '催收专员', ...body })
  response.assertStatus(201)
  return response.body()
}

test.group('角色管理 · CRUD', (group) => {
  group.each.setup(transactionWithoutFourEyes)

  test('create, list, show, update, delete', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const role = await newRole(client, admin, { sort: 7, remark: '清收' })
    assert.equal(role.dataScope, 'self')
    assert.deepEqual(role.permissions, [])

    const list = await client.get('/api/system/roles').qs({ keyword: '催收' }).bearerToken(admin)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((r: any) => r.code),
      ['collector']
    )
    assert.equal(list.body().meta.total, 1)

    const updated = await client
      .put(`/api/system/roles/${role.id}`)
      .bearerToken(admin)
      .json({ name: '清收专员', status: 'disabled' })
    updated.assertStatus(200)
    assert.equal(updated.body().name, '清收专员')
    assert.equal(updated.body().status, 'disabled')
    assert.equal(updated.body().code, 'collector')

    ;(await client.get(`/api/system/roles/${role.id}`).bearerToken(admin)).assertStatus(200)
    ;(await client.delete(`/api/system/roles/${role.id}`).bearerToken(admin)).assertStatus(204)
    ;(await client.get(`/api/system/roles/${role.id}`).bearerToken(admin)).assertStatus(404)
  })

  test('a taken code and a custom scope without orgs are 422 by field', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/api/system/roles')
      .bearerToken(await tokenFor('admin'))
      .json({ code: 'auditor', name: '重复', dataScope: 'custom', orgIds: [] })
    response.assertStatus(422)
    assert.sameMembers(
      response.body().errors.map((e: any) => e.field),
      ['code', 'orgIds']
    )
  })

  test('a role held by staff is not deleted; the built-in administrator role never is', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const held = await client
      .delete(`/api/system/roles/${await roleId('auditor')}`)
      .bearerToken(admin)
    held.assertStatus(422)
    assert.include(held.body().message, '1')

    const builtIn = await client
      .delete(`/api/system/roles/${await roleId('admin')}`)
      .bearerToken(admin)
    builtIn.assertStatus(422)
    const disable = await client
      .put(`/api/system/roles/${await roleId('admin')}`)
      .bearerToken(admin)
      .json({ status: 'disabled' })
    disable.assertStatus(422)
    const grant = await client
      .put(`/api/system/roles/${await roleId('admin')}/permissions`)
      .bearerToken(admin)
      .json({ permissions: [] })
    grant.assertStatus(422)
  })
})

test.group('角色管理 · 功能权限分配 and 数据权限分配', (group) => {
  group.each.setup(transactionWithoutFourEyes)

  test('grant replaces the codes, audited with before and after', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const role = await newRole(client, admin)
    await client
      .put(`/api/system/roles/${role.id}/permissions`)
      .bearerToken(admin)
      .json({ permissions: ['system:user:list'] })
    let response: any
    const entries = await audited(async () => {
      response = await client
        .put(`/api/system/roles/${role.id}/permissions`)
        .bearerToken(admin)
        .json({ permissions: ['system:org:list', 'system:user:create', 'system:org:list'] })
    })
    response.assertStatus(200)
    assert.deepEqual(response.body().permissions, ['system:org:list', 'system:user:create'])
    assert.deepEqual(await codesOf(role.id), ['system:org:list', 'system:user:create'])
    const entry = entries.find((e) => e.action === 'role.grant')!
    assert.deepEqual((entry.before as any).permissions, ['system:user:list'])
    assert.deepEqual((entry.after as any).permissions, ['system:org:list', 'system:user:create'])
  })

  test('only codes in the permissions table are granted', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const role = await newRole(client, admin)
    const response = await client
      .put(`/api/system/roles/${role.id}/permissions`)
      .bearerToken(admin)
      .json({ permissions: ['system:user:list', 'loans:everything:steal', '*'] })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'permissions')
    assert.include(response.body().errors[0].message, 'loans:everything:steal')
    assert.deepEqual(await codesOf(role.id), [])
  })

  test("a disabled plugin's sleeping grants survive a re-grant", async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const role = await newRole(client, admin)
    await db.table('permissions').insert({
      code: 'sleeper:thing:list',
      source: 'sleeper',
      name_zh: '休眠',
      name_en: 'Sleeping',
      active: false,
    })
    await db
      .table('role_permissions')
      .insert({ role_id: role.id, permission: 'sleeper:thing:list' })
    const response = await client
      .put(`/api/system/roles/${role.id}/permissions`)
      .bearerToken(admin)
      .json({ permissions: ['system:user:list'] })
    response.assertStatus(200)
    assert.deepEqual(await codesOf(role.id), ['sleeper:thing:list', 'system:user:list'])
  })

  test('data scope: custom with its org list, then back to a plain scope clears the list', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const role = await newRole(client, admin)
    const orgs = [await orgId('110101'), await orgId('310000')]
    let custom: any
    const entries = await audited(async () => {
      custom = await client
        .put(`/api/system/roles/${role.id}/data-scope`)
        .bearerToken(admin)
        .json({ dataScope: 'custom', orgIds: orgs })
    })
    custom.assertStatus(200)
    assert.equal(custom.body().dataScope, 'custom')
    assert.sameMembers(custom.body().orgIds, orgs)
    const entry = entries.find((e) => e.action === 'role.data_scope')!
    assert.equal((entry.before as any).dataScope, 'self')
    assert.equal((entry.after as any).dataScope, 'custom')

    const plain = await client
      .put(`/api/system/roles/${role.id}/data-scope`)
      .bearerToken(admin)
      .json({ dataScope: 'org_and_below', orgIds: orgs })
    plain.assertStatus(200)
    assert.deepEqual(plain.body().orgIds, [])
    assert.lengthOf(await db.from('role_orgs').where('role_id', role.id), 0)

    const empty = await client
      .put(`/api/system/roles/${role.id}/data-scope`)
      .bearerToken(admin)
      .json({ dataScope: 'custom' })
    empty.assertStatus(422)
    const unknown = await client
      .put(`/api/system/roles/${role.id}/data-scope`)
      .bearerToken(admin)
      .json({ dataScope: 'custom', orgIds: [987654] })
    unknown.assertStatus(422)
  })

  test('the new grants take effect on the next request of the role holder', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    // bj_cy_am (支行客户经理, self scope) cannot open 用户管理 until granted.
    const holder = await tokenFor('bj_cy_am')
    ;(await client.get('/api/system/users').bearerToken(holder)).assertStatus(403)
    const role = await roleId('account_manager')
    const codes = await codesOf(role)
    await client
      .put(`/api/system/roles/${role}/permissions`)
      .bearerToken(admin)
      .json({ permissions: [...codes, 'system:user:list'] })
    const list = await client.get('/api/system/users').bearerToken(holder)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((u: any) => u.username),
      ['bj_cy_am']
    )
  })
})

test.group('角色管理 · permission tree', (group) => {
  group.each.setup(transactionWithoutFourEyes)

  test('active menus with their buttons; menu-less codes sit under the page of their resource', async ({
    client,
    assert,
  }) => {
    const response = await client
      .get('/api/system/permissions/tree')
      .bearerToken(await tokenFor('admin'))
    response.assertStatus(200)
    const root = response.body().find((n: any) => n.key === 'system:root')
    assert.equal(root.type, 'directory')
    assert.isNull(root.permission)
    // Pages of 权限管理 sit one level down, in the 系统管理 → 权限管理 directory.
    const system = root.children.find((n: any) => n.key === 'system:access')
    const users = system.children.find((n: any) => n.key === 'system:users')
    assert.equal(users.permission, 'system:user:list')
    assert.includeMembers(
      users.children.map((n: any) => n.permission),
      [
        'system:user:create',
        'system:user:update',
        'system:user:delete',
        'system:user:reset-password',
      ]
    )
    const roles = system.children.find((n: any) => n.key === 'system:roles')
    assert.includeMembers(
      roles.children.map((n: any) => n.permission),
      ['system:role:grant', 'system:role:data-scope']
    )
    const departments = system.children.find((n: any) => n.key === 'system:departments')
    assert.equal(departments.name.zh, '部门管理')

    // An inactive menu is not offered.
    await db.from('menus').where('code', 'system:posts').update({ active: false })
    const again = (
      await client.get('/api/system/permissions/tree').bearerToken(await tokenFor('admin'))
    ).body()
    const keys = again
      .find((n: any) => n.key === 'system:root')
      .children.find((n: any) => n.key === 'system:access')
      .children.map((n: any) => n.key)
    assert.notInclude(keys, 'system:posts')
  })
})
