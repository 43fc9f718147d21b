import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { settings } from '#core/settings/settings'
import { promptsCache } from '#core/cache/prompts_cache'
import { checkSettingValue } from '#core/settings/validate_setting'
import { settingCategory } from '#core/settings/setting_category'
import { dbNow } from '#core/support/db_time'

/*
| 数据字典, 系统提示管理, 参数管理 and 菜单管理 administration, through the API.
*/
type Method = 'get' | 'post' | 'put' | 'delete'

const admin = () =>
  userWith({
    permissions: [
      'system:dict:list',
      'system:dict:create',
      'system:dict:update',
      'system:dict:delete',
      'system:prompt:list',
      'system:prompt:update',
      'system:setting:list',
      'system:setting:update',
      'system:setting:freeze',
      'system:menu:list',
      'system:menu:create',
      'system:menu:update',
      'system:menu:delete',
      'system:change:list',
      'system:change:approve',
    ],
  })

/** A request as the given token, with a JSON body when there is one. */
function call(
  client: any,
  token: string,
  method: Method,
  url: string,
  body?: object,
  locale?: string
) {
  let request = client[method](url).bearerToken(token)
  if (locale) request = request.header('Accept-Language', locale)
  return body === undefined ? request : request.json(body)
}

const consoleDictionaries = async (client: any, token: string) =>
  (await client.get('/api/dictionaries').qs({ withVersion: 'true' }).bearerToken(token)).body()

const auditRows = async (action: string, entityId: string) => {
  if (!(await db.connection().schema.hasTable('audit_logs'))) return null
  return db.from('audit_logs').where('action', action).where('entity_id', entityId)
}

/* ---------------------------------------------------------------------------- */

