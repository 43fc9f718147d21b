/*
| `node ace backup:create` and the nightly job: one folder per backup under
| BACKUP_DIR holding the database (database.sql.gz or database.sqlite3), the
| uploaded files (files.tar.gz) and manifest.json — what was taken, when, by
| which version, each file's SHA-256 and each table's row count. The folder is
| written under a temporary name and renamed at the end: a folder without the
| `.partial` suffix is always a complete backup.
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { backupRoot, sha256File, uploadFolders } from './backup_files.js'
import { backupSqlite, currentDatabase, dumpMysql } from './database_dump.js'
import { runProcess } from './run_process.js'
import { countTables, type TableCounts } from './table_counts.js'

export interface BackupManifest {
  format: 1
  name: string
  createdAt: string
  appVersion: string
  dialect: 'mysql' | 'sqlite'
  /** The database name (MariaDB) or file (SQLite) it was taken from. */
  source: string
  files: { name: string; bytes: number; sha256: string }[]
  uploads: string[]
  tables: TableCounts
}

const appVersion = () =>
  JSON.parse(readFileSync(app.makePath('package.json'), 'utf8')).version as string

export async function createBackup(options: { root?: string } = {}) {
  const root = options.root ?? backupRoot()
  const name = `ram-${DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyLLdd-HHmmss-SSS')}`
  const partial = join(root, `${name}.partial`)
  mkdirSync(partial, { recursive: true })
  try {
    const source = currentDatabase()
    const written: string[] = []
    if (source.dialect === 'mysql') {
      await dumpMysql(source.mysql, join(partial, 'database.sql.gz'))
      written.push('database.sql.gz')
    } else {
      await backupSqlite(source.file, join(partial, 'database.sqlite3'))
      written.push('database.sqlite3')
    }
    const tables = await countTables(db.connection())
    const uploads = uploadFolders()
    for (const folder of uploads) {
      // One archive per folder: a restore puts each back where this installation keeps it.
      const file = `files-${folder.name}.tar.gz`
      await runProcess({
        command: 'tar',
        args: ['-czf', join(partial, file), '-C', folder.path, '.'],
      })
      written.push(file)
    }
    const manifest: BackupManifest = {
      format: 1,
      name,
      createdAt: DateTime.now().setZone('Asia/Shanghai').toISO()!,
      appVersion: appVersion(),
      dialect: source.dialect,
      source: source.dialect === 'mysql' ? source.mysql.database : source.file,
      files: await Promise.all(
        written.map(async (file) => ({
          name: file,
          bytes: statSync(join(partial, file)).size,
          sha256: await sha256File(join(partial, file)),
        }))
      ),
      uploads: uploads.map((u) => u.name),
      tables,
    }
    writeFileSync(join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2))
    const dir = join(root, name)
    renameSync(partial, dir)
    return { dir, manifest }
  } catch (error) {
    rmSync(partial, { recursive: true, force: true })
    throw error
  }
}

/** Keeps the newest `keep` complete backups; older ones and stale `.partial` folders go. */
export function pruneBackups(keep: number, root = backupRoot()) {
  const entries = readdirSync(root, { withFileTypes: true }).filter(
    (e) => e.isDirectory() && e.name.startsWith('ram-')
  )
  const complete = entries
    .filter((e) => !e.name.endsWith('.partial'))
    .map((e) => e.name)
    .sort()
  const removed = [
    ...complete.slice(0, Math.max(0, complete.length - keep)),
    ...entries.filter((e) => e.name.endsWith('.partial')).map((e) => e.name),
  ]
  for (const name of removed) rmSync(join(root, name), { recursive: true, force: true })
  return removed
}
