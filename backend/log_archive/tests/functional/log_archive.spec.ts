import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { audit } from '#core/audit/audit'
import { verifyAuditChain } from '#core/audit/verify'
import { archiveLogs } from '#core/log_archive/archive_logs'
import { archiveOlderThan } from '#core/log_archive/archive_job'
import { readArchive } from '#core/log_archive/archive_files'
import { uniqueAction } from '#tests/helpers/audit'

/*
| 日志归档与清理: rows past the retention period move into archive files that
| `audit:verify` walks with the live rows as one chain; a broken chain is never
| archived; an altered archive is found.
*/
const FUTURE = DateTime.now().plus({ days: 1 }).toFormat('yyyy-MM-dd HH:mm:ss')

async function record(count: number) {
  const action = uniqueAction('archive')
  for (let i = 1; i <= count; i++)
    await audit.record(null, { action, entityType: 'thing', entityId: i, after: { n: i } })
  return (await db.from('audit_logs').where('action', action).orderBy('id')).map((r) =>
    String(r.id)
  )
}

test.group('Log retention (archive and clean up)', (group) => {
  let dir: string
  group.each.setup(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ram-log-archive-'))
    process.env.LOG_ARCHIVE_DIR = dir
    const rollback = await testUtils.db().withGlobalTransaction()
    return async () => {
      await rollback()
      delete process.env.LOG_ARCHIVE_DIR
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('archived and live rows verify as one chain', async ({ assert }) => {
    await record(5)
    const live = Number((await db.from('audit_logs').count('* as n').first()).n)
    const report = await archiveLogs('audit_logs', FUTURE, { batchSize: 3 })
    assert.equal(report.rows, live)
    assert.equal(report.files, Math.ceil(live / 3))
    assert.isUndefined(report.stoppedAt)
    assert.equal(Number((await db.from('audit_logs').count('* as n').first()).n), 0)

    const archives = await db.from('log_archives').where('kind', 'audit_logs').orderBy('first_id')
    assert.equal(String(archives[0].first_id), '1')
    for (let i = 1; i < archives.length; i++)
      assert.equal(BigInt(archives[i].first_id), BigInt(archives[i - 1].last_id) + 1n)

    const after = await record(2)
    const verified = await verifyAuditChain({ batchSize: 2 })
    assert.containsSubset(verified, { ok: true, archived: live, count: live + 2, lastId: after[1] })
  })

  test('an altered archive file breaks the chain at its first row', async ({ assert }) => {
    await record(4)
    await archiveLogs('audit_logs', FUTURE, { batchSize: 2 })
    const second = (
      await db.from('log_archives').where('kind', 'audit_logs').orderBy('first_id')
    )[1]
    appendFileSync(join(dir, second.file_name), 'x')
    const report = await verifyAuditChain()
    assert.containsSubset(report, {
      ok: false,
      reason: 'archive_mismatch',
      brokenId: String(second.first_id),
    })
  })

  test('a tampered row is never archived: archiving stops before its batch', async ({ assert }) => {
    const ids = await record(6)
    await db.from('audit_logs').where('id', ids[3]).update({ detail: 'edited' })
    const report = await archiveLogs('audit_logs', FUTURE, { batchSize: 1 })
    assert.equal(report.stoppedAt, ids[3])
    assert.isNotNull(
      await db.from('audit_logs').where('id', ids[3]).first(),
      'the evidence stays live'
    )
    assert.isNull(await db.from('audit_logs').where('id', ids[2]).first())
    assert.containsSubset(await verifyAuditChain(), {
      ok: false,
      reason: 'hash_mismatch',
      brokenId: ids[3],
    })
  })

  test('external calls older than the retention period move to a file, newer ones stay', async ({
    assert,
  }) => {
    const at = (days: number) => DateTime.now().minus({ days }).toFormat('yyyy-MM-dd HH:mm:ss.SSS')
    const call = (days: number, key: string) => ({
      system_code: 'core-banking',
      interface_code: 'posting',
      direction: 'outbound',
      started_at: at(days),
      duration_ms: 12,
      status: 'success',
      attempt: 1,
      idempotency_key: key,
    })
    await db.from('connector_calls').delete()
    await db
      .table('connector_calls')
      .multiInsert([call(40, 'old-1'), call(31, 'old-2'), call(2, 'recent')])
    const { reports } = await archiveOlderThan(30)
    const calls = reports.find((r) => r.kind === 'connector_calls')!
    assert.equal(calls.rows, 2)
    const remaining = await db.from('connector_calls').select('idempotency_key')
    assert.deepEqual(
      remaining.map((r) => r.idempotency_key),
      ['recent']
    )

    const archive = await db.from('log_archives').where('kind', 'connector_calls').firstOrFail()
    const keys: string[] = []
    for await (const row of readArchive(archive.file_name)) keys.push(row.idempotency_key)
    assert.sameMembers(keys, ['old-1', 'old-2'])
  })
})