test.group('数据字典 administration', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("an administrator's own dictionary: create, add, edit, disable, reorder, delete", async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const first = await consoleDictionaries(client, token)

    const created = await call(client, token, 'post', '/api/system/dictionaries', {
      code: 'collection_channel',
      nameZh: '催收渠道',
      nameEn: 'Collection channel',
    })
    created.assertStatus(201)
    assert.equal(created.body().source, 'admin')
    const again = await call(client, token, 'post', '/api/system/dictionaries', {
      code: 'collection_channel',
      nameZh: '重复',
      nameEn: 'Twice',
    })
    again.assertStatus(422)
    assert.equal(again.body().errors[0].field, 'code')

    const url = '/api/system/dictionaries/collection_channel/items'
    const phone = await call(client, token, 'post', url, {
      code: 'phone',
      labelZh: '电话',
      labelEn: 'Phone',
    })
    phone.assertStatus(201)
    const visit = await call(client, token, 'post', url, {
      code: 'visit',
      labelZh: '上门',
      labelEn: 'Visit',
      color: 'warning',
    })
    visit.assertStatus(201)
    const letter = await call(client, token, 'post', url, {
      code: 'letter',
      labelZh: '信函',
      labelEn: 'Letter',
    })
    ;(
      await call(client, token, 'post', url, { code: 'phone', labelZh: '又一个', labelEn: 'Dup' })
    ).assertStatus(422)

    // The console sees the new dictionary, under a new version.
    const second = await consoleDictionaries(client, token)
    assert.notEqual(second.version, first.version)
    assert.deepEqual(
      second.dictionaries.collection_channel.map((i: any) => i.code),
      ['phone', 'visit', 'letter']
    )

    // An administrator's item may change everything, its code included.
    const edited = await call(client, token, 'put', `${url}/${letter.body().id}`, {
      code: 'mail',
      labelZh: '邮寄',
      enabled: false,
    })
    edited.assertStatus(200)
    assert.equal(edited.body().code, 'mail')
    assert.isFalse(edited.body().enabled)

    const plain = (await client.get('/api/dictionaries').bearerToken(token)).body()
    assert.deepEqual(
      plain.collection_channel.map((i: any) => i.code),
      ['phone', 'visit'],
      'the plain list leaves disabled items out'
    )
    const third = await consoleDictionaries(client, token)
    assert.deepInclude(third.dictionaries.collection_channel, {
      code: 'mail',
      label: { zh: '邮寄', en: 'Letter' },
      color: null,
      enabled: false,
    })
    const versionNow = (await client.get('/api/dictionaries/version').bearerToken(token)).body()
    assert.equal(versionNow.version, third.version)

    const order = [letter.body().id, visit.body().id, phone.body().id]
    const reordered = await call(
      client,
      token,
      'put',
      '/api/system/dictionaries/collection_channel/order',
      { ids: order }
    )
    reordered.assertStatus(200)
    assert.deepEqual(
      reordered.body().items.map((i: any) => i.code),
      ['mail', 'visit', 'phone']
    )
    ;(
      await call(client, token, 'put', '/api/system/dictionaries/collection_channel/order', {
        ids: [phone.body().id],
      })
    ).assertStatus(422)

    const renamed = await call(
      client,
      token,
      'put',
      '/api/system/dictionaries/collection_channel',
      {
        nameZh: '清收渠道',
        nameEn: null,
      }
    )
    assert.deepEqual(renamed.body().name, { zh: '清收渠道', en: 'Collection channel' })

    ;(await call(client, token, 'delete', `${url}/${visit.body().id}`)).assertStatus(204)
    ;(
      await call(client, token, 'delete', '/api/system/dictionaries/collection_channel')
    ).assertStatus(204)
    assert.notProperty(
      (await consoleDictionaries(client, token)).dictionaries,
      'collection_channel'
    )

    const rows = await auditRows('dict.item.update', String(letter.body().id))
    if (rows) assert.lengthOf(rows, 1)
  })

  test('declared items: labels, order and enabled change; code, colour and existence do not', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const list = (await call(client, token, 'get', '/api/system/dictionaries')).body()
    const status = list.find((t: any) => t.code === 'common_status')
    assert.equal(status.source, 'system')
    const active = status.items.find((i: any) => i.code === 'active')
    assert.equal(active.origin, 'plugin')
    const url = `/api/system/dictionaries/common_status/items/${active.id}`

    const recode = await call(client, token, 'put', url, { code: 'on' })
    recode.assertStatus(422)
    assert.equal(recode.body().errors[0].field, 'code')
    ;(await call(client, token, 'put', url, { color: 'danger' })).assertStatus(422)

    const relabelled = await call(client, token, 'put', url, { labelZh: '在用', sort: 5 })
    relabelled.assertStatus(200)
    assert.deepEqual(relabelled.body().label, { zh: '在用', en: 'Active' })
    assert.deepEqual(relabelled.body().defaultLabel, { zh: '启用', en: 'Active' })
    assert.equal(relabelled.body().sort, 5)
    const row = await db.from('dict_items').where('id', active.id).first()
    assert.equal(row.label_zh, '启用', 'the declared label stays for the sync')
    assert.equal(row.custom_label_zh, '在用')

    const consoleView = await consoleDictionaries(client, token)
    assert.equal(
      consoleView.dictionaries.common_status.find((i: any) => i.code === 'active').label.zh,
      '在用'
    )

    const refused = await call(client, token, 'delete', url)
    refused.assertStatus(422)
    assert.include(refused.body().message, '系统核心')
    const typeRefused = await call(
      client,
      token,
      'delete',
      '/api/system/dictionaries/common_status'
    )
    typeRefused.assertStatus(422)
    assert.isNotNull(await db.from('dict_items').where('id', active.id).first())

    // Back to the declared label; an administrator's own item on a declared type is deletable.
    const reset = await call(client, token, 'put', url, { labelZh: null, sort: null })
    assert.deepEqual(reset.body().label, { zh: '启用', en: 'Active' })
    const own = await call(client, token, 'post', '/api/system/dictionaries/common_status/items', {
      code: 'suspended',
      labelZh: '暂停',
      labelEn: 'Suspended',
    })
    own.assertStatus(201)
    ;(
      await call(
        client,
        token,
        'delete',
        `/api/system/dictionaries/common_status/items/${own.body().id}`
      )
    ).assertStatus(204)
  })
})

/* ---------------------------------------------------------------------------- */

