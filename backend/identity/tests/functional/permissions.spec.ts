import { test } from '@japa/runner'
import type { ApiRequest } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'

/* Each core system route refuses a signed-in user who lacks its permission code. */
const routes: Array<[method: 'get' | 'put', url: string, permission: string]> = [
  ['get', '/api/system/users', 'system:user:list'],
  ['get', '/api/system/roles', 'system:role:list'],
  ['get', '/api/system/orgs/tree', 'system:org:list'],
  ['get', '/api/system/menus', 'system:menu:list'],
  ['put', '/api/system/menus/system:users', 'system:menu:update'],
  ['get', '/api/system/dictionaries', 'system:dict:list'],
  ['get', '/api/system/plugins', 'system:plugin:list'],
  ['get', '/api/system/settings', 'system:setting:list'],
  ['put', '/api/system/settings/system.bank.name', 'system:setting:update'],
  ['get', '/api/system/jobs', 'system:job:list'],
]

test.group('Function permissions on core routes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [method, url, permission] of routes) {
    test(`${method.toUpperCase()} ${url} needs ${permission}`, async ({ client, assert }) => {
      const without = await userWith({ permissions: [] })
      const send = (token: string, body: Record<string, unknown>) => {
        const request: ApiRequest = method === 'get' ? client.get(url) : client.put(url)
        return request.bearerToken(token).json(body)
      }
      const denied = await send(without.token, { value: 'x', customSort: 1 })
      denied.assertStatus(403)
      assert.equal(denied.body().permission, permission)

      const holder = await userWith({ permissions: [permission] })
      const allowed = await send(holder.token, { value: '示范银行', customSort: 1 })
      allowed.assertStatus(200)
    })
  }
})

test.group('Parameters', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a value that does not parse as its type is refused with 422', async ({
    client,
    assert,
  }) => {
    const holder = await userWith({ permissions: ['system:setting:update'] })
    const bad = await client
      .put('/api/system/settings/system.page.defaultSize')
      .bearerToken(holder.token)
      .json({ value: 'twenty' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'value')
    const good = await client
      .put('/api/system/settings/system.page.defaultSize')
      .bearerToken(holder.token)
      .json({ value: '50' })
    good.assertStatus(200)
  })
})
