import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { DataScope } from '#core/identity/role'
import { userWith } from '#tests/helpers/auth'
import { grantRole, makeRole } from '#tests/factories/identity'

/*
| 数据权限 matrix: the five scopes × a viewer at 总行, at a 分行 and at a 支行,
| on two different list endpoints (用户管理 and 机构管理), each asserting exactly
| which rows return. Expected rows are computed from the demo bank's org tree,
| independently of the query scope under test.
|
| Demo orgs: 000000 总行 → 110000 北京分行 (110101, 110102), 310000 上海分行
| (310101, 310102), 440100 广州分行 (440101, 440102). Demo staff: admin, ops,
| hq_risk, auditor at 000000; bj_asset at 110000; bj_cy_am at 110101.
*/
const DEMO_STAFF: Record<string, string> = {
  admin: '000000',
  ops: '000000',
  hq_risk: '000000',
  auditor: '000000',
  bj_asset: '110000',
  bj_cy_am: '110101',
}
const CUSTOM_ORGS = ['310000', '110101']
const VIEWERS = { 总行: '000000', 分行: '110000', 支行: '110101' } as const

async function orgTree() {
  const rows = await db.from('orgs').select('code', 'path')
  const pathOf = new Map(rows.map((r) => [r.code as string, r.path as string]))
  return { codes: rows.map((r) => r.code as string), pathOf }
}

/** Which org codes a scope reaches for a viewer sitting at `at` (null = only their own rows). */
function reachableOrgs(
  scope: DataScope,
  at: string,
  tree: Awaited<ReturnType<typeof orgTree>>
): string[] | null {
  switch (scope) {
    case 'all':
      return tree.codes
    case 'custom':
      return CUSTOM_ORGS
    case 'org':
      return [at]
    case 'org_and_below':
      return tree.codes.filter((c) => tree.pathOf.get(c)!.startsWith(tree.pathOf.get(at)!))
    case 'self':
      return null
  }
}

const SCOPES: DataScope[] = ['all', 'custom', 'org', 'org_and_below', 'self']

test.group('Data scope matrix', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const scope of SCOPES) {
    for (const [where, at] of Object.entries(VIEWERS)) {
      test(`${scope} for a ${where} viewer: 用户管理 and 机构管理 return exactly the reachable rows`, async ({
        client,
        assert,
      }) => {
        const tree = await orgTree()
        const viewer = await userWith({
          permissions: ['system:user:list', 'system:org:list'],
          dataScope: scope,
          orgCode: at,
          customOrgCodes: scope === 'custom' ? CUSTOM_ORGS : undefined,
        })
        const reach = reachableOrgs(scope, at, tree)

        const staff = { ...DEMO_STAFF, [viewer.user.username]: at }
        const expectedUsers = Object.entries(staff)
          .filter(([name, org]) => (reach ? reach.includes(org) : name === viewer.user.username))
          .map(([name]) => name)
          .sort()
        const users = await client
          .get('/api/system/users')
          .bearerToken(viewer.token)
          .qs({ perPage: 200 })
        users.assertStatus(200)
        assert.deepEqual(
          users
            .body()
            .data.map((u: any) => u.username)
            .sort(),
          expectedUsers
        )
        assert.equal(users.body().meta.total, expectedUsers.length)

        // The org tree has no owner column: "self" reaches no org at all.
        const flatten = (nodes: any[]): string[] =>
          nodes.flatMap((n) => [n.code, ...flatten(n.children ?? [])])
        const orgs = await client.get('/api/system/orgs/tree').bearerToken(viewer.token)
        orgs.assertStatus(200)
        assert.deepEqual(flatten(orgs.body()).sort(), [...(reach ?? [])].sort())
      })
    }
  }

  test('several roles: the union of their scopes', async ({ client, assert }) => {
    const viewer = await userWith({
      permissions: ['system:user:list'],
      dataScope: 'org',
      orgCode: '110101',
    })
    const union = await makeRole({
      name: '并集',
      permissions: ['system:user:list'],
      scope: 'custom',
      orgs: ['000000'],
    })
    await grantRole(viewer, union)
    const names = (
      await client.get('/api/system/users').bearerToken(viewer.token).qs({ perPage: 200 })
    )
      .body()
      .data.map((u: any) => u.username)
      .sort()
    assert.deepEqual(
      names,
      ['admin', 'auditor', 'bj_cy_am', 'hq_risk', 'ops', viewer.user.username].sort()
    )
  })
})
