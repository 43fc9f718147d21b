import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { item, orgIdOf, registerTestKinds } from '../committee_helpers.js'

/*
| 上会材料: a file uploaded to an item (the core's upload policy decides what is
| accepted), downloaded through the item's data scope, the upload audited.
*/
test.group('committee materials', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.setup(() => registerTestKinds())

  test('upload, download in scope, 404 outside it, an .exe refused', async ({ client, assert }) => {
    const itemId = await item('test-writeoff:plan', { orgId: await orgIdOf('110000') })
    const secretary = await userWith({
      permissions: ['committee:meeting:manage', 'committee:item:list'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const content = Buffer.from('核销报告：借款人已破产清算终结。\n', 'utf8')
    const uploaded = await client
      .post(`/api/committee/items/${itemId}/materials`)
      .bearerToken(secretary.token)
      .file('file', content, { filename: '核销报告.txt' })
    uploaded.assertStatus(201)
    const materialId = uploaded.body().id
    const audit = await db
      .from('audit_logs')
      .where({ action: 'committee.material.upload', entity_id: String(itemId) })
    assert.lengthOf(audit, 1)

    const download = await client
      .get(`/api/committee/materials/${materialId}`)
      .bearerToken(secretary.token)
    download.assertStatus(200)
    assert.include(download.header('content-disposition'), 'attachment')
    assert.equal(download.text(), content.toString('utf8'))

    const shanghai = await userWith({
      permissions: ['committee:meeting:manage', 'committee:item:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    ;(
      await client.get(`/api/committee/materials/${materialId}`).bearerToken(shanghai.token)
    ).assertStatus(404)
    ;(
      await client
        .post(`/api/committee/items/${itemId}/materials`)
        .bearerToken(shanghai.token)
        .file('file', content, { filename: 'x.txt' })
    ).assertStatus(404)
    ;(
      await client
        .post(`/api/committee/items/${itemId}/materials`)
        .bearerToken(secretary.token)
        .file('file', Buffer.from('MZ'), { filename: 'tool.exe' })
    ).assertStatus(422)
  })
})
