import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { orgId, tokenFor, userWith } from '#tests/helpers/auth'
import { audit, type AuditEntry } from '#core/audit/audit'

/*
| 用户管理: create (password policy, hashed, must change), edit, enable/disable,
| reset password, delete; filters; by-id 404 outside the data scope.
*/
const GOOD_PASSWORD = 'Init@2024pwd'
const roleId = async (code: string) =>
  Number((await db.from('roles').where('code', code).first()).id)
const userId = async (username: string) =>
  Number((await db.from('users').where('username', username).first()).id)
const deptId = async (code: string) =>
  Number((await db.from('departments').where('code', code).first()).id)

async function makePost(code: string) {
  const [id] = await db.table('posts').insert({
    code,
    name: `岗位${code}`,
    sort: 1,
    status: 'active',
    created_at: '2024-01-01 00:00:00',
    updated_at: '2024-01-01 00:00:00',
  })
  return Number(id)
}

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

async function createAsAdmin(client: any, overrides: Record<string, unknown> = {}) {
  return client
    .post('/api/system/users')
    .bearerToken(await tokenFor('admin'))
    .json({
      username: 'new_teller',
      realName: '新柜员',
      orgId: await orgId('000000'),
      password: GOOD_PASSWORD,
      ...overrides,
    })
}

test.group('用户管理 · create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a user with org, department, posts and roles; the password is hashed and must change', async ({
    client,
    assert,
  }) => {
    const post = await makePost('TELLER')
    let response: any
    const entries = await audited(async () => {
      response = await createAsAdmin(client, {
        departmentId: await deptId('RISK'),
        postIds: [post],
        roleIds: [await roleId('auditor')],
        phone: '13800000000',
        email: 'teller@example.com',
      })
    })
    response.assertStatus(201)
    const body = response.body()
    assert.equal(body.username, 'new_teller')
    assert.equal(body.departmentName, '风险管理部')
    assert.deepEqual(body.roleIds, [await roleId('auditor')])
    assert.deepEqual(body.postIds, [post])
    assert.isTrue(body.mustChangePassword)
    assert.notProperty(body, 'password')

    const row = await db.from('users').where('username', 'new_teller').first()
    assert.notEqual(row.password, GOOD_PASSWORD)
    assert.isTrue(await hash.verify(row.password, GOOD_PASSWORD))
    const history = await db.from('password_history').where('user_id', row.id)
    assert.lengthOf(history, 1)

    const entry = entries.find((e) => e.action === 'user.create')!
    assert.equal(entry.entityId, row.id)
    assert.notProperty(entry.after!, 'password')
    assert.deepEqual((entry.after as any).roleIds, [await roleId('auditor')])
  })

  test('a weak initial password is a 422 naming the policy', async ({ client, assert }) => {
    const response = await createAsAdmin(client, { password: 'abc' })
    response.assertStatus(422)
    const password = response.body().errors.filter((e: any) => e.field === 'password')
    assert.includeMembers(
      password.map((e: any) => e.rule),
      ['minLength', 'classes']
    )
    assert.include(password[0].message, '8')
    assert.isNull(await db.from('users').where('username', 'new_teller').first())

    const withName = await createAsAdmin(client, { password: 'New_teller@2024' })
    withName.assertStatus(422)
    assert.equal(withName.body().errors[0].rule, 'containsUsername')
  })

  test('username taken, department of another org, unknown posts and roles are 422 by field', async ({
    client,
    assert,
  }) => {
    const response = await createAsAdmin(client, {
      username: 'bj_asset',
      orgId: await orgId('110000'),
      departmentId: await deptId('RISK'),
      postIds: [999999],
      roleIds: [999999],
    })
    response.assertStatus(422)
    assert.sameMembers(
      response.body().errors.map((e: any) => e.field),
      ['username', 'departmentId', 'postIds', 'roleIds']
    )
  })
})

