import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/identity/user'
import { liveSessionsQuery } from '#core/identity/live_sessions'
import { tokenFor } from '#tests/helpers/auth'

/*
| Issue 12 defect 11: 在线用户 was empty on SQLite (`npm start`). The token
| provider writes expires_at from a JS Date — DATETIME in MariaDB, epoch
| milliseconds in SQLite — and the list compared it with a text timestamp.
| The same query runs here on MariaDB (the suite's database) and on an
| in-memory SQLite database built like the embedded one.
*/
const HOUR = 3600_000

/** Writes a token row the way @adonisjs/auth's DbAccessTokensProvider does (Date objects). */
async function insertToken(client: QueryClientContract, userId: number, expiresAt: Date | null) {
  const now = new Date()
  const [id] = await client.table('auth_access_tokens').insert({
    tokenable_id: userId,
    type: 'auth_token',
    name: null,
    hash: `h${Math.random()}`,
    abilities: '["*"]',
    created_at: now,
    updated_at: now,
    last_used_at: null,
    expires_at: expiresAt,
  })
  return Number(id)
}

async function expectLiveOnly(client: QueryClientContract, assert: any, userId: number) {
  const live = await insertToken(client, userId, new Date(Date.now() + HOUR))
  const endless = await insertToken(client, userId, null)
  const expired = await insertToken(client, userId, new Date(Date.now() - HOUR))
  const ids = (await liveSessionsQuery(client, { keyword: 'sqlite_probe' })).map((r: any) =>
    Number(r.id)
  )
  assert.includeMembers(ids, [live, endless])
  assert.notInclude(ids, expired)
  // A typed wildcard is literal: '_' does not match any one character.
  assert.lengthOf(await liveSessionsQuery(client, { keyword: 'sqlite_prob_' }), 0)
}

test.group('Security · 在线用户 on MariaDB and SQLite', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('MariaDB: unexpired tokens are listed, expired ones are not', async ({ assert }) => {
    const user = await User.findByOrFail('username', 'bj_cy_am')
    await db.from('users').where('id', user.id).update({ username: 'sqlite_probe' })
    await expectLiveOnly(db.connection(), assert, user.id)
  })

  test('SQLite: the same query finds the live tokens', async ({ assert, cleanup }) => {
    db.manager.add('sessions_sqlite', {
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    })
    cleanup(() => db.manager.close('sessions_sqlite', true))
    const client = db.connection('sessions_sqlite')
    await client.schema.createTable('orgs', (t) => {
      t.increments('id')
      t.string('name')
    })
    await client.schema.createTable('users', (t) => {
      t.increments('id')
      t.string('username')
      t.string('real_name')
      t.integer('org_id')
    })
    await client.schema.createTable('auth_access_tokens', (t) => {
      t.increments('id')
      t.integer('tokenable_id')
      t.string('type')
      t.string('name').nullable()
      t.string('hash')
      t.text('abilities')
      t.string('ip_address').nullable()
      t.string('user_agent').nullable()
      t.string('client_mac').nullable()
      t.timestamp('created_at')
      t.timestamp('updated_at')
      t.timestamp('last_used_at').nullable()
      t.timestamp('expires_at').nullable()
    })
    await client.table('orgs').insert({ id: 1, name: '总行' })
    await client
      .table('users')
      .insert({ id: 7, username: 'sqlite_probe', real_name: '探针', org_id: 1 })
    await expectLiveOnly(client, assert, 7)
  })

  test('the 在线用户 page lists the caller’s own live session', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const response = await client
      .get('/api/system/sessions')
      .bearerToken(admin)
      .qs({ keyword: 'admin' })
    response.assertStatus(200)
    assert.isTrue(response.body().data.some((s: any) => s.current))
  })
})
