import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'
import { historyOf, registerTestType, submitPlan } from '#tests/helpers/workflow'

/* 审批附件: participants add files to an approval; others cannot see them. */

test.group('Workflow · attachments', (group) => {
  // Files of the rolled-back test rows go to a scratch folder removed afterwards.
  group.setup(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wf-files-'))
    process.env.WORKFLOW_FILES_DIR = dir
    return () => {
      delete process.env.WORKFLOW_FILES_DIR
      rmSync(dir, { recursive: true, force: true })
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  test('the applicant attaches a report, the approver downloads it', async ({ client, assert }) => {
    const id = await submitPlan('100.00')
    const content = Buffer.from('抵押物评估报告：评估值 1,234,567.89 元')
    const upload = await client
      .post(`/api/workflow/instances/${id}/attachments`)
      .bearerToken(await tokenFor('bj_cy_am'))
      .file('file', content, { filename: '评估报告.txt' })
    upload.assertStatus(201)
    assert.equal(upload.body().size, content.length)

    const approver = await tokenFor('bj_asset')
    const detail = await client.get(`/api/workflow/instances/${id}`).bearerToken(approver)
    assert.deepEqual(
      detail.body().attachments.map((a: any) => [a.fileName, a.size]),
      [['评估报告.txt', content.length]]
    )
    assert.deepEqual(await historyOf(id), ['submit', 'attach'])

    const attachmentId = detail.body().attachments[0].id
    const download = await client
      .get(`/api/workflow/attachments/${attachmentId}`)
      .bearerToken(approver)
    download.assertStatus(200)
    assert.equal(download.text(), content.toString())

    const stranger = await tokenFor('auditor')
    ;(
      await client.get(`/api/workflow/attachments/${attachmentId}`).bearerToken(stranger)
    ).assertStatus(404)
    ;(
      await client
        .post(`/api/workflow/instances/${id}/attachments`)
        .bearerToken(stranger)
        .file('file', content, { filename: 'x.txt' })
    ).assertStatus(404)
  })

  test('executables and missing files are refused', async ({ client }) => {
    const id = await submitPlan('100.00')
    const applicant = await tokenFor('bj_cy_am')
    const exe = await client
      .post(`/api/workflow/instances/${id}/attachments`)
      .bearerToken(applicant)
      .file('file', Buffer.from('MZ'), { filename: 'tool.exe' })
    exe.assertStatus(422)
    const none = await client
      .post(`/api/workflow/instances/${id}/attachments`)
      .bearerToken(applicant)
      .json({})
    none.assertStatus(422)
  })
})
