import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { admin, call, auditRows } from '#tests/helpers/registry_admin'

/*
| 数据字典 administration, through the API.
*/

const consoleDictionaries = async (client: any, token: string) =>
  (await client.get('/api/dictionaries').qs({ withVersion: 'true' }).bearerToken(token)).body()

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
