import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { syncManifests } from '#core/plugins/sync'
import { syncPlugins } from '#core/plugins/sync_enabled'
import { coreManifest } from '#core/system/manifest'
import { enabledPlugins } from '#core/plugins/registry'
import { definePlugin, type PluginManifest } from '#core/plugins/define_plugin'
import { userWith } from '#tests/helpers/auth'

/** A plugin declared in the test, so each case can change its manifest. */
const fixture = (change: (m: PluginManifest) => void = () => {}) => {
  const manifest = definePlugin({
    id: 'fixture-notes',
    name: { zh: '测试便签', en: 'Fixture notes' },
    version: '1.0.0',
    menus: [
      {
        code: 'fixture-notes:root',
        type: 'directory',
        name: { zh: '便签', en: 'Notes' },
        children: [
          {
            code: 'fixture-notes:list',
            type: 'page',
            name: { zh: '便签列表', en: 'Note list' },
            page: 'fixture-notes/List',
            permission: 'fixture-notes:note:list',
          },
          {
            code: 'fixture-notes:archive',
            type: 'page',
            name: { zh: '归档', en: 'Archive' },
            page: 'fixture-notes/Archive',
            permission: 'fixture-notes:note:archive',
          },
        ],
      },
    ],
    dictionaries: [
      {
        type: 'fixture_kind',
        name: { zh: '类型', en: 'Kind' },
        items: [
          { code: 'a', label: { zh: '甲', en: 'A' } },
          { code: 'b', label: { zh: '乙', en: 'B' } },
        ],
      },
    ],
    settings: [
      {
        key: 'fixture-notes.limit',
        name: { zh: '上限', en: 'Limit' },
        type: 'number',
        default: '10',
      },
    ],
  }) as PluginManifest
  change(manifest)
  return manifest
}

const others = async () => [coreManifest, ...(await enabledPlugins()).map((p) => p.manifest)]
const snapshot = async () => ({
  menus: await db.from('menus').orderBy('code'),
  permissions: await db.from('permissions').orderBy('code'),
  dictTypes: await db.from('dict_types').orderBy('code'),
  dictItems: await db.from('dict_items').orderBy('type_code').orderBy('code'),
  settings: await db.from('settings').orderBy('key'),
  plugins: await db.from('installed_plugins').orderBy('id'),
})

