import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { removeMade } from '#tests/factories/identity'
import {
  columnExists,
  designForm,
  dropFormTables,
  submitAndApprove,
  tableExists,
} from './form_helpers.js'

/*
| 表单构建 design: names and types from the whitelist only (422 with field
| messages), the table exists only after someone else approves the change,
| an altered form (added field, widened text) on the database, and 失效.
*/
const suffix = String(process.pid % 100000)
const CODE = `fd_${suffix}`
const CODE_VALID = `fv_${suffix}`

test.group('表单构建 · design and approval', (group) => {
  group.teardown(async () => {
    await dropFormTables([CODE, CODE_VALID])
    // Committed users would show in the data-scope specs' exact user lists.
    await removeMade()
  })

  test('names, types and flags are validated; no SQL gets through', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const post = (body: object) =>
      client.post('/api/forms').bearerToken(admin).header('Accept-Language', 'zh-CN').json(body)
    const field = { code: 'name', labelZh: '名称', labelEn: 'Name', type: 'text' }
    const base = { code: CODE_VALID, nameZh: '校验', nameEn: 'Validation', fields: [field] }

    const badCode = await post({ ...base, code: 'x; DROP TABLE users' })
    badCode.assertStatus(422)
    assert.include(
      badCode.body().errors.map((e: any) => e.field),
      'code'
    )

    const cases: [object, string][] = [
      [{ ...field, code: 'Name' }, 'fields.0.code'],
      [{ ...field, code: 'id' }, 'fields.0.code'],
      [{ ...field, code: 'a__b' }, 'fields.0.code'],
      [{ ...field, code: 'name`' }, 'fields.0.code'],
      [{ ...field, type: 'blob' }, 'fields.0.type'],
      [{ ...field, length: 5000 }, 'fields.0.length'],
    ]
    for (const [bad, path] of cases) {
      const response = await post({ ...base, fields: [bad] })
      response.assertStatus(422)
      assert.include(
        response.body().errors.map((e: any) => e.field),
        path,
        JSON.stringify(bad)
      )
    }

    const semantic = await post({
      ...base,
      fields: [
        field,
        { ...field, labelZh: '重复' },
        { code: 'note', labelZh: '说明', labelEn: 'Note', type: 'longtext', unique: true },
        {
          code: 'kind',
          labelZh: '类别',
          labelEn: 'Kind',
          type: 'dict',
          dictionary: 'no_such_dict',
        },
        { code: 'qty', labelZh: '数量', labelEn: 'Qty', type: 'integer', length: 10 },
      ],
    })
    semantic.assertStatus(422)
    const errors = semantic.body().errors as { field: string; message: string }[]
    assert.includeMembers(
      errors.map((e) => e.field),
      ['fields.1.code', 'fields.2.indexed', 'fields.3.dictionary', 'fields.4.length']
    )
    assert.include(errors.find((e) => e.field === 'fields.1.code')!.message, '字段编码已存在')
    assert.isNull(await db.from('form_definitions').where('code', CODE_VALID).first())

    const unknownKey = await post({ ...base, sql: 'select 1' })
    unknownKey.assertStatus(422)

    const noRight = await userWith({ permissions: ['system:form:list'] })
    ;(await client.post('/api/forms').bearerToken(noRight.token).json(base)).assertStatus(403)
  })

  test('the DDL runs only after another administrator approves', async ({ client, assert }) => {
    const { formId, changeId } = await designForm(client, CODE, { menuParent: 'system:tools' })
    const admin = await tokenFor('admin')
    const detail = await client.get(`/api/forms/${formId}`).bearerToken(admin)
    detail.assertStatus(200)
    const change = detail.body().changes[0]
    assert.equal(change.status, 'draft')
    assert.match(change.script[0], new RegExp(`create table [\`"]form_${CODE}[\`"]`, 'i'))
    assert.isFalse(await tableExists(`form_${CODE}`))
    // A second draft while one is open is refused.
    const second = await client
      .post(`/api/forms/${formId}/changes`)
      .bearerToken(admin)
      .json({ operations: [{ op: 'deactivateField', code: 'remark' }] })
    second.assertStatus(409)

    const submitted = await client
      .post(`/api/forms/${formId}/changes/${changeId}/submit`)
      .bearerToken(admin)
      .json({})
    submitted.assertStatus(200)
    const instanceId = submitted.body().instanceId
    assert.isFalse(await tableExists(`form_${CODE}`))
    // The maker holds no task on their own change.
    const own = await client
      .post(`/api/workflow/instances/${instanceId}/approve`)
      .bearerToken(admin)
      .json({ comment: '自己批' })
    own.assertStatus(409)
    assert.isFalse(await tableExists(`form_${CODE}`))

    const approved = await client
      .post(`/api/workflow/instances/${instanceId}/approve`)
      .bearerToken(await tokenFor('ops'))
      .json({ comment: '同意建表' })
    approved.assertStatus(200)
    assert.isTrue(await tableExists(`form_${CODE}`))
    const form = await db.from('form_definitions').where('id', formId).first()
    assert.equal(form.status, 'effective')
    assert.equal(Number(form.version), 1)
    const applied = await db.from('form_changes').where('id', changeId).first()
    assert.equal(applied.status, 'applied')
    assert.isNotNull(applied.approved_by)
    const menu = await db.from('menus').where('code', `form:${CODE}`).first()
    assert.equal(menu.parent_code, 'system:tools')
    assert.equal(menu.path, `/forms/data/${CODE}`)
    assert.isTrue(Boolean(menu.active))
    const audits = await db
      .from('audit_logs')
      .whereIn('action', ['form.create', 'form.change.submit', 'form.change.apply'])
      .where('entity_id', 'in', [String(formId), String(changeId)])
    assert.isAtLeast(audits.length, 3)
  })

  test('altering: add a field and widen a text, approved, on the database', async ({
    client,
    assert,
  }) => {
    const form = await db.from('form_definitions').where('code', CODE).firstOrFail()
    const admin = await tokenFor('admin')
    const narrow = await client
      .post(`/api/forms/${form.id}/changes`)
      .bearerToken(admin)
      .json({ operations: [{ op: 'widen', code: 'contract_no', length: 10 }] })
    narrow.assertStatus(422)
    assert.equal(narrow.body().errors[0].field, 'operations.0.length')

    const drafted = await client
      .post(`/api/forms/${form.id}/changes`)
      .bearerToken(admin)
      .json({
        operations: [
          {
            op: 'addField',
            field: { code: 'handler_org', labelZh: '经办机构', labelEn: 'Org', type: 'org' },
          },
          { op: 'widen', code: 'contract_no', length: 60 },
          { op: 'relabel', code: 'amount', labelZh: '合同金额', labelEn: 'Contract amount' },
        ],
      })
    drafted.assertStatus(201)
    assert.isFalse(await columnExists(`form_${CODE}`, 'handler_org'))
    const { approved } = await submitAndApprove(client, form.id, drafted.body().id)
    approved.assertStatus(200)
    assert.isTrue(await columnExists(`form_${CODE}`, 'handler_org'))
    const column = await db
      .from('information_schema.columns')
      .where('table_schema', db.connection().getWriteClient().client.config.connection.database)
      .where('table_name', `form_${CODE}`)
      .where('column_name', 'contract_no')
      .first()
    assert.equal(Number(column.CHARACTER_MAXIMUM_LENGTH ?? column.character_maximum_length), 60)
    const fields = await db.from('form_fields').where('form_id', form.id).orderBy('sort')
    assert.deepEqual(
      fields.map((f) => [f.code, Number(f.since_version)]),
      [
        ['contract_no', 1],
        ['amount', 1],
        ['sign_date', 1],
        ['remark', 1],
        ['handler_org', 2],
      ]
    )
    assert.equal(fields[1].label_zh, '合同金额')
    assert.equal(Number(fields[0].length), 60)
  })
})
