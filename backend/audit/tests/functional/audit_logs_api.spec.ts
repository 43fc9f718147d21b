import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { uniqueAction } from '#tests/helpers/audit'

/*
| 审计日志: the 登录日志 / 操作日志 endpoints with their filters, data scope and
| permissions.
*/

/* ---- 登录日志 / 操作日志 endpoints ---------------------------------------------- */

async function loginEvent(
  username: string,
  action: string,
  result: 'success' | 'failure' = 'success'
) {
  await audit.record(null, { action, actorUsername: username, result })
}

const names = (response: any) => response.body().data.map((r: any) => r.username)

test.group('Audit log endpoints', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('登录日志 filters by user, action and result, and holds only sign-in events', async ({
    client,
    assert,
  }) => {
    const viewer = await userWith({ permissions: ['system:audit:login-log'] })
    const a = await userWith({ permissions: [] })
    const b = await userWith({ permissions: [] })
    await loginEvent(a.user.username, 'auth.login')
    await loginEvent(a.user.username, 'auth.logout')
    await loginEvent(b.user.username, 'auth.login_failed', 'failure')
    await audit.record(null, { action: 'user.update', actorUsername: a.user.username })

    const mine = await client
      .get('/api/system/audit/login-logs')
      .bearerToken(viewer.token)
      .qs({ username: a.user.username })
    mine.assertStatus(200)
    assert.deepEqual(
      mine.body().data.map((r: any) => r.action),
      ['auth.logout', 'auth.login']
    )
    assert.equal(mine.body().meta.total, 2)

    const failed = await client
      .get('/api/system/audit/login-logs')
      .bearerToken(viewer.token)
      .qs({ username: 'test_user_', result: 'failure' })
    assert.deepEqual(names(failed), [b.user.username])

    const logins = await client
      .get('/api/system/audit/login-logs')
      .bearerToken(viewer.token)
      .qs({ username: 'test_user_', action: 'auth.login' })
    assert.deepEqual(names(logins), [a.user.username])
  })

  test('the time range is inclusive; a date alone means the whole day', async ({
    client,
    assert,
  }) => {
    const viewer = await userWith({ permissions: ['system:audit:login-log'] })
    const a = await userWith({ permissions: [] })
    await loginEvent(a.user.username, 'auth.login')
    await loginEvent(a.user.username, 'auth.logout')
    const [older] = await db
      .from('audit_logs')
      .where('username', a.user.username)
      .orderBy('id')
      .select('id')
    await db.from('audit_logs').where('id', older.id).update({ occurred_at: '2020-03-01 09:30:00' })

    const query = (qs: Record<string, string>) =>
      client
        .get('/api/system/audit/login-logs')
        .bearerToken(viewer.token)
        .qs({ username: a.user.username, ...qs })
    const day = await query({ from: '2020-03-01', to: '2020-03-01' })
    assert.deepEqual(
      day.body().data.map((r: any) => [r.action, r.occurredAt]),
      [['auth.login', '2020-03-01 09:30:00']]
    )
    assert.lengthOf(
      (await query({ from: '2020-03-01 09:31', to: '2020-03-01 23:00' })).body().data,
      0
    )
    assert.lengthOf((await query({ from: '2020-03-02' })).body().data, 1)
    const bad = await query({ from: '01/03/2020' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'from')
  })

  test('操作日志 excludes sign-in events, filters by action prefix and sorts by whitelist only', async ({
    client,
    assert,
  }) => {
    const viewer = await userWith({ permissions: ['system:audit:operation-log'] })
    const prefix = uniqueAction('ops')
    await audit.record(null, { action: `${prefix}.create`, actorUsername: 'admin' })
    await audit.record(null, {
      action: `${prefix}.delete`,
      actorUsername: 'bj_asset',
      result: 'failure',
    })
    await loginEvent('admin', 'auth.login')

    const all = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(viewer.token)
      .qs({ action: `${prefix}.*`, sort: 'username', order: 'asc' })
    all.assertStatus(200)
    assert.deepEqual(
      all.body().data.map((r: any) => [r.username, r.action]),
      [
        ['admin', `${prefix}.create`],
        ['bj_asset', `${prefix}.delete`],
      ]
    )
    assert.notInclude(
      (
        await client
          .get('/api/system/audit/operation-logs')
          .bearerToken(viewer.token)
          .qs({ perPage: 200 })
      )
        .body()
        .data.map((r: any) => r.action),
      'auth.login'
    )
    const exact = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(viewer.token)
      .qs({ action: `${prefix}.delete`, result: 'failure' })
    assert.deepEqual(names(exact), ['bj_asset'])

    const actions = await client
      .get('/api/system/audit/operation-logs/actions')
      .bearerToken(viewer.token)
    assert.includeMembers(actions.body(), [`${prefix}.create`, `${prefix}.delete`])

    const badSort = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(viewer.token)
      .qs({ sort: 'before_json' })
    badSort.assertStatus(422)
  })

  test('a branch auditor sees their subtree; "self" sees only their own entries', async ({
    client,
    assert,
  }) => {
    const prefix = uniqueAction('scope')
    for (const username of ['admin', 'bj_asset', 'bj_cy_am']) {
      await audit.record(null, { action: `${prefix}.x`, actorUsername: username })
    }
    const branch = await userWith({
      permissions: ['system:audit:operation-log'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const seen = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(branch.token)
      .qs({ action: `${prefix}.x`, sort: 'username', order: 'asc' })
    assert.deepEqual(names(seen), ['bj_asset', 'bj_cy_am'])

    const self = await userWith({ permissions: ['system:audit:operation-log'], dataScope: 'self' })
    await audit.record(null, { action: `${prefix}.x`, actorUsername: self.user.username })
    const own = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(self.token)
      .qs({ action: `${prefix}.x` })
    assert.deepEqual(names(own), [self.user.username])
  })

  test('an entry shows masked before/after as a diff; outside the scope it is a 404', async ({
    client,
    assert,
  }) => {
    const action = uniqueAction('detail')
    await audit.record(null, {
      action,
      actorUsername: 'admin',
      entityType: 'customer',
      entityId: 42,
      before: { customerName: '张三', phone: '13812345678', level: 'B' },
      after: { customerName: '张三', phone: '13912345678', level: 'A' },
    })
    const row = await db.from('audit_logs').where('action', action).firstOrFail()
    const admin = await tokenFor('admin')
    const detail = await client.get(`/api/system/audit/operation-logs/${row.id}`).bearerToken(admin)
    detail.assertStatus(200)
    assert.containsSubset(detail.body(), {
      id: String(row.id),
      action,
      entityType: 'customer',
      entityId: '42',
      before: { customerName: '张*', phone: '138****5678', level: 'B' },
      after: { customerName: '张*', phone: '139****5678', level: 'A' },
    })
    assert.deepEqual(detail.body().changes, [
      { field: 'customerName', before: '张*', after: '张*', changed: false },
      { field: 'phone', before: '138****5678', after: '139****5678', changed: true },
      { field: 'level', before: 'B', after: 'A', changed: true },
    ])

    const branch = await userWith({
      permissions: ['system:audit:operation-log'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    ;(
      await client.get(`/api/system/audit/operation-logs/${row.id}`).bearerToken(branch.token)
    ).assertStatus(404)

    await loginEvent('admin', 'auth.login')
    const login = await db
      .from('audit_logs')
      .where('action', 'auth.login')
      .orderBy('id', 'desc')
      .firstOrFail()
    ;(
      await client.get(`/api/system/audit/operation-logs/${login.id}`).bearerToken(admin)
    ).assertStatus(404)
    ;(await client.get('/api/system/audit/operation-logs/abc').bearerToken(admin)).assertStatus(404)
  })

  test('each endpoint needs its permission code', async ({ client }) => {
    const nobody = await userWith({ permissions: [] })
    const loginOnly = await userWith({ permissions: ['system:audit:login-log'] })
    for (const path of [
      'login-logs',
      'operation-logs',
      'operation-logs/1',
      'operation-logs/actions',
    ]) {
      ;(await client.get(`/api/system/audit/${path}`).bearerToken(nobody.token)).assertStatus(403)
    }
    ;(
      await client.get('/api/system/audit/operation-logs').bearerToken(loginOnly.token)
    ).assertStatus(403)
    ;(
      await client.post('/api/system/audit/login-logs/export').bearerToken(loginOnly.token)
    ).assertStatus(403)
    ;(await client.get('/api/system/audit/login-logs')).assertStatus(401)
  })
})
