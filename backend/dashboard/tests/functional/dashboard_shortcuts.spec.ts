import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'

/*
| 常用功能: a user pins only pages their menu tree shows them (their
| permissions), the choice is their own, and pins they lose access to vanish.
*/
type Menu = { code: string; type: string; children?: Menu[] }
const pagesOf = (menus: Menu[]): string[] =>
  menus.flatMap((m) => [...(m.type === 'page' ? [m.code] : []), ...pagesOf(m.children ?? [])])

test.group('Dashboard · shortcuts (常用功能)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('options are exactly the pages the user may open', async ({ client, assert }) => {
    const user = await userWith({ permissions: ['system:user:list', 'system:notice:list'] })
    const response = await client.get('/api/dashboard/shortcuts').bearerToken(user.token)
    response.assertStatus(200)
    const codes = response.body().options.map((o: { code: string }) => o.code)
    // The same pages as the user's side menu (/api/me), in menu order.
    const me = await client.get('/api/me').bearerToken(user.token)
    assert.deepEqual(codes, pagesOf(me.body().menus))
    assert.includeMembers(codes, ['system:notices', 'system:users'])
    assert.notInclude(codes, 'system:roles')
    // No choice yet: the first pages of the menu.
    assert.isFalse(response.body().custom)
    assert.deepEqual(response.body().codes, codes.slice(0, 8))
    const users = response.body().options.find((o: any) => o.code === 'system:users')
    assert.equal(users.path, '/system/users')
    assert.isAbove(users.trail.length, 0)
  })

  test('a user saves shortcuts in their order; a page they may not open is refused', async ({
    client,
    assert,
  }) => {
    const user = await userWith({ permissions: ['system:user:list', 'system:notice:list'] })
    const saved = await client
      .put('/api/dashboard/shortcuts')
      .bearerToken(user.token)
      .json({ codes: ['system:notices', 'system:users'] })
    saved.assertStatus(200)
    assert.deepEqual(saved.body().codes, ['system:notices', 'system:users'])
    assert.isTrue(saved.body().custom)
    const again = await client.get('/api/dashboard/shortcuts').bearerToken(user.token)
    assert.deepEqual(again.body().codes, ['system:notices', 'system:users'])

    const refused = await client
      .put('/api/dashboard/shortcuts')
      .bearerToken(user.token)
      .json({ codes: ['system:users', 'system:roles'] })
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'codes.1')
    // Directories and buttons are not pages either.
    for (const code of ['system:root', 'system:notice:create', 'no:such-menu']) {
      const response = await client
        .put('/api/dashboard/shortcuts')
        .bearerToken(user.token)
        .json({ codes: [code] })
      response.assertStatus(422)
    }
    const unchanged = await client.get('/api/dashboard/shortcuts').bearerToken(user.token)
    assert.deepEqual(unchanged.body().codes, ['system:notices', 'system:users'])

    const other = await userWith({ permissions: ['system:user:list', 'system:notice:list'] })
    const theirs = await client.get('/api/dashboard/shortcuts').bearerToken(other.token)
    assert.isFalse(theirs.body().custom)
  })

  test('a pinned page the user can no longer open disappears', async ({ client, assert }) => {
    const user = await userWith({ permissions: ['system:user:list', 'system:notice:list'] })
    await client
      .put('/api/dashboard/shortcuts')
      .bearerToken(user.token)
      .json({ codes: ['system:users', 'system:notices'] })
    const db = (await import('@adonisjs/lucid/services/db')).default
    await db
      .from('role_permissions')
      .where('permission', 'system:user:list')
      .whereIn('role_id', db.from('user_roles').where('user_id', user.user.id).select('role_id'))
      .delete()
    const response = await client.get('/api/dashboard/shortcuts').bearerToken(user.token)
    assert.deepEqual(response.body().codes, ['system:notices'])
  })
})
