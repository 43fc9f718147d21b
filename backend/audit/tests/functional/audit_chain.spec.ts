import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { audit, type AuditEntry } from '#core/audit/audit'
import { appendToChain, type AuditRowContent } from '#core/audit/hash_chain'
import { verifyAuditChain } from '#core/audit/verify'
import env from '#start/env'
import { uniqueAction } from '#tests/helpers/audit'

/*
| 审计日志: the hash chain (tampering found by audit:verify's logic) and masking on
| the way in.
*/

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
