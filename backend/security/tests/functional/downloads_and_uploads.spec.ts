import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'
import { registerTestType, submitPlan } from '#tests/helpers/workflow'

/*
| Defect 7 · downloads: an attachment comes back with its detected type (never
| `Content-Type: false`) as `attachment` with the RFC 5987 name; uploads are typed
| by their bytes against the allow-list and the size limit (参数), 422 otherwise.
*/
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

test.group('Security · downloads and uploads', (group) => {
  group.setup(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wf-sec-files-'))
    process.env.WORKFLOW_FILES_DIR = dir
    return () => {
      delete process.env.WORKFLOW_FILES_DIR
      rmSync(dir, { recursive: true, force: true })
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  const upload = async (client: any, id: number, content: Buffer, filename: string) =>
    client
      .post(`/api/workflow/instances/${id}/attachments`)
      .bearerToken(await tokenFor('bj_cy_am'))
      .file('file', content, { filename })

  test('a download carries the stored type and an attachment disposition with the UTF-8 name', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    const text = await upload(client, id, Buffer.from('评估值 1,234,567.89 元\n'), '评估 报告.txt')
    text.assertStatus(201)
    const download = await client
      .get(`/api/workflow/attachments/${text.body().id}`)
      .bearerToken(await tokenFor('bj_asset'))
    download.assertStatus(200)
    assert.equal(download.header('content-type'), 'text/plain; charset=utf-8')
    assert.equal(download.header('x-content-type-options'), 'nosniff')
    assert.equal(
      download.header('content-disposition'),
      `attachment; filename="__ __.txt"; filename*=UTF-8''%E8%AF%84%E4%BC%B0%20%E6%8A%A5%E5%91%8A.txt`
    )

    const pdf = await upload(client, id, PDF, '会议纪要.pdf')
    pdf.assertStatus(201)
    const pdfDownload = await client
      .get(`/api/workflow/attachments/${pdf.body().id}`)
      .bearerToken(await tokenFor('bj_asset'))
    assert.equal(pdfDownload.header('content-type'), 'application/pdf')
  })

  test('markup or script disguised as a PDF or text file is refused with a message', async ({
    client,
    assert,
  }) => {
    const id = await submitPlan('100.00')
    const disguised: Array<[string, Buffer]> = [
      ['报告.pdf', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')],
      ['notes.txt', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['readme.txt', Buffer.from('hello <script>fetch("/api/me")</script>')],
      ['picture.pdf', PNG],
    ]
    for (const [name, bytes] of disguised) {
      const response = await upload(client, id, bytes, name)
      response.assertStatus(422)
      assert.match(response.body().message, /文件内容/, name)
    }
  })

  test('the allow-list and the size limit are parameters', async ({ client, assert }) => {
    const id = await submitPlan('100.00')
    const admin = await tokenFor('admin')
    const set = (key: string, value: string | null) =>
      client.put(`/api/system/settings/${key}`).bearerToken(admin).json({ value })
    try {
      ;(await set('system.security.uploadMaxMb', '1')).assertStatus(200)
      const big = await upload(client, id, Buffer.alloc(1024 * 1024 + 10, 'a'), 'big.txt')
      big.assertStatus(422)
      assert.match(big.body().message, /超过大小上限（1 MB）/)

      ;(await set('system.security.uploadTypes', '["pdf"]')).assertStatus(200)
      const txt = await upload(client, id, Buffer.from('plain'), 'a.txt')
      txt.assertStatus(422)
      assert.match(txt.body().message, /允许：pdf/)
      ;(await upload(client, id, PDF, 'a.pdf')).assertStatus(201)
    } finally {
      await set('system.security.uploadMaxMb', null)
      await set('system.security.uploadTypes', null)
    }
  })
})
