import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { admin, call, auditRows } from '#tests/helpers/registry_admin'

/*
| 菜单管理 administration, through the API.
*/

test.group('菜单管理', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('core and plugin menus cannot be deleted; an empty admin directory can', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const core = await call(client, token, 'delete', '/api/system/menus/system:users')
    core.assertStatus(422)
    assert.include(core.body().message, '系统核心')
    assert.isNotNull(await db.from('menus').where('code', 'system:users').first())

    const now = dbNow()
    await db.table('installed_plugins').insert({
      id: 'fixture-menus',
      name_zh: '菜单测试插件',
      name_en: 'Menu fixture',
      version: '1.0.0',
      depends_on: '[]',
      active: true,
      load_order: 99,
      created_at: now,
      updated_at: now,
    })
    await db.table('menus').insert({
      code: 'fixture-menus:list',
      source: 'fixture-menus',
      type: 'page',
      name_zh: '插件页面',
      name_en: 'Plugin page',
      permission: 'fixture-menus:x:list',
      page_key: 'fixture-menus/List',
      path: '/p/fixture-menus/List',
      sort: 1,
    })
    const plugin = await call(client, token, 'delete', '/api/system/menus/fixture-menus:list')
    plugin.assertStatus(422)
    assert.include(plugin.body().message, '菜单测试插件')

    const created = await call(client, token, 'post', '/api/system/menus', {
      code: 'daily',
      nameZh: '日常工作',
      nameEn: 'Daily work',
      icon: 'Folder',
    })
    created.assertStatus(201)
    assert.equal(created.body().code, 'admin:daily')
    const child = await call(client, token, 'post', '/api/system/menus', {
      code: 'daily-sub',
      nameZh: '子目录',
      nameEn: 'Sub',
      parentCode: 'admin:daily',
    })
    child.assertStatus(201)
    ;(
      await call(client, token, 'post', '/api/system/menus', {
        code: 'under-page',
        nameZh: '错',
        nameEn: 'Wrong',
        parentCode: 'system:users',
      })
    ).assertStatus(422)

    const tree = (await call(client, token, 'get', '/api/system/menus')).body()
    const daily = tree.find((m: any) => m.code === 'admin:daily')
    assert.isTrue(daily.deletable)
    assert.equal(daily.children[0].code, 'admin:daily-sub')

    ;(await call(client, token, 'delete', '/api/system/menus/admin:daily')).assertStatus(422)
    ;(await call(client, token, 'delete', '/api/system/menus/admin:daily-sub')).assertStatus(204)
    // Another session: the same request again within seconds is refused as a repeat submit.
    const colleague = await admin()
    ;(await call(client, colleague.token, 'delete', '/api/system/menus/admin:daily')).assertStatus(
      204
    )
    assert.isNull(await db.from('menus').where('code', 'admin:daily').first())
  })

  test('renaming, reordering and hiding are audited', async ({ client, assert }) => {
    const { token } = await admin()
    const updated = await call(client, token, 'put', '/api/system/menus/system:roles', {
      customNameZh: '岗位角色',
      customSort: 42,
      hidden: true,
    })
    updated.assertStatus(200)
    assert.equal(updated.body().custom_name_zh, '岗位角色')
    const rows = await auditRows('menu.update', 'system:roles')
    if (rows) {
      assert.lengthOf(rows, 1)
      assert.include(JSON.parse(rows[0].after_json), {
        custom_name_zh: '岗位角色',
        custom_sort: 42,
      })
    }
  })
})
