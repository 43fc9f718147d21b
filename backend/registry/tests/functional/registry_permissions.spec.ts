import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'
import { call, type Method } from '#tests/helpers/registry_admin'

/*
| Registry routes need their permission codes, through the API.
*/

const guarded: Array<[Method, string, string]> = [
  ['get', '/api/system/dictionaries', 'system:dict:list'],
  ['post', '/api/system/dictionaries', 'system:dict:create'],
  ['put', '/api/system/dictionaries/common_status', 'system:dict:update'],
  ['delete', '/api/system/dictionaries/common_status', 'system:dict:delete'],
  ['put', '/api/system/dictionaries/common_status/order', 'system:dict:update'],
  ['post', '/api/system/dictionaries/common_status/items', 'system:dict:create'],
  ['put', '/api/system/dictionaries/common_status/items/1', 'system:dict:update'],
  ['delete', '/api/system/dictionaries/common_status/items/1', 'system:dict:delete'],
  ['get', '/api/system/prompts', 'system:prompt:list'],
  ['put', '/api/system/prompts/auth.forbidden', 'system:prompt:update'],
  ['get', '/api/system/settings', 'system:setting:list'],
  ['put', '/api/system/settings/system.bank.name', 'system:setting:update'],
  ['put', '/api/system/settings/system.bank.name/freeze', 'system:setting:freeze'],
  ['get', '/api/system/menus', 'system:menu:list'],
  ['post', '/api/system/menus', 'system:menu:create'],
  ['put', '/api/system/menus/system:users', 'system:menu:update'],
  ['delete', '/api/system/menus/system:users', 'system:menu:delete'],
  ['get', '/api/system/plugins', 'system:plugin:list'],
]

test.group('Registry routes need their permission codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [method, url, permission] of guarded) {
    test(`${method.toUpperCase()} ${url} needs ${permission}`, async ({ client, assert }) => {
      const others = [...new Set(guarded.map(([, , code]) => code))].filter(
        (code) => code !== permission
      )
      const without = await userWith({ permissions: others })
      const denied = await call(
        client,
        without.token,
        method,
        url,
        method === 'get' ? undefined : {}
      )
      denied.assertStatus(403)
      assert.equal(denied.body().permission, permission)
      ;(await client[method](url)).assertStatus(401)
    })
  }

  test('the console endpoints only need a signed-in user', async ({ client }) => {
    const clerk = await userWith({ permissions: [] })
    for (const url of ['/api/dictionaries', '/api/dictionaries/version', '/api/prompts']) {
      ;(await client.get(url).bearerToken(clerk.token)).assertStatus(200)
      ;(await client.get(url)).assertStatus(401)
    }
  })
})