test.group('用户管理 · edit and life cycle', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('edit: name, org (the old department is dropped), posts and roles, audited before/after', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const id = (await createAsAdmin(client, { departmentId: await deptId('RISK') })).body().id
    const post = await makePost('RISKMGR')
    let response: any
    const entries = await audited(async () => {
      response = await client
        .put(`/api/system/users/${id}`)
        .bearerToken(admin)
        .json({
          realName: '改名柜员',
          orgId: await orgId('110000'),
          postIds: [post],
          roleIds: [await roleId('branch_asset_manager')],
        })
    })
    response.assertStatus(200)
    assert.equal(response.body().realName, '改名柜员')
    assert.equal(response.body().orgId, await orgId('110000'))
    assert.isNull(response.body().departmentId)
    assert.deepEqual(response.body().roleIds, [await roleId('branch_asset_manager')])
    const entry = entries.find((e) => e.action === 'user.update')!
    assert.equal((entry.before as any).realName, '新柜员')
    assert.equal((entry.after as any).realName, '改名柜员')
  })

  test('disable ends the sessions at once; enable restores the account', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const target = await userWith({ permissions: ['system:user:list'] })
    ;(await client.get('/api/system/users').bearerToken(target.token)).assertStatus(200)

    const disabled = await client
      .put(`/api/system/users/${target.user.id}/status`)
      .bearerToken(admin)
      .json({ status: 'disabled' })
    disabled.assertStatus(200)
    assert.equal(disabled.body().status, 'disabled')
    ;(await client.get('/api/system/users').bearerToken(target.token)).assertStatus(401)
    assert.lengthOf(await db.from('auth_access_tokens').where('tokenable_id', target.user.id), 0)

    const enabled = await client
      .put(`/api/system/users/${target.user.id}/status`)
      .bearerToken(admin)
      .json({ status: 'active' })
    assert.equal(enabled.body().status, 'active')
  })

  test('reset password: policy checked, must change, sessions revoked, audited without the password', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const target = await userWith({ permissions: ['system:user:list'] })
    const weak = await client
      .put(`/api/system/users/${target.user.id}/password`)
      .bearerToken(admin)
      .json({ password: '123' })
    weak.assertStatus(422)
    assert.equal(weak.body().errors[0].field, 'password')

    let response: any
    const entries = await audited(async () => {
      response = await client
        .put(`/api/system/users/${target.user.id}/password`)
        .bearerToken(admin)
        .json({ password: 'Temp#2024reset' })
    })
    response.assertStatus(204)
    const row = await db.from('users').where('id', target.user.id).first()
    assert.isTrue(await hash.verify(row.password, 'Temp#2024reset'))
    assert.equal(Number(row.must_change_password), 1)
    ;(await client.get('/api/system/users').bearerToken(target.token)).assertStatus(401)
    const entry = entries.find((e) => e.action === 'user.reset_password')!
    assert.equal(entry.entityId, target.user.id)
    assert.notInclude(JSON.stringify(entry), 'Temp#2024reset')
  })

  test('delete disables the account; a hard delete removes only an account never used', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const target = await userWith({ permissions: ['system:user:list'] })
    const soft = await client.delete(`/api/system/users/${target.user.id}`).bearerToken(admin)
    soft.assertStatus(204)
    assert.equal((await db.from('users').where('id', target.user.id).first()).status, 'disabled')
    ;(await client.get('/api/system/users').bearerToken(target.token)).assertStatus(401)

    const fresh = (await createAsAdmin(client)).body().id
    const hard = await client
      .delete(`/api/system/users/${fresh}`)
      .qs({ hard: true })
      .bearerToken(admin)
    hard.assertStatus(204)
    assert.isNull(await db.from('users').where('id', fresh).first())

    // bj_cy_am has signed in: their name is on history, so the row stays.
    await db
      .from('users')
      .where('username', 'bj_cy_am')
      .update({ last_login_at: '2024-05-01 09:00:00' })
    const used = await client
      .delete(`/api/system/users/${await userId('bj_cy_am')}`)
      .qs({ hard: true })
      .bearerToken(admin)
    used.assertStatus(422)
    assert.include(used.body().message, 'bj_cy_am')
    assert.exists(await db.from('users').where('username', 'bj_cy_am').first())
  })

  test('nobody disables, deletes or resets themselves here', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const me = await userId('admin')
    for (const [method, url, body] of [
      ['put', `/api/system/users/${me}/status`, { status: 'disabled' }],
      ['delete', `/api/system/users/${me}`, {}],
      ['put', `/api/system/users/${me}/password`, { password: 'Other#2024pwd' }],
    ] as const) {
      const response = await (client as any)[method](url).bearerToken(admin).json(body)
      response.assertStatus(422)
      assert.include(response.body().message, '自己')
    }
  })
})

