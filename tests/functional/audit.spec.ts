import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { unlink } from 'node:fs/promises'
import { audit, type AuditEntry } from '#core/audit/audit'
import { appendToChain, type AuditRowContent } from '#core/audit/hash_chain'
import { verifyAuditChain } from '#core/audit/verify'
import { exportPath } from '#core/audit/export_files'
import { queue } from '#core/queue/queue'
import env from '#start/env'
import { dbNow } from '#core/support/db_time'
import { tokenFor, userWith } from '#tests/helpers/auth'

/*
| 审计日志: the hash chain (tampering found by audit:verify's logic), masking on
| the way in, the 登录日志 / 操作日志 endpoints with their filters, data scope and
| permissions, and the queued xlsx export.
*/

let seq = 0
/** A fresh action name per call, so a test only ever looks at its own rows. */
const uniqueAction = (name: string) => `test.${name}.${process.pid}_${++seq}`

async function recordMany(action: string, count: number, extra: Partial<AuditEntry> = {}) {
  for (let i = 1; i <= count; i++) {
    await audit.record(null, {
      action,
      entityType: 'thing',
      entityId: i,
      after: { n: i },
      ...extra,
    })
  }
  const rows = await db.from('audit_logs').where('action', action).orderBy('id')
  return rows.map((r) => String(r.id))
}