test.group('系统提示管理', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // The prompts copy lives in memory; never let one test's override reach the next.
  group.each.teardown(() => promptsCache.invalidate())

  test('lists every server message and VineJS rule text with its defaults', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const all = (
      await call(client, token, 'get', '/api/system/prompts?perPage=200&keyword=invalidCredentials')
    ).body()
    assert.deepInclude(all.data[0], {
      key: 'auth.invalidCredentials',
      kind: 'message',
      default: { zh: '用户名或密码错误', en: 'Wrong username or password' },
      override: null,
    })
    const rules = (
      await call(client, token, 'get', '/api/system/prompts?kind=validation&perPage=200')
    ).body()
    const required = rules.data.find((p: any) => p.key === 'validation.required')
    assert.deepEqual(required.placeholders, ['field'])
    assert.isAbove(rules.meta.total, 10)
  })

  test('an override changes a real 422 message and the login error, in each language', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const put = (key: string, body: object) =>
      call(client, token, 'put', `/api/system/prompts/${key}`, body)
    // Each body differs: the same change twice within seconds is refused as a repeat submit.
    let attempt = 0
    const missingCode = () =>
      call(client, token, 'post', '/api/system/dictionaries', {
        nameZh: `无编码${++attempt}`,
        nameEn: 'No code',
      })
    const wrongLogin = (locale: string) =>
      client
        .post('/api/auth/login')
        .header('Accept-Language', locale)
        .json({ username: 'nobody_registry_spec', password: 'Wrong@12345' })

    try {
      ;(await put('validation.required', { zh: '请填写{field}', en: null })).assertStatus(200)
      const refused = await missingCode()
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].message, '请填写编码')

      ;(
        await put('auth.invalidCredentials', {
          zh: '账号或密码不对，请联系管理员',
          en: 'Sign-in failed',
        })
      ).assertStatus(200)
      assert.equal((await wrongLogin('zh-CN')).body().message, '账号或密码不对，请联系管理员')
      assert.equal((await wrongLogin('en')).body().message, 'Sign-in failed')

      const listed = (
        await call(client, token, 'get', '/api/system/prompts?overridden=true&perPage=200')
      ).body()
      assert.sameMembers(
        listed.data.map((p: any) => p.key),
        ['validation.required', 'auth.invalidCredentials']
      )

      const rows = await auditRows('prompt.update', 'auth.invalidCredentials')
      if (rows) assert.lengthOf(rows, 1)
    } finally {
      await put('validation.required', { zh: null, en: null })
      await put('auth.invalidCredentials', { zh: null, en: null })
    }
    // Cleared: the defaults are back.
    assert.equal((await missingCode()).body().errors[0].message, '编码不能为空')
    assert.equal((await wrongLogin('zh-CN')).body().message, '用户名或密码错误')
  })

  test('placeholders the default lacks are refused; unknown keys are 404; console keys are free', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    const bad = await call(client, token, 'put', '/api/system/prompts/validation.maxLength', {
      zh: '{field}太长，最多{limit}字',
    })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'zh')
    assert.include(bad.body().errors[0].message, '{limit}')
    ;(
      await call(client, token, 'put', '/api/system/prompts/no.such.key', { zh: '随便' })
    ).assertStatus(404)

    try {
      ;(
        await call(client, token, 'put', '/api/system/prompts/console.home.welcome', {
          zh: '欢迎使用',
          en: 'Welcome',
        })
      ).assertStatus(200)
      const clerk = await userWith({ permissions: [] })
      const texts = (await client.get('/api/prompts').bearerToken(clerk.token)).body()
      assert.deepEqual(texts['console.home.welcome'], { zh: '欢迎使用', en: 'Welcome' })
    } finally {
      await call(client, token, 'put', '/api/system/prompts/console.home.welcome', {
        zh: null,
        en: null,
      })
    }
  })
})

/* ---------------------------------------------------------------------------- */

const setKinds = (kinds: string[]) =>
  db
    .from('settings')
    .where('key', 'system.fourEyes.kinds')
    .update({ value: JSON.stringify(kinds) })

async function fixtureSetting(key: string, type: string, value: string) {
  await db.table('settings').insert({
    key,
    source: 'system',
    name_zh: `测试${type}参数`,
    name_en: `Test ${type}`,
    type,
    default_value: value,
    active: true,
  })
}

