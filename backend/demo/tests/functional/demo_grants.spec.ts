import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DEMO_ROLES, expandGrants, refreshDemoGrants } from '#core/demo/demo_bank'
import { tokenFor } from '#tests/helpers/auth'

/*
| The demo roles get what the newer features need (综合查询, 自定义报表, 资产处置,
| 目标管理) and not what belongs to the head office or to 系统管理员.
*/
async function held(role: string) {
  const rows = await db
    .from('role_permissions as rp')
    .join('roles as r', 'r.id', 'rp.role_id')
    .where('r.code', role)
    .select('rp.permission')
  return new Set(rows.map((r) => r.permission as string))
}

async function codes() {
  return (await db.from('permissions').where('active', true).select('code')).map(
    (r) => r.code as string
  )
}

test.group('Demo bank · role grants', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('managers run, export and view queries and reports; nobody but admin publishes', async ({
    assert,
  }) => {
    const query = ['system:query:run', 'system:query:export', 'system:report:view']
    for (const role of ['hq_risk_manager', 'branch_asset_manager']) {
      const grants = await held(role)
      for (const code of query) assert.isTrue(grants.has(code), `${role} lacks ${code}`)
      assert.isFalse(grants.has('system:report:publish'), `${role} publishes`)
      assert.isFalse(grants.has('system:query:share'), `${role} shares`)
    }
    assert.isFalse((await held('account_manager')).has('system:query:run'))
  })

  test('disposal and targets: work verbs granted, head-office settings kept', async ({
    assert,
  }) => {
    const all = await codes()
    const expanded = (role: string) =>
      new Set(expandGrants(DEMO_ROLES.find((r) => r.code === role)!.grants, all))
    const hq = expanded('hq_risk_manager')
    const branch = expanded('branch_asset_manager')
    const am = expanded('account_manager')
    if (all.includes('disposal:plan:create')) {
      assert.isTrue(branch.has('disposal:plan:create'))
      assert.isTrue(branch.has('disposal:limitation:review'))
      assert.isTrue(am.has('disposal:limitation:event'))
      assert.isFalse(am.has('disposal:limitation:review'))
      for (const set of [hq, branch, am]) assert.isTrue(set.has('disposal:interest:trial'))
      assert.isFalse(branch.has('disposal:limitation-rule:update'))
    }
    if (all.includes('monitoring:alert:confirm')) {
      // The 管户人 confirms a suit 智能预警 reports; the head office only reads.
      for (const set of [branch, am]) assert.isTrue(set.has('monitoring:alert:confirm'))
      assert.isFalse(hq.has('monitoring:alert:confirm'))
    }
    if (all.includes('litigation:fee-trial:run')) {
      for (const set of [hq, branch, am]) assert.isTrue(set.has('litigation:fee-trial:run'))
      assert.isTrue(hq.has('litigation:lawyer:manage'))
      assert.isFalse(branch.has('litigation:lawyer:manage'))
      assert.isTrue(branch.has('litigation:engagement:pay'))
      assert.isTrue(am.has('litigation:plan:create'))
    }
    if (all.includes('targets:head-target:create')) {
      assert.isTrue(hq.has('targets:head-target:create'))
      assert.isFalse(branch.has('targets:head-target:create'))
      assert.isTrue(branch.has('targets:branch-target:create'))
      assert.isFalse(am.has('targets:branch-target:create'))
      assert.isTrue(am.has('targets:branch-tracking:list'))
    }
    assert.isTrue(all.includes('system:query:run'), 'the query codes are declared')
  })

  test('a demo role missing a grant gets it back on refresh; the API then lets it in', async ({
    client,
    assert,
  }) => {
    const role = await db.from('roles').where('code', 'branch_asset_manager').firstOrFail()
    await db
      .from('role_permissions')
      .where('role_id', role.id)
      .where('permission', 'system:query:run')
      .delete()
    const token = await tokenFor('bj_asset')
    ;(await client.get('/api/query/catalogue').bearerToken(token)).assertStatus(403)
    assert.isAtLeast(await refreshDemoGrants(), 1)
    assert.isTrue((await held('branch_asset_manager')).has('system:query:run'))
    ;(await client.get('/api/query/catalogue').bearerToken(token)).assertStatus(200)
  })
})