test.group('Audit chain', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('records chain onto each other and verify OK', async ({ assert }) => {
    const action = uniqueAction('chain')
    const ids = await recordMany(action, 3)
    assert.lengthOf(ids, 3)
    const rows = await db.from('audit_logs').whereIn('id', ids).orderBy('id')
    assert.equal(rows[1].prev_hash, rows[0].hash)
    assert.equal(rows[2].prev_hash, rows[1].hash)
    assert.equal(Number(ids[2]) - Number(ids[0]), 2)
    const report = await verifyAuditChain()
    assert.isTrue(report.ok, JSON.stringify(report))
    const head = await db.from('audit_chain_head').where('id', 1).first()
    assert.equal(String(head.last_id), ids[2])
    assert.equal(head.last_hash, rows[2].hash)
  })

  test('an edited row is reported by its id (content hash mismatch)', async ({ assert }) => {
    const ids = await recordMany(uniqueAction('edit'), 3)
    await db.from('audit_logs').where('id', ids[1]).update({ after_json: '{"n":999}' })
    const report = await verifyAuditChain({ batchSize: 2 })
    assert.containsSubset(report, { ok: false, brokenId: ids[1], reason: 'hash_mismatch' })
  })

  test('an edit with a recomputed hash breaks the next link', async ({ assert }) => {
    const { expectedHashOfRow } = await import('#core/audit/hash_chain')
    const ids = await recordMany(uniqueAction('rehash'), 3)
    await db.from('audit_logs').where('id', ids[0]).update({ result: 'failure' })
    const edited = await db.from('audit_logs').where('id', ids[0]).first()
    await db
      .from('audit_logs')
      .where('id', ids[0])
      .update({ hash: expectedHashOfRow(edited) })
    const report = await verifyAuditChain()
    assert.containsSubset(report, { ok: false, brokenId: ids[1], reason: 'prev_mismatch' })
  })

  test('a deleted row leaves a gap, reported at the row after it', async ({ assert }) => {
    const ids = await recordMany(uniqueAction('delete'), 3)
    await db.from('audit_logs').where('id', ids[1]).delete()
    const report = await verifyAuditChain()
    assert.containsSubset(report, { ok: false, brokenId: ids[2], reason: 'gap' })
  })

  test('rows deleted from the end are found through the chain head', async ({ assert }) => {
    const ids = await recordMany(uniqueAction('truncate'), 3)
    await db.from('audit_logs').where('id', '>=', ids[1]).delete()
    const report = await verifyAuditChain()
    assert.containsSubset(report, { ok: false, brokenId: ids[2], reason: 'head_mismatch' })
  })

  test('a row written around the chain (past its head) is reported', async ({ assert }) => {
    const ids = await recordMany(uniqueAction('forge'), 1)
    const last = await db.from('audit_logs').where('id', ids[0]).firstOrFail()
    const forgedId = String(Number(ids[0]) + 1)
    await db.table('audit_logs').insert({
      ...last,
      id: forgedId,
      action: 'role.grant',
      prev_hash: last.hash,
      hash: 'f'.repeat(64),
    })
    const report = await verifyAuditChain()
    assert.containsSubset(report, { ok: false, brokenId: forgedId, reason: 'head_mismatch' })
  })

  test('values are masked before they are stored; secrets are not stored at all', async ({
    assert,
  }) => {
    const action = uniqueAction('mask')
    await audit.record(null, {
      action,
      before: { customerName: '张三', phone: '13812345678' },
      after: {
        customerName: '张三',
        phone: '13912345678',
        idNumber: '110101199001011234',
        password: 'Secret@123',
      },
      detail: '客户证件 110101199001011234',
    })
    const row = await db.from('audit_logs').where('action', action).firstOrFail()
    assert.deepEqual(JSON.parse(row.after_json), {
      customerName: '张*',
      phone: '139****5678',
      idNumber: '110***********1234',
    })
    assert.deepEqual(JSON.parse(row.before_json), { customerName: '张*', phone: '138****5678' })
    assert.equal(row.detail, '客户证件 110***********1234')
    assert.notInclude(JSON.stringify(row), 'Secret@123')
    assert.notInclude(JSON.stringify(row), '13912345678')
  })

  test('customer names stay readable when system.audit.maskNames is false', async ({ assert }) => {
    await db.from('settings').where('key', 'system.audit.maskNames').update({ value: 'false' })
    const action = uniqueAction('names')
    await audit.record(null, { action, after: { customerName: '张三', phone: '13812345678' } })
    const row = await db.from('audit_logs').where('action', action).firstOrFail()
    assert.deepEqual(JSON.parse(row.after_json), { customerName: '张三', phone: '138****5678' })
  })

  test('a login without a session is attributed to the named user and their org', async ({
    assert,
  }) => {
    await audit.record(null, {
      action: 'auth.login_failed',
      actorUsername: 'bj_asset',
      result: 'failure',
    })
    const row = await db
      .from('audit_logs')
      .where('action', 'auth.login_failed')
      .orderBy('id', 'desc')
      .firstOrFail()
    const user = await db.from('users').where('username', 'bj_asset').firstOrFail()
    assert.containsSubset(row, {
      category: 'login',
      username: 'bj_asset',
      user_id: user.id,
      org_id: user.org_id,
      org_name: '北京分行',
      result: 'failure',
    })
  })

  test('concurrent records in one process never fork the chain', async ({ assert }) => {
    const action = uniqueAction('burst')
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => audit.record(null, { action, entityId: i }))
    )
    const rows = await db.from('audit_logs').where('action', action).orderBy('id')
    assert.lengthOf(rows, 20)
    assert.equal(Number(rows[19].id) - Number(rows[0].id), 19)
    assert.isTrue((await verifyAuditChain()).ok)
  })

  test('a failing audit write is logged, never thrown into the business action', async ({
    assert,
  }) => {
    const action = uniqueAction('broken')
    const unserialisable = {
      toJSON() {
        throw new Error('cannot serialise')
      },
    }
    await assert.doesNotReject(() =>
      audit.record(null, { action, after: { value: unserialisable } })
    )
    assert.isNull(await db.from('audit_logs').where('action', action).first())
    assert.isTrue((await verifyAuditChain()).ok)
  })

  test('a record passed the caller transaction rolls back with it', async ({ assert }) => {
    const action = uniqueAction('trx')
    const before = await db.from('audit_chain_head').where('id', 1).first()
    await db
      .transaction(async (trx) => {
        await audit.record(null, { action, trx })
        throw new Error('business rule failed')
      })
      .catch(() => {})
    assert.isNull(await db.from('audit_logs').where('action', action).first())
    const after = await db.from('audit_chain_head').where('id', 1).first()
    assert.equal(String(after.last_id), String(before.last_id))
    assert.isTrue((await verifyAuditChain()).ok)
  })
})

