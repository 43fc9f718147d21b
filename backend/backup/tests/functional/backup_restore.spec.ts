import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackup, pruneBackups } from '#core/backup/backup_create'
import { restoreBackup, RestoreRefused } from '#core/backup/backup_restore'

/*
| backup:create / backup:restore on MariaDB: a backup restores into a fresh
| database with the same rows, the uploaded files come back, a damaged backup
| restores nothing, and the live database is never overwritten by accident.
*/
const RESTORED = `${process.env.DB_DATABASE ?? 'ram_test'}_restored`
const PROBE = app.tmpPath('backup-probe-files')

async function dropRestored() {
  await db.connection().rawQuery(`drop database if exists \`${RESTORED}\``)
}

async function readRestored<T>(read: (client: ReturnType<typeof db.connection>) => Promise<T>) {
  const base = db.manager.get(db.primaryConnectionName)!.config as any
  db.manager.add('restored_probe', {
    ...base,
    connection: { ...base.connection, database: RESTORED },
  })
  try {
    return await read(db.connection('restored_probe'))
  } finally {
    await db.manager.close('restored_probe', true)
  }
}

test.group('Backup and restore (MariaDB)', (group) => {
  let root: string
  group.each.setup(async () => {
    root = mkdtempSync(join(tmpdir(), 'ram-backup-'))
    mkdirSync(join(PROBE, 'case-1'), { recursive: true })
    writeFileSync(join(PROBE, 'case-1', '起诉状.pdf'), '%PDF-1.4 probe')
    await dropRestored()
    return async () => {
      rmSync(root, { recursive: true, force: true })
      rmSync(PROBE, { recursive: true, force: true })
      await dropRestored()
    }
  })

  test('a backup restores into a fresh database with the same rows and files', async ({
    assert,
  }) => {
    const { dir, manifest } = await createBackup({ root })
    assert.equal(manifest.dialect, 'mysql')
    // Other tests' upload folders (tmp/*-files) are in it too: the probe's and the dump must be.
    assert.includeMembers(
      manifest.files.map((f) => f.name),
      ['database.sql.gz', 'files-backup-probe-files.tar.gz']
    )
    for (const file of manifest.files) assert.match(file.sha256, /^[0-9a-f]{64}$/)
    const users = await db.from('users').orderBy('id').select('id', 'username', 'password')
    assert.equal(manifest.tables.users, users.length)
    assert.isAbove(users.length, 0)

    const filesRoot = join(root, 'files')
    const report = await restoreBackup({ backup: dir, database: RESTORED, filesRoot })
    assert.equal(report.restoredTo, RESTORED)
    assert.deepEqual(report.differences, [])
    const restoredUsers = await readRestored((c) =>
      c.from('users').orderBy('id').select('id', 'username', 'password')
    )
    assert.deepEqual(restoredUsers, users)
    assert.equal(
      readFileSync(join(filesRoot, 'backup-probe-files', 'case-1', '起诉状.pdf'), 'utf8'),
      '%PDF-1.4 probe'
    )
  })

  test('a damaged backup restores nothing', async ({ assert }) => {
    const { dir } = await createBackup({ root })
    appendFileSync(join(dir, 'database.sql.gz'), 'x')
    await assert.rejects(
      () => restoreBackup({ backup: dir, database: RESTORED, skipFiles: true }),
      /database\.sql\.gz does not match its SHA-256/
    )
    const [rows] = await db
      .connection()
      .rawQuery('select count(*) as n from information_schema.schemata where schema_name = ?', [
        RESTORED,
      ])
    assert.equal(Number(rows[0].n), 0, 'the target database was never created')
  })

  test('the live database is not overwritten without --force; bad names are refused', async ({
    assert,
  }) => {
    const { dir } = await createBackup({ root })
    const live = await restoreBackup({ backup: dir, skipFiles: true }).catch((e) => e)
    assert.instanceOf(live, RestoreRefused)
    assert.match(live.message, /has tables/)
    const bad = await restoreBackup({ backup: dir, database: 'x`; drop', skipFiles: true }).catch(
      (e) => e
    )
    assert.instanceOf(bad, RestoreRefused)
  })

  test('pruning keeps the newest backups and removes interrupted ones', async ({ assert }) => {
    for (const name of [
      'ram-20261201-020000-000',
      'ram-20261202-020000-000',
      'ram-20261203-020000-000',
    ])
      mkdirSync(join(root, name))
    mkdirSync(join(root, 'ram-20261204-020000-000.partial'))
    const removed = pruneBackups(2, root)
    assert.sameMembers(removed, ['ram-20261201-020000-000', 'ram-20261204-020000-000.partial'])
  })
})