test.group('用户管理 · list and scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const names = (response: any) =>
    response
      .body()
      .data.map((u: any) => u.username)
      .sort()

  test('filters: org subtree, status, role, keyword; sort only by whitelisted columns', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const bySubtree = await client
      .get('/api/system/users')
      .qs({ orgId: await orgId('110000') })
      .bearerToken(admin)
    assert.deepEqual(names(bySubtree), ['bj_asset', 'bj_cy_am'])

    const byRole = await client
      .get('/api/system/users')
      .qs({ roleId: await roleId('auditor') })
      .bearerToken(admin)
    assert.deepEqual(names(byRole), ['auditor'])

    await db.from('users').where('username', 'ops').update({ status: 'disabled' })
    const byStatus = await client
      .get('/api/system/users')
      .qs({ status: 'disabled' })
      .bearerToken(admin)
    assert.deepEqual(names(byStatus), ['ops'])

    const byKeyword = await client
      .get('/api/system/users')
      .qs({ keyword: '朝阳' })
      .bearerToken(admin)
    assert.deepEqual(names(byKeyword), ['bj_cy_am'])

    const sorted = await client
      .get('/api/system/users')
      .qs({ sort: 'username', order: 'desc', perPage: 2 })
      .bearerToken(admin)
    assert.equal(sorted.body().meta.perPage, 2)
    assert.isAbove(sorted.body().meta.total, 5)

    const badSort = await client
      .get('/api/system/users')
      .qs({ sort: 'password' })
      .bearerToken(admin)
    badSort.assertStatus(422)
  })

  test('by id, a user outside the scope is 404 for every route', async ({ client }) => {
    const branch = await userWith({
      permissions: [
        'system:user:list',
        'system:user:update',
        'system:user:delete',
        'system:user:reset-password',
      ],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const outside = await userId('hq_risk')
    const calls = [
      client.get(`/api/system/users/${outside}`),
      client.put(`/api/system/users/${outside}`).json({ realName: 'x' }),
      client.put(`/api/system/users/${outside}/status`).json({ status: 'disabled' }),
      client.put(`/api/system/users/${outside}/password`).json({ password: 'Other#2024pwd' }),
      client.delete(`/api/system/users/${outside}`),
    ]
    for (const call of calls) (await call.bearerToken(branch.token)).assertStatus(404)
    ;(
      await client.get(`/api/system/users/${await userId('bj_cy_am')}`).bearerToken(branch.token)
    ).assertStatus(200)
  })

  test('the editor options follow the scope and mark roles the administrator may not assign', async ({
    client,
    assert,
  }) => {
    const branch = await userWith({
      permissions: ['system:user:list', 'system:user:create'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const options = (await client.get('/api/system/users/options').bearerToken(branch.token)).body()
    assert.deepEqual(
      options.orgs.map((o: any) => o.code),
      ['110000']
    )
    const admin = options.roles.find((r: any) => r.code === 'admin')
    assert.isFalse(admin.assignable)
    const departments = await client
      .get('/api/system/users/options/departments')
      .qs({ orgId: await orgId('000000') })
      .bearerToken(branch.token)
    departments.assertStatus(404)
  })
})
