import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { file2025 } from '#tests/helpers/holidays'

/*
| 节假日管理 over HTTP: audit rows for every change, permission codes, and the menu.
*/

/* The audit area stores rows from 1700000000011 on; before it is merged, audit.record is a no-op. */
const auditStored = existsSync(
  app.makePath('database/migrations/1700000000011_create_audit_tables.ts')
)

test.group('Holidays · audit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every change leaves an audit row; a refused import too', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const created = await client
      .post('/api/system/holidays')
      .bearerToken(admin)
      .json({ date: '2034-10-01', kind: 'holiday', name: '国庆节' })
    const id = String(created.body().id)
    await client
      .put(`/api/system/holidays/${id}`)
      .bearerToken(admin)
      .json({ date: '2034-10-01', kind: 'holiday', name: '国庆' })
    await client.delete(`/api/system/holidays/${id}`).bearerToken(admin)
    await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({ year: 2025, content: file2025() })
    await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({ year: 2024, content: file2025() })

    const rows = await db
      .from('audit_logs')
      .where('action', 'like', 'holiday.%')
      .orderBy('id')
      .select('action', 'entity_id', 'result', 'username', 'before_json', 'after_json')
    assert.deepEqual(
      rows.map((r) => [r.action, r.entity_id, r.result, r.username]),
      [
        ['holiday.create', id, 'success', 'admin'],
        ['holiday.update', id, 'success', 'admin'],
        ['holiday.delete', id, 'success', 'admin'],
        ['holiday.import', '2025', 'success', 'admin'],
        ['holiday.import', '2024', 'failure', 'admin'],
      ]
    )
    assert.include(JSON.parse(rows[1].before_json), { name: '国庆节' })
    assert.include(JSON.parse(rows[1].after_json), { name: '国庆' })
    assert.deepEqual(JSON.parse(rows[3].after_json), { holidays: 28, workdays: 5 })
  }).skip(!auditStored, 'the audit area (audit_logs) is not merged yet')
})

/* Each route refuses a signed-in user who lacks its code, and admits one who has it. */
const routes: Array<[method: 'get' | 'post' | 'put' | 'delete', url: string, permission: string]> =
  [
    ['get', '/api/system/holidays', 'system:holiday:list'],
    ['get', '/api/system/holidays/years', 'system:holiday:list'],
    ['get', '/api/system/holidays/calendar?year=2025', 'system:holiday:list'],
    ['post', '/api/system/holidays', 'system:holiday:create'],
    ['put', '/api/system/holidays/999999', 'system:holiday:update'],
    ['delete', '/api/system/holidays/999999', 'system:holiday:delete'],
    ['post', '/api/system/holidays/import', 'system:holiday:import'],
  ]

test.group('Holidays · permission codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [method, url, permission] of routes) {
    test(`${method.toUpperCase()} ${url} needs ${permission}`, async ({ client, assert }) => {
      const others = [...new Set(routes.map((r) => r[2]))].filter((code) => code !== permission)
      const without = await userWith({ permissions: others })
      const denied = await client
        .request(url, method.toUpperCase())
        .bearerToken(without.token)
        .json({})
      denied.assertStatus(403)
      assert.equal(denied.body().permission, permission)

      const holder = await userWith({ permissions: [permission] })
      const allowed = await client
        .request(url, method.toUpperCase())
        .bearerToken(holder.token)
        .json({})
      assert.notEqual(allowed.status(), 403)
      // GETs answer; writes with an empty body are refused for their content, or 404 for the id.
      assert.include([200, 404, 422], allowed.status())
    })
  }

  test('without a token: 401', async ({ client }) => {
    const response = await client.get('/api/system/holidays')
    response.assertStatus(401)
  })
})

test.group('Holidays · menu', () => {
  test('节假日管理 is a 公共参数管理 page with its buttons', async ({ assert }) => {
    const page = await db.from('menus').where('code', 'system:holidays').first()
    assert.include(page, {
      parent_code: 'system:params',
      type: 'page',
      name_zh: '节假日管理',
      page_key: 'system/Holidays',
      path: '/system/holidays',
      permission: 'system:holiday:list',
      icon: 'Calendar',
    })
    const buttons = await db.from('menus').where('parent_code', 'system:holidays').orderBy('code')
    assert.deepEqual(
      buttons.map((b) => b.permission),
      [
        'system:holiday:create',
        'system:holiday:delete',
        'system:holiday:import',
        'system:holiday:update',
      ]
    )
  })
})
