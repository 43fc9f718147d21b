import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import queueConfig from '#config/queue'
import { CacheBus } from '#core/cache/cache_bus'
import { VersionedCache } from '#core/cache/versioned_cache'
import {
  ACCESS_CACHE_NAME,
  grantsFor,
  newAccessSnapshot,
  swapAccessCache,
  type AccessSnapshot,
} from '#core/identity/access_cache'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { transactionWithoutFourEyes } from '#tests/helpers/four_eyes'
import { grantPermission } from '#tests/factories/identity'

/*
| The grants cache on, with a re-check interval far longer than any test: only
| the writer's own drop (or the bus) can explain a change being seen. Four-eyes
| is off so a grant applies on the request that makes it.
*/
const node = (bus: CacheBus | null = null) =>
  new VersionedCache<AccessSnapshot>({
    name: ACCESS_CACHE_NAME,
    load: newAccessSnapshot,
    bus,
    recheckMs: 600_000,
  })

test.group('Grants cache (GET /api/me and permission checks)', (group) => {
  let previous: VersionedCache<AccessSnapshot> | null = null
  group.each.setup(async () => {
    const rollback = await transactionWithoutFourEyes()
    const cache = node()
    previous = swapAccessCache(cache)
    return async () => {
      swapAccessCache(previous!)
      cache.close()
      await rollback()
    }
  })

  test('grants are served from the cache, and a grant change shows on the next /api/me', async ({
    client,
    assert,
  }) => {
    const clerk = await userWith({ permissions: ['system:user:list'] })
    const admin = await tokenFor('admin')
    const me = () => client.get('/api/me').bearerToken(clerk.token)
    const first = await me()
    first.assertStatus(200)
    assert.deepEqual(first.body().permissions, ['system:user:list'])

    // Proof the cache serves: a change behind its back (no accessChanged) is not seen.
    const roleId = clerk.roleId
    await grantPermission(clerk, 'system:org:list')
    assert.deepEqual((await me()).body().permissions, ['system:user:list'])

    const granted = await client
      .put(`/api/system/roles/${roleId}/permissions`)
      .bearerToken(admin)
      .json({ permissions: ['system:user:list', 'system:role:list'] })
    granted.assertStatus(200)
    const after = await me()
    assert.deepEqual(after.body().permissions, ['system:role:list', 'system:user:list'])
    const pages = JSON.stringify(after.body().menus)
    assert.include(pages, '"page":"system/Roles"')
    ;(await client.get('/api/system/roles').bearerToken(clerk.token)).assertStatus(200)
  })

  test('a revoked permission is refused on the very next request', async ({ client, assert }) => {
    const clerk = await userWith({ permissions: ['system:user:list'] })
    const admin = await tokenFor('admin')
    const users = () => client.get('/api/system/users').bearerToken(clerk.token)
    ;(await users()).assertStatus(200)
    const roleId = clerk.roleId

    ;(
      await client
        .put(`/api/system/roles/${roleId}/permissions`)
        .bearerToken(admin)
        .json({ permissions: [] })
    ).assertStatus(200)
    const refused = await users()
    refused.assertStatus(403)
    assert.equal(refused.body().permission, 'system:user:list')
    const menus = JSON.stringify(
      (await client.get('/api/me').bearerToken(clerk.token)).body().menus
    )
    assert.notInclude(menus, '"page":"system/Users"')
  })

  test('a disabled role and a changed role list take effect at once', async ({
    client,
    assert,
  }) => {
    const clerk = await userWith({ permissions: ['system:user:list'] })
    const other = await userWith({ permissions: ['system:org:list'] })
    const admin = await tokenFor('admin')
    ;(await client.get('/api/system/users').bearerToken(clerk.token)).assertStatus(200)
    const otherRole = other.roleId

    const moved = await client
      .put(`/api/system/users/${clerk.user.id}`)
      .bearerToken(admin)
      .json({ roleIds: [otherRole] })
    moved.assertStatus(200)
    ;(await client.get('/api/system/users').bearerToken(clerk.token)).assertStatus(403)
    ;(await client.get('/api/system/orgs/tree').bearerToken(clerk.token)).assertStatus(200)

    ;(
      await client
        .put(`/api/system/roles/${otherRole}`)
        .bearerToken(admin)
        .json({ status: 'disabled' })
    ).assertStatus(200)
    ;(await client.get('/api/system/orgs/tree').bearerToken(clerk.token)).assertStatus(403)
    assert.deepEqual((await client.get('/api/me').bearerToken(clerk.token)).body().permissions, [])
  })

  test('a hidden menu leaves the next /api/me', async ({ client, assert }) => {
    const clerk = await userWith({ permissions: ['system:user:list'] })
    const admin = await tokenFor('admin')
    const pagesOf = async () =>
      JSON.stringify((await client.get('/api/me').bearerToken(clerk.token)).body().menus)
    assert.include(await pagesOf(), '"page":"system/Users"')
    const menu = await db.from('menus').where('page_key', 'system/Users').firstOrFail()
    ;(
      await client.put(`/api/system/menus/${menu.code}`).bearerToken(admin).json({ hidden: true })
    ).assertStatus(200)
    assert.notInclude(await pagesOf(), '"page":"system/Users"')
  })
})

test.group('Grants cache across app nodes', (group) => {
  group.each.setup(() => transactionWithoutFourEyes())

  test('a grant made on one node drops the other node’s copy through the bus', async ({
    client,
    assert,
  }) => {
    const channel = `${queueConfig.prefix}:access-spec-${randomUUID().slice(0, 8)}`
    const buses = [
      new CacheBus({ redis: queueConfig.redis, channel }),
      new CacheBus({ redis: queueConfig.redis, channel }),
    ]
    await Promise.all(buses.map((b) => b.ready()))
    const [a, b] = buses.map((bus) => node(bus))
    const previous = swapAccessCache(b)
    try {
      const clerk = await userWith({ permissions: ['system:user:list'] })
      const roleId = clerk.roleId
      // Node B holds the clerk's grants.
      assert.isTrue((await grantsFor(clerk.user)).permissions.has('system:user:list'))

      // The administrator's request is served by node A.
      swapAccessCache(a)
      const admin = await tokenFor('admin')
      ;(
        await client
          .put(`/api/system/roles/${roleId}/permissions`)
          .bearerToken(admin)
          .json({ permissions: [] })
      ).assertStatus(200)

      swapAccessCache(b)
      const until = Date.now() + 3000
      let held = (await grantsFor(clerk.user)).permissions.has('system:user:list')
      while (held && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        held = (await grantsFor(clerk.user)).permissions.has('system:user:list')
      }
      assert.isFalse(held)
    } finally {
      swapAccessCache(previous)
      a.close()
      b.close()
      await Promise.all(buses.map((bus) => bus.close()))
    }
  })
})
