import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import queueConfig from '#config/queue'
import { CacheBus } from '#core/cache/cache_bus'
import { VersionedCache } from '#core/cache/versioned_cache'
import User from '#core/identity/user'
import {
  newSessionSnapshot,
  SESSIONS_CACHE_NAME,
  swapSessionCache,
  type SessionSnapshot,
} from '#core/identity/session_cache'
import { orgId, tokenFor, userWith } from '#tests/helpers/auth'
import { transactionWithoutFourEyes } from '#tests/helpers/four_eyes'

/*
| The session cache on (token and user rows held per app node), with a re-check
| interval far longer than any test: only the writer's own drop (or the bus)
| can explain a change being seen. Each test first proves the rows are held —
| a change made behind the cache's back is not seen — then that the path under
| test ends the session on the very next request. Four-eyes is off so an
| administrator's change applies on the request that makes it.
*/
const node = (bus: CacheBus | null = null) =>
  new VersionedCache<SessionSnapshot>({
    name: SESSIONS_CACHE_NAME,
    load: newSessionSnapshot,
    bus,
    recheckMs: 600_000,
  })

/** A fresh staff member with a session, signed in (held by the cache) and proven held. */
async function heldSession(client: ApiClient, assert: { equal: Function }) {
  const clerk = await userWith({ permissions: ['system:user:list'] })
  const me = () => client.get('/api/me').bearerToken(clerk.token)
  ;(await me()).assertStatus(200)
  // Behind the cache's back: the held user row still answers.
  await db.from('users').where('id', clerk.user.id).update({ real_name: '背后改名' })
  const held = await me()
  held.assertStatus(200)
  assert.equal(held.body().user.realName, clerk.user.realName)
  return { ...clerk, me }
}

test.group('Session cache: an ended session is refused on the next request', (group) => {
  let previous: VersionedCache<SessionSnapshot> | null = null
  group.each.setup(async () => {
    const rollback = await transactionWithoutFourEyes()
    const cache = node()
    previous = swapSessionCache(cache)
    return async () => {
      swapSessionCache(previous!)
      cache.close()
      await rollback()
    }
  })

  test('logout', async ({ client, assert }) => {
    const clerk = await heldSession(client, assert)
    ;(await client.post('/api/auth/logout').bearerToken(clerk.token)).assertStatus(204)
    ;(await clerk.me()).assertStatus(401)
  })

  test('强制下线 (kick) by an administrator', async ({ client, assert }) => {
    const clerk = await heldSession(client, assert)
    const admin = await tokenFor('admin')
    const session = await db.from('auth_access_tokens').where('tokenable_id', clerk.user.id).first()
    ;(await client.delete(`/api/system/sessions/${session.id}`).bearerToken(admin)).assertStatus(
      204
    )
    ;(await clerk.me()).assertStatus(401)
  })

  test('user disabled', async ({ client, assert }) => {
    const clerk = await heldSession(client, assert)
    const admin = await tokenFor('admin')
    ;(
      await client
        .put(`/api/system/users/${clerk.user.id}/status`)
        .bearerToken(admin)
        .json({ status: 'disabled' })
    ).assertStatus(200)
    ;(await clerk.me()).assertStatus(401)
  })

  test('password reset by an administrator', async ({ client, assert }) => {
    const clerk = await heldSession(client, assert)
    const admin = await tokenFor('admin')
    const reset = await client
      .put(`/api/system/users/${clerk.user.id}/password`)
      .bearerToken(admin)
      .json({ password: 'Other#2024pwd' })
    assert.isBelow(reset.status(), 300)
    ;(await clerk.me()).assertStatus(401)
  })

  test('own password change ends the other sessions', async ({ client, assert }) => {
    const clerk = await heldSession(client, assert)
    const other = (await User.accessTokens.create(clerk.user)).value!.release()
    ;(await client.get('/api/me').bearerToken(other)).assertStatus(200)
    const changed = await client
      .post('/api/auth/password')
      .bearerToken(clerk.token)
      .json({ oldPassword: 'unused-in-tests', newPassword: 'Other#2024pwd' })
    changed.assertStatus(200)
    ;(await client.get('/api/me').bearerToken(other)).assertStatus(401)
    ;(await clerk.me()).assertStatus(401)
  })

  test('an expired token is refused although its row is held', async ({ client, assert }) => {
    const clerk = await userWith({ permissions: [] })
    const token = await User.accessTokens.create(clerk.user, ['*'], { expiresIn: 2 })
    const value = token.value!.release()
    ;(await client.get('/api/me').bearerToken(value)).assertStatus(200)
    // Behind the cache's back: were the row read again, the token would still be valid.
    await db
      .from('auth_access_tokens')
      .where('id', String(token.identifier))
      .update({ expires_at: new Date(Date.now() + 3_600_000) })
    const expiresAt = token.expiresAt!.getTime()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 100))
    ;(await client.get('/api/me').bearerToken(value)).assertStatus(401)
    assert.isTrue(Date.now() > expiresAt)
  }).timeout(10_000)

  test('a profile or org change shows on the next request', async ({ client, assert }) => {
    const clerk = await heldSession(client, assert)
    const admin = await tokenFor('admin')
    const branch = await orgId('110000')
    ;(
      await client
        .put(`/api/system/users/${clerk.user.id}`)
        .bearerToken(admin)
        .json({ realName: '新名字', orgId: branch })
    ).assertStatus(200)
    const after = (await clerk.me()).body().user
    assert.equal(after.realName, '新名字')
    assert.equal(after.orgId, branch)
  })

  test('a wrong secret for a held token is refused', async ({ client, assert }) => {
    const clerk = await heldSession(client, assert)
    const [id] = clerk.token.split('.')
    const forged = `${id}.${'x'.repeat(40)}`
    ;(await client.get('/api/me').bearerToken(forged)).assertStatus(401)
  })
})

test.group('Session cache across app nodes', (group) => {
  group.each.setup(() => transactionWithoutFourEyes())

  test('a kick on one node drops the other node’s copy through the bus', async ({
    client,
    assert,
  }) => {
    const channel = `${queueConfig.prefix}:sessions-spec-${randomUUID().slice(0, 8)}`
    const buses = [
      new CacheBus({ redis: queueConfig.redis, channel }),
      new CacheBus({ redis: queueConfig.redis, channel }),
    ]
    await Promise.all(buses.map((b) => b.ready()))
    const [a, b] = buses.map((bus) => node(bus))
    const previous = swapSessionCache(b)
    try {
      // Node B holds the clerk's session.
      const clerk = await heldSession(client, assert)

      // The administrator's request is served by node A.
      swapSessionCache(a)
      const admin = await tokenFor('admin')
      const session = await db
        .from('auth_access_tokens')
        .where('tokenable_id', clerk.user.id)
        .first()
      ;(await client.delete(`/api/system/sessions/${session.id}`).bearerToken(admin)).assertStatus(
        204
      )

      swapSessionCache(b)
      const until = Date.now() + 3000
      let status = (await clerk.me()).status()
      while (status === 200 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        status = (await clerk.me()).status()
      }
      assert.equal(status, 401)
    } finally {
      swapSessionCache(previous)
      a.close()
      b.close()
      await Promise.all(buses.map((bus) => bus.close()))
    }
  })
})
