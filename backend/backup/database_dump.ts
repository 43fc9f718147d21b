/*
| The database half of a backup. MariaDB/MySQL: a logical dump by mariadb-dump
| in one consistent snapshot (--single-transaction: InnoDB keeps serving while it
| runs, no table locks), gzipped, without CREATE DATABASE so it restores into any
| database name. SQLite: SQLite's online backup API, which copies a consistent
| image while the app keeps writing (WAL).
*/
import db from '@adonisjs/lucid/services/db'
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { runProcess } from './run_process.js'

export interface MysqlTarget {
  host: string
  port: number
  user: string
  password: string
  database: string
}

export type DatabaseSource =
  { dialect: 'mysql'; mysql: MysqlTarget } | { dialect: 'sqlite'; file: string }

/** The primary connection as the app is configured (config/database.ts). */
export function currentDatabase(): DatabaseSource {
  const config = db.manager.get(db.primaryConnectionName)!.config as any
  if (config.client === 'better-sqlite3' || config.client === 'sqlite3')
    return { dialect: 'sqlite', file: config.connection.filename }
  const c = config.connection
  return {
    dialect: 'mysql',
    mysql: {
      host: c.host ?? '127.0.0.1',
      port: Number(c.port ?? 3306),
      user: c.user ?? 'root',
      password: c.password ?? '',
      database: c.database,
    },
  }
}

const clientArgs = (t: MysqlTarget) => [`-h${t.host}`, `-P${t.port}`, `-u${t.user}`]
const passwordEnv = (t: MysqlTarget): Record<string, string> =>
  t.password ? { MYSQL_PWD: t.password } : {}

export async function dumpMysql(source: MysqlTarget, gzFile: string) {
  await runProcess({
    command: 'mariadb-dump',
    args: [
      ...clientArgs(source),
      '--single-transaction',
      '--quick',
      '--skip-lock-tables',
      '--hex-blob',
      '--default-character-set=utf8mb4',
      '--no-tablespaces',
      source.database,
    ],
    env: passwordEnv(source),
    gzipStdoutTo: gzFile,
  })
}

export async function restoreMysql(target: MysqlTarget, gzFile: string) {
  const name = target.database.replace(/`/g, '``')
  await runProcess({
    command: 'mariadb',
    args: [
      ...clientArgs(target),
      '-e',
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4`,
    ],
    env: passwordEnv(target),
  })
  await runProcess({
    command: 'mariadb',
    args: [...clientArgs(target), '--default-character-set=utf8mb4', target.database],
    env: passwordEnv(target),
    gunzipStdinFrom: gzFile,
  })
}

export async function backupSqlite(file: string, target: string) {
  const source = new Database(file, { readonly: true, fileMustExist: true })
  try {
    await source.backup(target)
  } finally {
    source.close()
  }
}

export function restoreSqlite(backupFile: string, target: string) {
  // A stale -wal beside the restored file would be replayed over it on the next open.
  for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) rmSync(target + suffix)
  copyFileSync(backupFile, target)
}
