import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { connectionRetries, isConnectionLost, isReadOnlyStatement } from '#core/db/connection_retry'

/*
| A Galera node killed under HAProxy leaves dead sockets in the pool; here a real
| connection is killed (MariaDB `KILL <id>`) while its statement runs, which is
| what the app meets then: the statement fails with "Connection was killed" /
| "Connection lost". A read, and a transaction that has not written yet, run
| again on a fresh connection; a write is never repeated.
*/
const TABLE = 'test_connection_retry_rows'

/** Kills the connection running the statement tagged `tag` as soon as it shows up. */
async function killWhenRunning(tag: string) {
  for (let i = 0; i < 200; i++) {
    const [rows] = await db.rawQuery(
      `SELECT id FROM information_schema.processlist
       WHERE info LIKE ? AND id <> CONNECTION_ID() AND command = 'Query'`,
      [`%${tag}%`]
    )
    if (rows.length) {
      await db.rawQuery(`KILL CONNECTION ${Number(rows[0].id)}`)
      return Number(rows[0].id)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`statement ${tag} never ran`)
}

test.group('Connection retry', (group) => {
  group.each.setup(async () => {
    await db.rawQuery(`DROP TABLE IF EXISTS ${TABLE}`)
    await db.rawQuery(`CREATE TABLE ${TABLE} (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB`)
    await db.table(TABLE).insert({ id: 1, n: 0 })
    return () => db.rawQuery(`DROP TABLE IF EXISTS ${TABLE}`)
  })

  test('a read whose connection is killed mid-statement answers from a fresh connection', async ({
    assert,
  }) => {
    const before = connectionRetries.reads
    const tag = `ram_probe_read_${Date.now()}`
    const read = db.rawQuery(`SELECT SLEEP(1) AS ${tag}, CONNECTION_ID() AS id`).exec()
    const killed = await killWhenRunning(tag)
    const [rows] = await read
    assert.equal(connectionRetries.reads, before + 1)
    assert.notEqual(Number(rows[0].id), killed)
  }).timeout(20_000)

  test('a query builder read (the app’s usual read) is retried too', async ({ assert }) => {
    const before = connectionRetries.reads
    const tag = `ram_probe_qb_${Date.now()}`
    const read = db
      .from(TABLE)
      .select('n', db.raw(`SLEEP(1) AS ${tag}`))
      .where('id', 1)
      .first()
    await killWhenRunning(tag)
    const row = await read
    assert.equal(Number(row.n), 0)
    assert.equal(connectionRetries.reads, before + 1)
  }).timeout(20_000)

  test('a transaction that has only read runs again once when its connection dies', async ({
    assert,
  }) => {
    const before = connectionRetries.transactions
    const tag = `ram_probe_trx_${Date.now()}`
    let runs = 0
    const work = db.transaction(async (trx) => {
      runs++
      const [rows] = await trx.rawQuery(`SELECT n, SLEEP(1) AS ${tag} FROM ${TABLE} WHERE id = 1`)
      await trx.from(TABLE).where('id', 1).increment('n', 1)
      return Number(rows[0].n)
    })
    await killWhenRunning(tag)
    assert.equal(await work, 0)
    assert.equal(runs, 2)
    assert.equal(connectionRetries.transactions, before + 1)
    const row = await db.from(TABLE).where('id', 1).first()
    assert.equal(Number(row.n), 1, 'the increment landed once')
  }).timeout(20_000)

  test('a transaction that has written is not run again: the error reaches the caller', async ({
    assert,
  }) => {
    const before = { ...connectionRetries }
    const tag = `ram_probe_wrote_${Date.now()}`
    let runs = 0
    const work = db.transaction(async (trx) => {
      runs++
      await trx.from(TABLE).where('id', 1).increment('n', 1)
      await trx.rawQuery(`SELECT SLEEP(1) AS ${tag}`)
    })
    const outcome = work.then(
      () => null,
      (error) => error
    )
    await killWhenRunning(tag)
    const error = await outcome
    assert.isTrue(isConnectionLost(error), String(error))
    assert.equal(runs, 1)
    assert.deepEqual({ ...connectionRetries }, before)
    const row = await db.from(TABLE).where('id', 1).first()
    assert.equal(Number(row.n), 0, 'the server rolled the write back')
  }).timeout(20_000)

  test('an autocommit write is never repeated', async ({ assert }) => {
    const before = connectionRetries.reads
    const tag = `ram_probe_write_${Date.now()}`
    const write = db
      .rawQuery(`UPDATE ${TABLE} SET n = n + 1 + SLEEP(1) * 0 WHERE id = 1 AND '${tag}' <> ''`)
      .exec()
      .then(
        () => null,
        (error) => error
      )
    await killWhenRunning(tag)
    assert.isTrue(isConnectionLost(await write))
    assert.equal(connectionRetries.reads, before)
  }).timeout(20_000)

  test('idle pooled connections killed under the app: the next reads answer', async ({
    assert,
  }) => {
    // Fill the pool with idle connections, then kill every one of this database's.
    await Promise.all(Array.from({ length: 4 }, () => db.rawQuery('SELECT SLEEP(0.1)')))
    const [idle] = await db.rawQuery(
      `SELECT id FROM information_schema.processlist
       WHERE db = DATABASE() AND command = 'Sleep' AND id <> CONNECTION_ID()`
    )
    for (const { id } of idle) await db.rawQuery(`KILL CONNECTION ${Number(id)}`).catch(() => {})
    const reads = await Promise.all(
      Array.from({ length: 6 }, () => db.from(TABLE).where('id', 1).first())
    )
    assert.deepEqual(
      reads.map((r) => Number(r.n)),
      [0, 0, 0, 0, 0, 0]
    )
  }).timeout(20_000)

  test('what counts as a read', ({ assert }) => {
    for (const sql of [
      'select 1',
      ' SELECT * FROM t',
      'show status',
      'with a as (select 1) select * from a',
      '(select 1) union (select 2)',
    ])
      assert.isTrue(isReadOnlyStatement(sql), sql)
    for (const sql of [
      'insert into t values (1)',
      'update t set a = 1',
      'delete from t',
      'select * from t for update',
      'select 1 into @x',
      'replace into t values (1)',
      null,
    ])
      assert.isFalse(isReadOnlyStatement(sql), String(sql))
  })
})
