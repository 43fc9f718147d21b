import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { removeMade } from '#tests/factories/identity'
import { designForm, dropFormTables, settledChange, submitAndApprove } from './form_helpers.js'

/*
| 附件 fields: a file is uploaded (size and type checked on its bytes), the
| record keeps its id, the download goes through the record (form permission
| and data scope: out of scope is 404), replacing or deleting keeps the old
| file for the audit trail, and 综合查询 shows the file's name.
*/
const CODE = `fa_${process.pid % 100000}`
const perms = (...actions: string[]) => actions.map((a) => `form:${CODE}:${a}`)
const EVIDENCE = {
  code: 'evidence',
  labelZh: '证明材料',
  labelEn: 'Evidence',
  type: 'attachment',
  required: true,
}

test.group('表单构建 · 附件', (group) => {
  group.setup(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'form-files-'))
    process.env.FORM_FILES_DIR = dir
    return () => {
      delete process.env.FORM_FILES_DIR
      rmSync(dir, { recursive: true, force: true })
    }
  })
  // The form's DDL commits, so its users are committed too: removed with the form's tables.
  group.teardown(async () => {
    await dropFormTables([CODE])
    await removeMade()
  })

  test('an attachment field: designed, uploaded, saved, downloaded in scope only', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const unique = await client
      .post('/api/forms')
      .bearerToken(admin)
      .json({
        code: `${CODE}x`,
        nameZh: '唯一附件',
        nameEn: 'Unique file',
        fields: [{ ...EVIDENCE, unique: true }],
      })
    unique.assertStatus(422)
    assert.equal(unique.body().errors[0].rule, 'forms.attachmentIndex')

    const designed = await designForm(client, CODE, {
      fields: [
        { code: 'title', labelZh: '标题', labelEn: 'Title', type: 'text', required: true },
        EVIDENCE,
        { code: 'appendix', labelZh: '其他附件', labelEn: 'Appendix', type: 'attachment' },
      ],
    })
    ;(await submitAndApprove(client, designed.formId, designed.changeId)).approved.assertStatus(200)
    assert.equal((await settledChange(designed.changeId)).status, 'applied')
    const column = await db
      .from('information_schema.columns')
      .where('table_schema', db.connection().getWriteClient().client.config.connection.database)
      .where('table_name', `form_${CODE}`)
      .where('column_name', 'evidence')
      .first()
    assert.equal(String(column.DATA_TYPE ?? column.data_type), 'int', 'the row keeps a reference')

    const clerk = await userWith({
      permissions: perms('list', 'create', 'update', 'delete'),
      dataScope: 'org',
      orgCode: '110000',
    })
    const exe = await client
      .post(`/api/form-data/${CODE}/files/evidence`)
      .bearerToken(clerk.token)
      .file('file', Buffer.from('MZ\x90\x00'), { filename: 'tool.exe' })
    exe.assertStatus(422)
    assert.equal(exe.body().errors[0].rule, 'security.fileTypeRefused')
    const disguised = await client
      .post(`/api/form-data/${CODE}/files/evidence`)
      .bearerToken(clerk.token)
      .file('file', Buffer.from('%PDF-1.4 not a png'), { filename: 'scan.png' })
    disguised.assertStatus(422)
    ;(
      await client
        .post(`/api/form-data/${CODE}/files/title`)
        .bearerToken(clerk.token)
        .file('file', Buffer.from('x'), { filename: 'a.txt' })
    ).assertStatus(422)
    const viewer = await userWith({
      permissions: perms('list'),
      dataScope: 'org',
      orgCode: '110000',
    })
    ;(
      await client
        .post(`/api/form-data/${CODE}/files/evidence`)
        .bearerToken(viewer.token)
        .file('file', Buffer.from('x'), { filename: 'a.txt' })
    ).assertStatus(404)

    const content = Buffer.from('抵债资产评估报告 评估值 1,234,567.89 元')
    const upload = await client
      .post(`/api/form-data/${CODE}/files/evidence`)
      .bearerToken(clerk.token)
      .file('file', content, { filename: '评估报告.txt' })
    upload.assertStatus(201)
    assert.equal(upload.body().size, content.length)
    const fileId = upload.body().id as number

    // Another user cannot take this upload by its id; nor can a made-up id be saved.
    const colleague = await userWith({
      permissions: perms('list', 'create'),
      dataScope: 'org',
      orgCode: '110000',
    })
    const stolen = await client
      .post(`/api/form-data/${CODE}`)
      .bearerToken(colleague.token)
      .json({ title: '借用', evidence: fileId })
    stolen.assertStatus(422)
    assert.equal(stolen.body().errors[0].rule, 'forms.badAttachment')
    ;(
      await client
        .post(`/api/form-data/${CODE}`)
        .bearerToken(clerk.token)
        .json({ title: '伪造', evidence: 999999999 })
    ).assertStatus(422)
    ;(
      await client
        .post(`/api/form-data/${CODE}`)
        .bearerToken(clerk.token)
        .json({ title: '字符串', evidence: 'C:\\x.txt' })
    ).assertStatus(422)

    ;(
      await client
        .post(`/api/form-data/${CODE}`)
        .bearerToken(clerk.token)
        .json({ title: '多余键', evidence: { id: fileId, path: '/etc/passwd' } })
    ).assertStatus(422)
    const created = await client
      .post(`/api/form-data/${CODE}`)
      .bearerToken(clerk.token)
      .json({ title: '第一份', evidence: fileId, appendix: null })
    created.assertStatus(201)
    assert.isNull(created.body().appendix)
    assert.deepInclude(created.body().evidence, { id: fileId, fileName: '评估报告.txt' })
    const recordId = created.body().id as number
    assert.equal(
      Number((await db.from(`form_${CODE}`).where('id', recordId).first()).evidence),
      fileId
    )

    const url = `/api/form-data/${CODE}/${recordId}/files/evidence`
    const download = await client.get(url).bearerToken(clerk.token)
    download.assertStatus(200)
    assert.equal(download.text(), content.toString())
    assert.include(download.header('content-disposition'), 'attachment')

    const outside = await userWith({
      permissions: perms('list'),
      dataScope: 'org',
      orgCode: '000000',
    })
    ;(await client.get(url).bearerToken(outside.token)).assertStatus(404)
    const noPermission = await userWith({ permissions: ['system:query:run'] })
    ;(await client.get(url).bearerToken(noPermission.token)).assertStatus(404)

    // 综合查询 shows the file's name, not its bytes.
    const query = await client
      .post('/api/query/run')
      .bearerToken(admin)
      .json({
        query: { dataset: `system:form-${CODE.replace(/_/g, '-')}`, fields: ['title', 'evidence'] },
      })
    query.assertStatus(200)
    assert.deepEqual(
      query.body().data.map((r: any) => [r.title, r.evidence]),
      [['第一份', '评估报告.txt']]
    )
  })

  test('replacing and deleting keep the old file and the audit trail', async ({
    client,
    assert,
  }) => {
    const clerk = await userWith({
      permissions: perms('list', 'create', 'update', 'delete'),
      dataScope: 'org',
      orgCode: '110000',
    })
    const upload = async (name: string) => {
      const response = await client
        .post(`/api/form-data/${CODE}/files/evidence`)
        .bearerToken(clerk.token)
        .file('file', Buffer.from(`内容 ${name}`), { filename: name })
      response.assertStatus(201)
      return response.body() as { id: number; fileName: string }
    }
    const first = await upload('初稿.txt')
    const created = await client
      .post(`/api/form-data/${CODE}`)
      .bearerToken(clerk.token)
      .json({ title: '替换', evidence: first.id })
    created.assertStatus(201)
    const id = created.body().id as number

    // The page sends the record back as it got it: the file object keeps the file.
    const same = await client
      .put(`/api/form-data/${CODE}/${id}`)
      .bearerToken(clerk.token)
      .json({ title: '替换（改标题）', evidence: created.body().evidence })
    same.assertStatus(200)
    assert.equal(same.body().evidence.id, first.id)

    const second = await upload('终稿.txt')
    const replaced = await client
      .put(`/api/form-data/${CODE}/${id}`)
      .bearerToken(clerk.token)
      .json({ title: '替换', evidence: second.id })
    replaced.assertStatus(200)
    const old = await db.from('form_files').where('id', first.id).firstOrFail()
    assert.isNotNull(old.detached_at, 'the replaced file is kept, detached')
    const trail = await db
      .from('audit_logs')
      .where('action', 'form.record.update')
      .where('entity_id', String(id))
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.include(String(trail.before_json), '初稿.txt')
    assert.include(String(trail.after_json), '终稿.txt')
    const download = await client
      .get(`/api/form-data/${CODE}/${id}/files/evidence`)
      .bearerToken(clerk.token)
    assert.equal(download.text(), '内容 终稿.txt')

    ;(await client.delete(`/api/form-data/${CODE}/${id}`).bearerToken(clerk.token)).assertStatus(
      204
    )
    const kept = await db.from('form_files').where('id', second.id).firstOrFail()
    assert.isNotNull(kept.detached_at)
    ;(
      await client.get(`/api/form-data/${CODE}/${id}/files/evidence`).bearerToken(clerk.token)
    ).assertStatus(404)
  })
})
