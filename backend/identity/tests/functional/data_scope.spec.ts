import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import type { DataScope } from '#core/identity/role'

/*
| The user list under each data scope, for a head-office, a branch and a
| sub-branch user. Demo staff: admin, ops, hq_risk, auditor at 总行 (000000);
| bj_asset at 北京分行 (110000); bj_cy_am at 北京朝阳支行 (110101).
*/
const demoAt = {
  headOffice: ['admin', 'auditor', 'hq_risk', 'ops'],
  beijing: ['bj_asset'],
  chaoyang: ['bj_cy_am'],
}

async function visibleUsernames(
  client: any,
  scope: DataScope,
  orgCode: string,
  customOrgCodes?: string[]
) {
  const viewer = await userWith({
    permissions: ['system:user:list'],
    dataScope: scope,
    orgCode,
    customOrgCodes,
  })
  const response = await client
    .get('/api/system/users')
    .bearerToken(viewer.token)
    .qs({ perPage: 200 })
  response.assertStatus(200)
  const names = response.body().data.map((u: any) => u.username) as string[]
  return {
    self: viewer.user.username,
    names: names.filter((n) => !n.startsWith('test_user_') || n === viewer.user.username).sort(),
  }
}

test.group('Data scope on the user list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('all: everyone, wherever the viewer sits', async ({ client, assert }) => {
    const { self, names } = await visibleUsernames(client, 'all', '110101')
    assert.deepEqual(
      names,
      [...demoAt.headOffice, ...demoAt.beijing, ...demoAt.chaoyang, self].sort()
    )
  })

  test("org: only the viewer's own org", async ({ client, assert }) => {
    const branch = await visibleUsernames(client, 'org', '110000')
    assert.deepEqual(branch.names, [...demoAt.beijing, branch.self].sort())
    const head = await visibleUsernames(client, 'org', '000000')
    assert.deepEqual(head.names, [...demoAt.headOffice, head.self].sort())
  })

  test("org_and_below: the viewer's subtree", async ({ client, assert }) => {
    const branch = await visibleUsernames(client, 'org_and_below', '110000')
    assert.deepEqual(branch.names, [...demoAt.beijing, ...demoAt.chaoyang, branch.self].sort())
    const sub = await visibleUsernames(client, 'org_and_below', '110101')
    assert.deepEqual(sub.names, [...demoAt.chaoyang, sub.self].sort())
  })

  test('custom: exactly the listed orgs', async ({ client, assert }) => {
    const { names } = await visibleUsernames(client, 'custom', '310000', ['110101'])
    assert.deepEqual(names, demoAt.chaoyang)
  })

  test('self: only the viewer', async ({ client, assert }) => {
    const { self, names } = await visibleUsernames(client, 'self', '000000')
    assert.deepEqual(names, [self])
  })

  test('the org tree follows the same scope', async ({ client, assert }) => {
    const viewer = await userWith({
      permissions: ['system:org:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const tree = (await client.get('/api/system/orgs/tree').bearerToken(viewer.token)).body()
    assert.deepEqual(
      tree.map((o: any) => o.code),
      ['310000']
    )
    assert.deepEqual(tree[0].children.map((o: any) => o.code).sort(), ['310101', '310102'])
  })
})

/*
| The acceptance scenario of 用户/角色/机构管理: the demo branch manager (bj_asset,
| 北京分行, "own org and below") sees their branch subtree's staff only and no
| administration pages; the administrator sees everything.
*/
test.group('Branch manager and administrator', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /** Every page key in the user's menu tree, however deep. */
  const pagesOf = (me: any) => {
    const walk = (menus: any[]): string[] =>
      menus.flatMap((m) => [...(m.page ? [m.page] : []), ...walk(m.children ?? [])])
    return walk(me.menus)
  }

  test('the branch manager sees their subtree only and cannot open the admin pages', async ({
    client,
    assert,
  }) => {
    const token = await tokenFor('bj_asset')
    const users = await client.get('/api/system/users').bearerToken(token).qs({ perPage: 200 })
    users.assertStatus(200)
    assert.deepEqual(
      users
        .body()
        .data.map((u: any) => u.username)
        .sort(),
      ['bj_asset', 'bj_cy_am']
    )

    const idOf = async (username: string) =>
      (await db.from('users').where('username', username).first()).id
    ;(
      await client.get(`/api/system/users/${await idOf('hq_risk')}`).bearerToken(token)
    ).assertStatus(404)
    ;(
      await client.get(`/api/system/users/${await idOf('bj_cy_am')}`).bearerToken(token)
    ).assertStatus(200)

    for (const url of [
      '/api/system/roles',
      '/api/system/menus',
      '/api/system/departments',
      '/api/system/posts',
      '/api/system/permissions/tree',
    ]) {
      ;(await client.get(url).bearerToken(token)).assertStatus(403)
    }
    const pages = pagesOf((await client.get('/api/me').bearerToken(token)).body())
    assert.includeMembers(pages, ['system/Users', 'system/Orgs'])
    for (const page of ['system/Roles', 'system/Menus', 'system/Departments', 'system/Posts']) {
      assert.notInclude(pages, page)
    }
  })

  test('the administrator sees every user and every admin page', async ({ client, assert }) => {
    const token = await tokenFor('admin')
    const users = await client.get('/api/system/users').bearerToken(token).qs({ perPage: 200 })
    assert.includeMembers(
      users.body().data.map((u: any) => u.username),
      [...demoAt.headOffice, ...demoAt.beijing, ...demoAt.chaoyang]
    )
    ;(await client.get('/api/system/roles').bearerToken(token)).assertStatus(200)
    const pages = pagesOf((await client.get('/api/me').bearerToken(token)).body())
    assert.includeMembers(pages, [
      'system/Users',
      'system/Roles',
      'system/Orgs',
      'system/Departments',
      'system/Posts',
    ])
  })
})