/*
| Two app nodes = two database connections. Committed for real (no global
| transaction): the second writer must wait on the head row lock, not read the
| same head and fork the chain. The rows stay in the test database, chained.
*/
test.group('Audit chain across connections', () => {
  // SQLite has one connection per process (and one writer per file): nothing to race.
  const sqlite = env.get('DB_CONNECTION') === 'sqlite'

  const content = (action: string): AuditRowContent => ({
    category: 'operation',
    userId: null,
    username: null,
    orgId: null,
    orgName: null,
    ip: null,
    userAgent: null,
    requestId: null,
    action,
    entityType: null,
    entityId: null,
    result: 'success',
    detail: null,
    beforeJson: null,
    afterJson: null,
  })

  test('the second writer waits for the first one’s lock on the chain head', async ({ assert }) => {
    const action = uniqueAction('nodes')
    const first = await db.transaction()
    const second = await db.transaction()
    try {
      const a = await appendToChain(content(action), first)
      let secondDone = false
      const pending = appendToChain(content(action), second).then((row) => {
        secondDone = true
        return row
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      assert.isFalse(secondDone, 'the second writer did not wait for the lock')
      await first.commit()
      const b = await pending
      await second.commit()
      assert.equal(BigInt(b.id), BigInt(a.id) + 1n)
      assert.equal(b.prevHash, a.hash)
    } finally {
      if (!first.isCompleted) await first.rollback()
      if (!second.isCompleted) await second.rollback()
    }
    const report = await verifyAuditChain()
    assert.isTrue(report.ok, JSON.stringify(report))
  }).skip(sqlite, 'SQLite serialises writers itself')
})

/* ---- 登录日志 / 操作日志 endpoints ---------------------------------------------- */

async function loginEvent(
  username: string,
  action: string,
  result: 'success' | 'failure' = 'success'
) {
  await audit.record(null, { action, actorUsername: username, result })
}

const names = (response: any) => response.body().data.map((r: any) => r.username)

test.group('Audit log endpoints', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('登录日志 filters by user, action and result, and holds only sign-in events', async ({
    client,
    assert,
  }) => {
    const viewer = await userWith({ permissions: ['system:audit:login-log'] })
    const a = await userWith({ permissions: [] })
    const b = await userWith({ permissions: [] })
    await loginEvent(a.user.username, 'auth.login')
    await loginEvent(a.user.username, 'auth.logout')
    await loginEvent(b.user.username, 'auth.login_failed', 'failure')
    await audit.record(null, { action: 'user.update', actorUsername: a.user.username })

    const mine = await client
      .get('/api/system/audit/login-logs')
      .bearerToken(viewer.token)
      .qs({ username: a.user.username })
    mine.assertStatus(200)
    assert.deepEqual(
      mine.body().data.map((r: any) => r.action),
      ['auth.logout', 'auth.login']
    )
    assert.equal(mine.body().meta.total, 2)

    const failed = await client
      .get('/api/system/audit/login-logs')
      .bearerToken(viewer.token)
      .qs({ username: 'test_user_', result: 'failure' })
    assert.deepEqual(names(failed), [b.user.username])

    const logins = await client
      .get('/api/system/audit/login-logs')
      .bearerToken(viewer.token)
      .qs({ username: 'test_user_', action: 'auth.login' })
    assert.deepEqual(names(logins), [a.user.username])
  })

  test('the time range is inclusive; a date alone means the whole day', async ({
    client,
    assert,
  }) => {
    const viewer = await userWith({ permissions: ['system:audit:login-log'] })
    const a = await userWith({ permissions: [] })
    await loginEvent(a.user.username, 'auth.login')
    await loginEvent(a.user.username, 'auth.logout')
    const [older] = await db
      .from('audit_logs')
      .where('username', a.user.username)
      .orderBy('id')
      .select('id')
    await db.from('audit_logs').where('id', older.id).update({ occurred_at: '2020-03-01 09:30:00' })

    const query = (qs: Record<string, string>) =>
      client
        .get('/api/system/audit/login-logs')
        .bearerToken(viewer.token)
        .qs({ username: a.user.username, ...qs })
    const day = await query({ from: '2020-03-01', to: '2020-03-01' })
    assert.deepEqual(
      day.body().data.map((r: any) => [r.action, r.occurredAt]),
      [['auth.login', '2020-03-01 09:30:00']]
    )
    assert.lengthOf(
      (await query({ from: '2020-03-01 09:31', to: '2020-03-01 23:00' })).body().data,
      0
    )
    assert.lengthOf((await query({ from: '2020-03-02' })).body().data, 1)
    const bad = await query({ from: '01/03/2020' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'from')
  })

  test('操作日志 excludes sign-in events, filters by action prefix and sorts by whitelist only', async ({
    client,
    assert,
  }) => {
    const viewer = await userWith({ permissions: ['system:audit:operation-log'] })
    const prefix = uniqueAction('ops')
    await audit.record(null, { action: `${prefix}.create`, actorUsername: 'admin' })
    await audit.record(null, {
      action: `${prefix}.delete`,
      actorUsername: 'bj_asset',
      result: 'failure',
    })
    await loginEvent('admin', 'auth.login')

    const all = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(viewer.token)
      .qs({ action: `${prefix}.*`, sort: 'username', order: 'asc' })
    all.assertStatus(200)
    assert.deepEqual(
      all.body().data.map((r: any) => [r.username, r.action]),
      [
        ['admin', `${prefix}.create`],
        ['bj_asset', `${prefix}.delete`],
      ]
    )
    assert.notInclude(
      (
        await client
          .get('/api/system/audit/operation-logs')
          .bearerToken(viewer.token)
          .qs({ perPage: 200 })
      )
        .body()
        .data.map((r: any) => r.action),
      'auth.login'
    )
    const exact = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(viewer.token)
      .qs({ action: `${prefix}.delete`, result: 'failure' })
    assert.deepEqual(names(exact), ['bj_asset'])

    const actions = await client
      .get('/api/system/audit/operation-logs/actions')
      .bearerToken(viewer.token)
    assert.includeMembers(actions.body(), [`${prefix}.create`, `${prefix}.delete`])

    const badSort = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(viewer.token)
      .qs({ sort: 'before_json' })
    badSort.assertStatus(422)
  })

  test('a branch auditor sees their subtree; "self" sees only their own entries', async ({
    client,
    assert,
  }) => {
    const prefix = uniqueAction('scope')
    for (const username of ['admin', 'bj_asset', 'bj_cy_am']) {
      await audit.record(null, { action: `${prefix}.x`, actorUsername: username })
    }
    const branch = await userWith({
      permissions: ['system:audit:operation-log'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const seen = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(branch.token)
      .qs({ action: `${prefix}.x`, sort: 'username', order: 'asc' })
    assert.deepEqual(names(seen), ['bj_asset', 'bj_cy_am'])

    const self = await userWith({ permissions: ['system:audit:operation-log'], dataScope: 'self' })
    await audit.record(null, { action: `${prefix}.x`, actorUsername: self.user.username })
    const own = await client
      .get('/api/system/audit/operation-logs')
      .bearerToken(self.token)
      .qs({ action: `${prefix}.x` })
    assert.deepEqual(names(own), [self.user.username])
  })

  test('an entry shows masked before/after as a diff; outside the scope it is a 404', async ({
    client,
    assert,
  }) => {
    const action = uniqueAction('detail')
    await audit.record(null, {
      action,
      actorUsername: 'admin',
      entityType: 'customer',
      entityId: 42,
      before: { customerName: '张三', phone: '13812345678', level: 'B' },
      after: { customerName: '张三', phone: '13912345678', level: 'A' },
    })
    const row = await db.from('audit_logs').where('action', action).firstOrFail()
    const admin = await tokenFor('admin')
    const detail = await client.get(`/api/system/audit/operation-logs/${row.id}`).bearerToken(admin)
    detail.assertStatus(200)
    assert.containsSubset(detail.body(), {
      id: String(row.id),
      action,
      entityType: 'customer',
      entityId: '42',
      before: { customerName: '张*', phone: '138****5678', level: 'B' },
      after: { customerName: '张*', phone: '139****5678', level: 'A' },
    })
    assert.deepEqual(detail.body().changes, [
      { field: 'customerName', before: '张*', after: '张*', changed: false },
      { field: 'phone', before: '138****5678', after: '139****5678', changed: true },
      { field: 'level', before: 'B', after: 'A', changed: true },
    ])

    const branch = await userWith({
      permissions: ['system:audit:operation-log'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    ;(
      await client.get(`/api/system/audit/operation-logs/${row.id}`).bearerToken(branch.token)
    ).assertStatus(404)

    await loginEvent('admin', 'auth.login')
    const login = await db
      .from('audit_logs')
      .where('action', 'auth.login')
      .orderBy('id', 'desc')
      .firstOrFail()
    ;(
      await client.get(`/api/system/audit/operation-logs/${login.id}`).bearerToken(admin)
    ).assertStatus(404)
    ;(await client.get('/api/system/audit/operation-logs/abc').bearerToken(admin)).assertStatus(404)
  })

  test('each endpoint needs its permission code', async ({ client }) => {
    const nobody = await userWith({ permissions: [] })
    const loginOnly = await userWith({ permissions: ['system:audit:login-log'] })
    for (const path of [
      'login-logs',
      'operation-logs',
      'operation-logs/1',
      'operation-logs/actions',
    ]) {
      ;(await client.get(`/api/system/audit/${path}`).bearerToken(nobody.token)).assertStatus(403)
    }
    ;(
      await client.get('/api/system/audit/operation-logs').bearerToken(loginOnly.token)
    ).assertStatus(403)
    ;(
      await client.post('/api/system/audit/login-logs/export').bearerToken(loginOnly.token)
    ).assertStatus(403)
    ;(await client.get('/api/system/audit/login-logs')).assertStatus(401)
  })
})

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
        .where('action', 'audit.export_download')
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
    const now = dbNow()
    const [exportRole] = await db.table('roles').insert({
      code: `test_export_${process.pid}_${++seq}`,
      name: '导出',
      data_scope: 'all',
      sort: 99,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    await db
      .table('role_permissions')
      .insert({ role_id: exportRole, permission: 'system:audit:export' })
    await db.table('user_roles').insert({ user_id: branch.user.id, role_id: exportRole })
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
