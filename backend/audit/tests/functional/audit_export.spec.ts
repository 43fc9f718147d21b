import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { unlink } from 'node:fs/promises'
import { audit } from '#core/audit/audit'
import { exportPath } from '#core/audit/export_files'
import { queue } from '#core/queue/queue'
import { userWith } from '#tests/helpers/auth'
import { grantRole, makeRole } from '#tests/factories/identity'
import { uniqueAction } from '#tests/helpers/audit'

/*
| 审计日志: the queued xlsx export.
*/

/** Unique suffixes for fixture rows this file creates. */

/* ---- Export ---------------------------------------------------------------- */

async function readSheet(file: string) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.worksheets[0]
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { name: sheet.name, rows }
}

test.group('Audit log export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const made: string[] = []
  group.teardown(async () => {
    for (const file of made) await unlink(file).catch(() => {})
  })

  test('exports the filtered rows to xlsx, downloadable only by whoever started it', async ({
    client,
    assert,
  }) => {
    const prefix = uniqueAction('export')
    await audit.record(null, {
      action: `${prefix}.update`,
      actorUsername: 'bj_asset',
      after: { phone: '13812345678', level: 'A' },
    })
    await audit.record(null, {
      action: `${prefix}.delete`,
      actorUsername: 'admin',
      result: 'failure',
    })
    await audit.record(null, { action: uniqueAction('other'), actorUsername: 'admin' })

    const exporter = await userWith({
      permissions: ['system:audit:operation-log', 'system:audit:export'],
    })
    const started = await client
      .post('/api/system/audit/operation-logs/export')
      .bearerToken(exporter.token)
      .json({ action: `${prefix}.*` })
    started.assertStatus(202)
    const { jobId } = started.body()
    await queue.drain()

    const job = await client.get(`/api/jobs/${jobId}`).bearerToken(exporter.token)
    job.assertStatus(200)
    assert.equal(job.body().status, 'completed', job.body().error)
    assert.equal(job.body().progress, 100)
    const { token, fileName, rows } = job.body().result
    assert.equal(rows, 2)
    assert.match(fileName, /^操作日志_\d{8}_\d{6}\.xlsx$/)
    made.push(exportPath(token))

    const sheet = await readSheet(exportPath(token))
    assert.equal(sheet.name, '操作日志')
    assert.equal(sheet.rows[0][0], '日志编号')
    assert.deepEqual(
      sheet.rows.slice(1).map((r) => [r[2], r[5], r[6]]),
      [
        ['admin', `${prefix}.delete`, '失败'],
        ['bj_asset', `${prefix}.update`, '成功'],
      ]
    )
    assert.equal(sheet.rows[2][11], JSON.stringify({ phone: '138****5678', level: 'A' }))

    // Exporting is itself audited, with the exporter, their org and request facts.
    const exported = await db
      .from('audit_logs')
      .where('action', 'audit.export')
      .where('entity_id', jobId)
      .firstOrFail()
    assert.containsSubset(exported, {
      username: exporter.user.username,
      user_id: exporter.user.id,
      org_name: '示范银行总行',
      entity_type: 'operation_log',
    })
    assert.isNotNull(exported.ip)
    assert.isNotNull(exported.request_id)

    const download = await client
      .get(`/api/system/audit/exports/${jobId}/download`)
      .bearerToken(exporter.token)
      .qs({ token })
    download.assertStatus(200)
    assert.include(download.header('content-disposition'), 'attachment')
    assert.include(download.header('content-type'), 'spreadsheetml')

    const other = await userWith({ permissions: ['system:audit:export'] })
    ;(
      await client
        .get(`/api/system/audit/exports/${jobId}/download`)
        .bearerToken(other.token)
        .qs({ token })
    ).assertStatus(404)
    ;(
      await client
        .get(`/api/system/audit/exports/${jobId}/download`)
        .bearerToken(exporter.token)
        .qs({ token: 'f'.repeat(64) })
    ).assertStatus(404)
    assert.isNotNull(
      await db
        .from('audit_logs')
        // Downloads are 安全日志 rows (category security) since every file leaving is logged there.
        .where('action', 'security.download')
        .where('entity_type', 'audit_export')
        .where('entity_id', jobId)
        .first()
    )
  })

  test('the export applies the data scope the list has for the user who started it', async ({
    client,
    assert,
  }) => {
    const action = uniqueAction('export-scope')
    for (const username of ['admin', 'bj_asset', 'bj_cy_am']) {
      await audit.record(null, { action: 'auth.login', actorUsername: username, detail: action })
    }
    const branch = await userWith({
      permissions: ['system:audit:login-log'],
      dataScope: 'org',
      orgCode: '110000',
    })
    // A second, bank-wide role grants only the export: it must not widen what the log shows.
    await grantRole(
      branch,
      await makeRole({ name: '导出', permissions: ['system:audit:export'], scope: 'all' })
    )
    const started = await client
      .post('/api/system/audit/login-logs/export')
      .bearerToken(branch.token)
      .header('Accept-Language', 'en')
      .json({ action: 'auth.login' })
    started.assertStatus(202)
    await queue.drain()
    const job = (
      await client.get(`/api/jobs/${started.body().jobId}`).bearerToken(branch.token)
    ).body()
    assert.equal(job.status, 'completed', job.error)
    made.push(exportPath(job.result.token))
    assert.match(job.result.fileName, /^Sign-in log_/)
    const sheet = await readSheet(exportPath(job.result.token))
    const ours = sheet.rows.slice(1).filter((r) => r[7] === action)
    assert.deepEqual(
      ours.map((r) => r[2]),
      ['bj_asset']
    )
    assert.equal(sheet.rows[0][1], 'Time')
  })
})
