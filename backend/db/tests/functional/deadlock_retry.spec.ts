import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { deadlockRetries, isRetryableConflict } from '#core/db/deadlock_retry'

/*
| Two managed transactions lock two rows in opposite order: InnoDB kills one as
| the deadlock victim. With the retry installed (config/database.ts) the victim
| runs again and both units complete — both increments land, no error escapes.
*/
const TABLE = 'test_deadlock_rows'

async function lockInOrder(first: number, second: number, gate: Promise<void>, arrived: () => void) {
  return db.transaction(async (trx) => {
    await trx.from(TABLE).where('id', first).increment('hits', 1)
    arrived()
    await gate
    await trx.from(TABLE).where('id', second).increment('hits', 1)
    return 'done'
  })
}

test.group('Deadlock retry', (group) => {
  group.each.setup(async () => {
    await db.rawQuery(`DROP TABLE IF EXISTS ${TABLE}`)
    await db.rawQuery(`CREATE TABLE ${TABLE} (id INT PRIMARY KEY, hits INT NOT NULL) ENGINE=InnoDB`)
    await db.table(TABLE).multiInsert([
      { id: 1, hits: 0 },
      { id: 2, hits: 0 },
    ])
    return () => db.rawQuery(`DROP TABLE IF EXISTS ${TABLE}`)
  })

  test('a deadlock victim runs its transaction again and both complete', async ({ assert }) => {
    const before = deadlockRetries.count
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let arrivals = 0
    const arrived = () => {
      // Both hold their first row: now each asks for the other's, a real deadlock.
      if (++arrivals === 2) setTimeout(release, 50)
    }
    const results = await Promise.all([lockInOrder(1, 2, gate, arrived), lockInOrder(2, 1, gate, arrived)])
    assert.deepEqual(results, ['done', 'done'])
    const rows = await db.from(TABLE).orderBy('id')
    assert.deepEqual(
      rows.map((r) => Number(r.hits)),
      [2, 2]
    )
    assert.isAbove(deadlockRetries.count, before)
  }).timeout(30_000)

  test('other errors are not retried', async ({ assert }) => {
    let runs = 0
    await assert.rejects(() =>
      db.transaction(async () => {
        runs++
        throw new Error('not a deadlock')
      })
    )
    assert.equal(runs, 1)
    assert.isFalse(isRetryableConflict(new Error('x')))
    assert.isTrue(isRetryableConflict({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }))
    // Galera's certification failure carries the same number.
    assert.isTrue(isRetryableConflict({ errno: 1213, sqlMessage: 'WSREP detected deadlock/conflict' }))
  })
})
