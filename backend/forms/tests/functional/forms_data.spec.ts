import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { removeMade } from '#tests/factories/identity'
import { designForm, dropFormTables, submitAndApprove, tableExists } from './form_helpers.js'

/*
| 表单构建 in use: an effective form's records (money in fen, unique values,
| data scope by the creator's org: out of scope is 404), the form in 综合查询
| and as a 台账, and 失效 (hidden, data kept).
*/
const CODE = `fu_${process.pid % 100000}`
const perms = (...actions: string[]) => actions.map((a) => `form:${CODE}:${a}`)

test.group('表单构建 · records, 综合查询, 失效', (group) => {
  let formId = 0
  // The form's DDL commits, so its users are committed too: removed with the form's tables.
  group.teardown(async () => {
    await dropFormTables([CODE])
    await removeMade()
  })

  test('a form placed in the menu, forming a ledger, approved', async ({ client, assert }) => {
    const designed = await designForm(client, CODE, { menuParent: 'system:tools', ledger: true })
    formId = designed.formId
    const { approved } = await submitAndApprove(client, designed.formId, designed.changeId)
    approved.assertStatus(200)
    const me = await client.get('/api/me').bearerToken(await tokenFor('admin'))
    const menus = JSON.stringify(me.body().menus)
    assert.include(menus, `/forms/data/${CODE}`)
    assert.include(menus, `/ledgers/form-${CODE.replace(/_/g, '-')}`)
  })

  test('records: create with money in fen, unique and required checked, audited', async ({
    client,
    assert,
  }) => {
    const schema = await client
      .get(`/api/form-data/${CODE}/schema`)
      .bearerToken(await tokenFor('admin'))
    schema.assertStatus(200)
    assert.deepEqual(
      schema.body().fields.map((f: any) => f.id),
      ['contractNo', 'amount', 'signDate', 'remark']
    )
    const clerk = await userWith({
      permissions: perms('list', 'create', 'update'),
      dataScope: 'org',
      orgCode: '110000',
    })
    const created = await client
      .post(`/api/form-data/${CODE}`)
      .bearerToken(clerk.token)
      .json({ contractNo: 'HT-001', amount: '1234.56', signDate: '2026-02-28', remark: '首笔' })
    created.assertStatus(201)
    assert.equal(created.body().amount, '1234.56')
    const row = await db.from(`form_${CODE}`).where('id', created.body().id).first()
    assert.equal(String(row.amount), '123456')
    assert.equal(
      Number(row.org_id),
      Number((await db.from('orgs').where('code', '110000').first()).id)
    )

    const bad = await client
      .post(`/api/form-data/${CODE}`)
      .bearerToken(clerk.token)
      .json({ contractNo: 'HT-001', amount: '1.234', signDate: '2026-02-30' })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['amount', 'signDate'])
    const dup = await client
      .post(`/api/form-data/${CODE}`)
      .bearerToken(clerk.token)
      .json({ contractNo: 'HT-001', amount: '1.00' })
    dup.assertStatus(422)
    assert.equal(dup.body().errors[0].field, 'contractNo')
    const unknown = await client
      .post(`/api/form-data/${CODE}`)
      .bearerToken(clerk.token)
      .json({ contractNo: 'HT-009', amount: '1.00', org_id: 1 })
    unknown.assertStatus(422)

    const updated = await client
      .put(`/api/form-data/${CODE}/${created.body().id}`)
      .bearerToken(clerk.token)
      .json({ contractNo: 'HT-001', amount: '2000.00', signDate: '2026-03-01' })
    updated.assertStatus(200)
    assert.equal(updated.body().amount, '2000.00')
    const audit = await db
      .from('audit_logs')
      .where('action', 'form.record.update')
      .where('entity_id', String(created.body().id))
      .first()
    assert.isNotNull(audit)
  })

  test('data scope: another org sees nothing and gets 404; no permission is 404', async ({
    client,
    assert,
  }) => {
    const record = await db.from(`form_${CODE}`).where('contract_no', 'HT-001').firstOrFail()
    const other = await userWith({
      permissions: perms('list', 'update', 'delete'),
      dataScope: 'org',
      orgCode: '000000',
    })
    const list = await client.get(`/api/form-data/${CODE}`).bearerToken(other.token)
    list.assertStatus(200)
    assert.equal(list.body().meta.total, 0)
    ;(
      await client.get(`/api/form-data/${CODE}/${record.id}`).bearerToken(other.token)
    ).assertStatus(404)
    ;(
      await client
        .put(`/api/form-data/${CODE}/${record.id}`)
        .bearerToken(other.token)
        .json({ contractNo: 'HT-X', amount: '1.00' })
    ).assertStatus(404)
    ;(
      await client.delete(`/api/form-data/${CODE}/${record.id}`).bearerToken(other.token)
    ).assertStatus(404)
    const stranger = await userWith({ permissions: ['system:query:run'] })
    ;(await client.get(`/api/form-data/${CODE}`).bearerToken(stranger.token)).assertStatus(404)
    const admin = await client.get(`/api/form-data/${CODE}`).bearerToken(await tokenFor('admin'))
    assert.equal(admin.body().meta.total, 1)
  })

  test('综合查询 runs over the form, scoped; the form forms a ledger', async ({
    client,
    assert,
  }) => {
    const dataset = `system:form-${CODE.replace(/_/g, '-')}`
    const branch = await userWith({
      permissions: ['system:query:run', ...perms('list')],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const catalogue = await client.get('/api/query/catalogue').bearerToken(branch.token)
    catalogue.assertStatus(200)
    const entry = catalogue.body().datasets.find((d: any) => d.id === dataset)
    assert.exists(entry)
    assert.include(
      entry.fields.map((f: any) => f.id),
      'contractNo'
    )
    const run = (token: string) =>
      client
        .post('/api/query/run')
        .bearerToken(token)
        .json({
          query: {
            dataset,
            fields: ['contractNo', 'amount', 'recordOrg'],
            where: { logic: 'and', items: [{ field: 'amount', op: 'gte', value: '1000.00' }] },
          },
        })
    const rows = await run(branch.token)
    rows.assertStatus(200)
    assert.deepEqual(
      rows.body().data.map((r: any) => [r.contractNo, r.amount]),
      [['HT-001', '2000.00']]
    )
    const head = await userWith({
      permissions: ['system:query:run', ...perms('list')],
      dataScope: 'org',
      orgCode: '000000',
    })
    assert.lengthOf((await run(head.token)).body().data, 0)
    const outsider = await userWith({ permissions: ['system:query:run'] })
    // 综合查询 answers an unknown or forbidden dataset alike (422 on the dataset).
    ;(await run(outsider.token)).assertStatus(422)

    const ledger = await client
      .get(`/api/ledgers/form-${CODE.replace(/_/g, '-')}/rows`)
      .bearerToken(branch.token)
    ledger.assertStatus(200)
    assert.equal(ledger.body().data[0].contractNo, 'HT-001')
  })

  test('失效 hides the form and its menu, keeps the table and rows', async ({ client, assert }) => {
    const drafted = await client
      .post(`/api/forms/${formId}/changes`)
      .bearerToken(await tokenFor('admin'))
      .json({ operations: [{ op: 'deactivateForm' }] })
    drafted.assertStatus(201)
    const { approved } = await submitAndApprove(client, formId, drafted.body().id)
    approved.assertStatus(200)
    const form = await db.from('form_definitions').where('id', formId).first()
    assert.equal(form.status, 'inactive')
    const menu = await db.from('menus').where('code', `form:${CODE}`).first()
    assert.isFalse(Boolean(menu.active))
    ;(await client.get(`/api/form-data/${CODE}`).bearerToken(await tokenFor('admin'))).assertStatus(
      404
    )
    assert.isTrue(await tableExists(`form_${CODE}`))
    assert.lengthOf(await db.from(`form_${CODE}`), 1)
    const me = await client.get('/api/me').bearerToken(await tokenFor('admin'))
    assert.notInclude(JSON.stringify(me.body().menus), `/forms/data/${CODE}`)
  })
})
