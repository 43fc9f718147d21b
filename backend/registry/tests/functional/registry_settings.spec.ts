import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { settings } from '#core/settings/settings'
import { checkSettingValue } from '#core/settings/validate_setting'
import { settingCategory } from '#core/settings/setting_category'
import { admin, call, auditRows } from '#tests/helpers/registry_admin'

/*
| 参数管理 administration, through the API.
*/

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
