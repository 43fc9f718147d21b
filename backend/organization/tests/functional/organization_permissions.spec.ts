import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'

/*
| Every organization route refuses a signed-in user who lacks its permission
| code (403 naming the code), and lets a holder past the check.
*/
type Method = 'get' | 'post' | 'put' | 'delete'
const routes: Array<[Method, string, string]> = [
  ['get', '/api/system/users', 'system:user:list'],
  ['get', '/api/system/users/options', 'system:user:list'],
  ['get', '/api/system/users/options/departments', 'system:user:list'],
  ['get', '/api/system/users/1', 'system:user:list'],
  ['post', '/api/system/users', 'system:user:create'],
  ['put', '/api/system/users/1', 'system:user:update'],
  ['put', '/api/system/users/1/status', 'system:user:update'],
  ['put', '/api/system/users/1/password', 'system:user:reset-password'],
  ['delete', '/api/system/users/1', 'system:user:delete'],
  ['get', '/api/system/roles', 'system:role:list'],
  ['get', '/api/system/roles/1', 'system:role:list'],
  ['get', '/api/system/permissions/tree', 'system:role:list'],
  ['get', '/api/system/roles/org-tree', 'system:role:data-scope'],
  ['post', '/api/system/roles', 'system:role:create'],
  ['put', '/api/system/roles/1', 'system:role:update'],
  ['delete', '/api/system/roles/1', 'system:role:delete'],
  ['put', '/api/system/roles/1/permissions', 'system:role:grant'],
  ['put', '/api/system/roles/1/data-scope', 'system:role:data-scope'],
  ['get', '/api/system/orgs/tree', 'system:org:list'],
  ['get', '/api/system/orgs/1', 'system:org:list'],
  ['post', '/api/system/orgs', 'system:org:create'],
  ['put', '/api/system/orgs/1', 'system:org:update'],
  ['delete', '/api/system/orgs/1', 'system:org:delete'],
  ['get', '/api/system/departments', 'system:dept:list'],
  ['get', '/api/system/departments/org-tree', 'system:dept:list'],
  ['get', '/api/system/departments/1', 'system:dept:list'],
  ['post', '/api/system/departments', 'system:dept:create'],
  ['put', '/api/system/departments/1', 'system:dept:update'],
  ['delete', '/api/system/departments/1', 'system:dept:delete'],
  ['get', '/api/system/posts', 'system:post:list'],
  ['get', '/api/system/posts/1', 'system:post:list'],
  ['post', '/api/system/posts', 'system:post:create'],
  ['put', '/api/system/posts/1', 'system:post:update'],
  ['delete', '/api/system/posts/1', 'system:post:delete'],
]

test.group('Function permissions on organization routes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [method, url, permission] of routes) {
    test(`${method.toUpperCase()} ${url} needs ${permission}`, async ({ client, assert }) => {
      // Everything but the one code: a neighbour's code is no substitute.
      // The client's typed routes make `client[method]` a union it cannot call with a body.
      const call = (token: string) => (client as any)[method](url).bearerToken(token).json({})
      const others = routes.map(([, , code]) => code).filter((code) => code !== permission)
      const without = await userWith({ permissions: [...new Set(others)] })
      const denied = await call(without.token)
      denied.assertStatus(403)
      assert.equal(denied.body().permission, permission)

      const holder = await userWith({ permissions: [permission] })
      const allowed = await call(holder.token)
      // Past the permission check (a later 403 from the grant guard carries no `permission`).
      assert.notProperty(allowed.body() ?? {}, 'permission')
      assert.notEqual(allowed.status(), 500, JSON.stringify(allowed.body()))
    })
  }
})