test.group('Plugin sync', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a second boot changes nothing', async ({ assert }) => {
    await syncPlugins()
    const before = await snapshot()
    const report = await syncPlugins()
    assert.deepEqual(report, { inserted: 0, updated: 0, deleted: 0, deactivated: 0 })
    assert.deepEqual(await snapshot(), before)
  })

  test("a plugin's declarations arrive once, however often it syncs", async ({ assert }) => {
    const first = await syncManifests([...(await others()), fixture()])
    assert.isAbove(first.inserted, 0)
    const second = await syncManifests([...(await others()), fixture()])
    assert.deepEqual(second, { inserted: 0, updated: 0, deleted: 0, deactivated: 0 })
    const menus = await db.from('menus').where('source', 'fixture-notes')
    assert.lengthOf(menus, 3)
  })

  test('a top-level menu with a parent is written under that directory', async ({ assert }) => {
    await syncManifests([
      ...(await others()),
      fixture((m) => {
        m.menus![0].parent = 'disposal:root'
      }),
    ])
    const root = await db.from('menus').where('code', 'fixture-notes:root').firstOrFail()
    assert.equal(root.parent_code, 'disposal:root')
    const child = await db.from('menus').where('code', 'fixture-notes:list').firstOrFail()
    assert.equal(child.parent_code, 'fixture-notes:root')
  })

  test("an administrator's names and order survive a manifest change", async ({ assert }) => {
    await syncManifests([...(await others()), fixture()])
    await db
      .from('menus')
      .where('code', 'fixture-notes:list')
      .update({ custom_name_zh: '我的便签', custom_sort: 42, hidden: true })
    await syncManifests([
      ...(await others()),
      fixture((m) => (m.menus![0].children![0].name = { zh: '便签清单', en: 'Notes' })),
    ])
    const row = await db.from('menus').where('code', 'fixture-notes:list').first()
    assert.equal(row.name_zh, '便签清单')
    assert.equal(row.custom_name_zh, '我的便签')
    assert.equal(row.custom_sort, 42)
    assert.isTrue(Boolean(row.hidden))
  })

  test('a removed menu item disappears, with the grants of its permission', async ({ assert }) => {
    await syncManifests([...(await others()), fixture()])
    const { user } = await userWith({
      permissions: ['fixture-notes:note:archive', 'fixture-notes:note:list'],
    })
    await syncManifests([...(await others()), fixture((m) => m.menus![0].children!.pop())])
    assert.isNull(await db.from('menus').where('code', 'fixture-notes:archive').first())
    assert.isNull(await db.from('permissions').where('code', 'fixture-notes:note:archive').first())
    const grants = await db
      .from('role_permissions')
      .join('user_roles', 'user_roles.role_id', 'role_permissions.role_id')
      .where('user_roles.user_id', user.id)
      .select('permission')
    assert.deepEqual(
      grants.map((g) => g.permission),
      ['fixture-notes:note:list']
    )
  })

  test('a plugin that goes away is hidden, and comes back with its grants and values', async ({
    assert,
    client,
  }) => {
    await syncManifests([...(await others()), fixture()])
    const holder = await userWith({ permissions: ['fixture-notes:note:list'] })
    await db.from('settings').where('key', 'fixture-notes.limit').update({ value: '25' })

    const gone = await syncManifests(await others())
    assert.isAbove(gone.deactivated, 0)
    const me = (await client.get('/api/me').bearerToken(holder.token)).body()
    assert.notInclude(JSON.stringify(me.menus), 'fixture-notes')
    assert.notInclude(me.permissions, 'fixture-notes:note:list')
    const plugin = await db.from('installed_plugins').where('id', 'fixture-notes').first()
    assert.isFalse(Boolean(plugin.active))

    await syncManifests([...(await others()), fixture()])
    const back = (await client.get('/api/me').bearerToken(holder.token)).body()
    assert.include(back.permissions, 'fixture-notes:note:list')
    assert.include(JSON.stringify(back.menus), 'fixture-notes:list')
    assert.equal(
      (await db.from('settings').where('key', 'fixture-notes.limit').first()).value,
      '25'
    )
  })

  test("dictionary items: declared ones follow the manifest, administrators' own stay", async ({
    assert,
  }) => {
    await syncManifests([...(await others()), fixture()])
    await db.table('dict_items').insert({
      type_code: 'fixture_kind',
      code: 'local',
      label_zh: '本行自定义',
      label_en: 'Local',
      sort: 9,
      origin: 'admin',
      enabled: true,
    })
    await syncManifests([...(await others()), fixture((m) => m.dictionaries![0].items.pop())])
    const codes = (
      await db.from('dict_items').where('type_code', 'fixture_kind').orderBy('code')
    ).map((i) => i.code)
    assert.deepEqual(codes, ['a', 'local'])
  })

  test('the console dictionaries endpoint renders labels in both languages', async ({
    assert,
    client,
  }) => {
    const holder = await userWith({ permissions: [] })
    const dicts = (await client.get('/api/dictionaries').bearerToken(holder.token)).body()
    assert.deepEqual(dicts.common_status[0], {
      code: 'active',
      label: { zh: '启用', en: 'Active' },
      color: 'success',
    })
  })

  test("administrators' own dictionary types and menu directories survive every sync", async ({
    assert,
  }) => {
    await db.table('dict_types').insert({
      code: 'bank_local_kind',
      source: 'admin',
      name_zh: '本行分类',
      name_en: 'Local kind',
      active: true,
    })
    await db.table('menus').insert({
      code: 'admin:reports',
      parent_code: null,
      source: 'admin',
      type: 'directory',
      name_zh: '本行报表',
      name_en: 'Reports',
      sort: 50,
      hidden: false,
      active: true,
    })
    await syncPlugins()
    const type = await db.from('dict_types').where('code', 'bank_local_kind').first()
    const menu = await db.from('menus').where('code', 'admin:reports').first()
    assert.isTrue(Boolean(type.active))
    assert.isTrue(Boolean(menu.active))
  })
})
