import { test } from '@japa/runner'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backupSqlite, restoreSqlite } from '#core/backup/database_dump'
import { compareCounts, countSqliteFile } from '#core/backup/table_counts'

/* The embedded mode's backup: SQLite's online backup API while a writer holds the file open. */
test.group('Backup and restore (SQLite)', (group) => {
  let dir: string
  group.each.setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'ram-sqlite-backup-'))
    return () => rmSync(dir, { recursive: true, force: true })
  })

  test('an online backup of a file in use restores with the same rows', async ({ assert }) => {
    const live = new Database(join(dir, 'live.sqlite3'))
    live.pragma('journal_mode = WAL')
    live.exec('create table loans (id integer primary key, loan_no text, balance_fen integer)')
    const insert = live.prepare('insert into loans (loan_no, balance_fen) values (?, ?)')
    for (let i = 1; i <= 500; i++) insert.run(`L${i}`, i * 100)
    // Still open, with the rows in its WAL: the backup must see them.
    await backupSqlite(join(dir, 'live.sqlite3'), join(dir, 'backup.sqlite3'))
    live.prepare('delete from loans where id > 100').run()
    live.close()

    restoreSqlite(join(dir, 'backup.sqlite3'), join(dir, 'restored.sqlite3'))
    const counts = countSqliteFile(join(dir, 'restored.sqlite3'))
    assert.deepEqual(counts, { loans: 500 })
    assert.deepEqual(compareCounts({ loans: 500 }, counts), [])
    assert.deepEqual(compareCounts({ loans: 500, users: 3 }, { loans: 499 }), [
      { table: 'loans', expected: 500, actual: 499 },
      { table: 'users', expected: 3, actual: null },
    ])
  })
})