test.group('参数管理', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('业务参数 and 技术参数 are told apart by one rule', async ({ client, assert }) => {
    const { token } = await admin()
    const technical = (
      await call(client, token, 'get', '/api/system/settings?category=technical')
    ).body()
    const business = (
      await call(client, token, 'get', '/api/system/settings?category=business')
    ).body()
    const keys = (list: any[]) => list.map((s) => s.key)
    assert.include(keys(technical), 'system.password.minLength')
    assert.include(keys(technical), 'system.page.defaultSize')
    assert.notInclude(keys(technical), 'system.bank.name')
    assert.include(keys(business), 'system.bank.name')
    assert.equal(settingCategory('system.login.lockMinutes'), 'technical')
    assert.equal(settingCategory('loan-notes.limit'), 'business')
    assert.equal(settingCategory('system.login.lockMinutes', 'business'), 'business')
  })

  test('values are checked against their type and stored canonically', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    await fixtureSetting('system.test.amount', 'amount', '100.00')
    await fixtureSetting('system.test.flag', 'boolean', 'false')
    // Declared with a decimal default: decimals are welcome (a whole-number default means a count).
    await fixtureSetting('system.test.rate', 'number', '0.5')
    await fixtureSetting('system.test.json', 'json', '[]')
    const put = (key: string, value: string | null) =>
      call(client, token, 'put', `/api/system/settings/${key}`, { value })

    const cases: Array<[string, string, number]> = [
      ['system.page.defaultSize', 'twenty', 422],
      ['system.page.defaultSize', '1e3', 422],
      ['system.page.defaultSize', '12.5', 422],
      ['system.page.defaultSize', '30', 200],
      ['system.test.rate', '0.75', 200],
      ['system.test.amount', '12.345', 422],
      ['system.test.amount', '-1', 422],
      ['system.test.amount', '1,234.5', 200],
      ['system.test.flag', 'yes', 422],
      ['system.test.flag', 'true', 200],
      ['system.test.json', '["role.grant"', 422],
      ['system.bank.name', '行'.repeat(501), 422],
    ]
    for (const [key, value, status] of cases) {
      const response = await put(key, value)
      assert.equal(response.status(), status, `${key} = ${value.slice(0, 20)}`)
      if (status === 422) assert.equal(response.body().errors[0].field, 'value')
    }
    assert.equal(await settings.raw('system.test.amount'), '1234.50')
    assert.equal(await settings.raw('system.test.rate'), '0.75')
    assert.equal(await settings.integer('system.page.defaultSize'), 30)
    assert.isTrue(await settings.boolean('system.test.flag'))
    const amountError = (await put('system.test.amount', 'abc')).body().errors[0].message
    assert.include(amountError, '两位小数')

    // null returns the parameter to its default.
    ;(await put('system.test.flag', null)).assertStatus(200)
    assert.isFalse(await settings.boolean('system.test.flag'))

    assert.deepEqual(checkSettingValue('json', '{"a":1}'), { ok: true, value: '{"a":1}' })
    assert.deepEqual(checkSettingValue('amount', '0.5'), { ok: true, value: '0.50' })
  })

  test('a change takes effect for the reader at once and is audited with before and after', async ({
    client,
    assert,
  }) => {
    const { token } = await admin()
    assert.equal(await settings.integer('system.page.defaultSize'), 20)
    ;(
      await call(client, token, 'put', '/api/system/settings/system.page.defaultSize', {
        value: '50',
      })
    ).assertStatus(200)
    assert.equal(await settings.integer('system.page.defaultSize'), 50)
    const rows = await auditRows('setting.update', 'system.page.defaultSize')
    if (rows) {
      assert.lengthOf(rows, 1)
      assert.deepEqual(JSON.parse(rows[0].before_json), { value: null })
      assert.deepEqual(JSON.parse(rows[0].after_json), { value: '50' })
    }
  })

  test('a frozen parameter cannot be edited until it is unfrozen', async ({ client, assert }) => {
    const { token } = await admin()
    await setKinds([])
    const freeze = (frozen: boolean) =>
      call(client, token, 'put', '/api/system/settings/system.bank.name/freeze', { frozen })
    const edit = (value: string) =>
      call(client, token, 'put', '/api/system/settings/system.bank.name', { value })

    const frozen = await freeze(true)
    frozen.assertStatus(200)
    assert.isTrue(frozen.body().frozen)
    const refused = await edit('冻结后改名')
    refused.assertStatus(409)
    assert.equal(refused.body().message, '参数“银行名称”已冻结，解冻后才能修改')
    assert.notEqual(await settings.string('system.bank.name'), '冻结后改名')

    ;(await freeze(false)).assertStatus(200)
    ;(await edit('解冻后改名')).assertStatus(200)
    assert.equal(await settings.string('system.bank.name'), '解冻后改名')

    const rows = await auditRows('setting.freeze', 'system.bank.name')
    if (rows) {
      assert.lengthOf(rows, 1)
      assert.deepEqual(JSON.parse(rows[0].after_json), { frozen: true })
      assert.lengthOf((await auditRows('setting.unfreeze', 'system.bank.name'))!, 1)
    }
  })

  test('with four-eyes on for setting.frozen, a freeze waits for a second administrator', async ({
    client,
    assert,
  }) => {
    await setKinds(['setting.frozen'])
    const maker = await admin()
    const checker = await admin()
    const submitted = await call(
      client,
      maker.token,
      'put',
      '/api/system/settings/system.bank.name/freeze',
      { frozen: true }
    )
    submitted.assertStatus(202)
    assert.isTrue(submitted.body().pending)
    const row = () => db.from('settings').where('key', 'system.bank.name').first()
    assert.isFalse(Boolean(Number((await row()).frozen)))

    const id = submitted.body().changeId
    ;(
      await call(client, checker.token, 'post', `/api/system/changes/${id}/approve`, {})
    ).assertStatus(204)
    assert.isTrue(Boolean(Number((await row()).frozen)))
    ;(
      await call(client, maker.token, 'put', '/api/system/settings/system.bank.name', {
        value: '复核后',
      })
    ).assertStatus(409)
  })
})

/* ---------------------------------------------------------------------------- */

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

/* ---------------------------------------------------------------------------- */

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
