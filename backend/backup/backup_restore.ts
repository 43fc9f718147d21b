/*
| `node ace backup:restore`: checks every file of the backup against its
| manifest hash first (a damaged backup restores nothing), loads the database
| into the target — a fresh MariaDB database, or a SQLite file — puts the
| uploaded files back, and compares each table's row count with the manifest.
| Restoring over a database that has tables, or over an existing SQLite file,
| needs `force`: the running app must be stopped for that.
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { BackupManifest } from './backup_create.js'
import { backupRoot, sha256File, uploadFolders } from './backup_files.js'
import { currentDatabase, restoreMysql, restoreSqlite, type MysqlTarget } from './database_dump.js'
import { runProcess } from './run_process.js'
import { compareCounts, countSqliteFile, countTables } from './table_counts.js'

export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** Backup folder name (under BACKUP_DIR) or path. */
  backup: string
  /** MariaDB: the database to restore into (default: the configured one). */
  database?: string
  /** SQLite: the file to restore into (default: the configured one). */
  sqliteFile?: string
  /** Where uploaded files go back (default: where this installation keeps them). */
  filesRoot?: string
  skipFiles?: boolean
  force?: boolean
}

export function readManifest(dir: string): BackupManifest {
  const file = join(dir, 'manifest.json')
  if (!existsSync(file))
    throw new RestoreRefused(`${dir} is not a complete backup (no manifest.json)`)
  return JSON.parse(readFileSync(file, 'utf8'))
}

async function verifyFiles(dir: string, manifest: BackupManifest) {
  for (const file of manifest.files) {
    const path = join(dir, file.name)
    if (!existsSync(path)) throw new RestoreRefused(`${file.name} is missing from the backup`)
    if ((await sha256File(path)) !== file.sha256)
      throw new RestoreRefused(`${file.name} does not match its SHA-256 in manifest.json`)
  }
}

async function mysqlTarget(options: RestoreOptions): Promise<MysqlTarget> {
  const current = currentDatabase()
  if (current.dialect !== 'mysql')
    throw new RestoreRefused(
      'This backup is of MariaDB/MySQL; configure DB_CONNECTION=mysql to restore it'
    )
  const target = { ...current.mysql, database: options.database ?? current.mysql.database }
  if (!/^[A-Za-z0-9_]{1,64}$/.test(target.database))
    throw new RestoreRefused(`"${target.database}" is not a valid database name`)
  const [rows] = await db
    .connection()
    .rawQuery('select count(*) as n from information_schema.tables where table_schema = ?', [
      target.database,
    ])
  if (Number(rows[0].n) > 0 && !options.force)
    throw new RestoreRefused(
      `Database ${target.database} has tables: restore into a new database (--database) or pass --force with the app stopped`
    )
  return target
}

async function countMysql(target: MysqlTarget) {
  const name = `backup_verify_${Date.now()}`
  const base = db.manager.get(db.primaryConnectionName)!.config as any
  db.manager.add(name, { ...base, connection: { ...base.connection, database: target.database } })
  try {
    return await countTables(db.connection(name))
  } finally {
    await db.manager.close(name, true)
  }
}

export async function restoreBackup(options: RestoreOptions) {
  const dir = isAbsolute(options.backup) ? options.backup : join(backupRoot(), options.backup)
  const manifest = readManifest(dir)
  await verifyFiles(dir, manifest)

  let restoredTo: string
  let counts
  if (manifest.dialect === 'mysql') {
    const target = await mysqlTarget(options)
    await restoreMysql(target, join(dir, 'database.sql.gz'))
    restoredTo = target.database
    counts = await countMysql(target)
  } else {
    const current = currentDatabase()
    const file = options.sqliteFile ?? (current.dialect === 'sqlite' ? current.file : null)
    if (!file) throw new RestoreRefused('Name the SQLite file to restore into (--sqlite-file)')
    if (existsSync(file) && !options.force)
      throw new RestoreRefused(
        `${file} exists: pass --force with the app stopped, or another --sqlite-file`
      )
    restoreSqlite(join(dir, 'database.sqlite3'), file)
    restoredTo = file
    counts = countSqliteFile(file)
  }

  const files: string[] = []
  if (!options.skipFiles) {
    const here = new Map(uploadFolders().map((f) => [f.name, f.path]))
    for (const name of manifest.uploads) {
      const target = options.filesRoot
        ? join(options.filesRoot, name)
        : (here.get(name) ?? app.tmpPath(name))
      mkdirSync(target, { recursive: true })
      await runProcess({
        command: 'tar',
        args: ['-xzf', join(dir, `files-${name}.tar.gz`), '-C', target],
      })
      files.push(target)
    }
  }
  return { manifest, restoredTo, files, differences: compareCounts(manifest.tables, counts) }
}
