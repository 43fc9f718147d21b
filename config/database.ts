import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import { enabledPlugins } from '#core/plugins/registry'
import { sqliteTransactionsBeginImmediate } from '#core/db/sqlite_immediate'
import { installTransactionRetry } from '#core/db/deadlock_retry'
import { installConnectionRetry } from '#core/db/connection_retry'

/*
| Migrations: core's folder first, then each enabled plugin's folder in dependency
| order. Lucid runs the paths in this order and records each file's path in
| adonis_schema, so a released migration file must never move.
*/
const plugins = await enabledPlugins()
const migrationPaths = ['./database/migrations', ...plugins.map((p) => p.migrationsPath)]

const sqliteFile = env.get('SQLITE_FILE', 'tmp/ram.sqlite3')
// Transactions queue for the write lock instead of failing with SQLITE_BUSY (see the file).
if (env.get('DB_CONNECTION', 'sqlite') === 'sqlite') sqliteTransactionsBeginImmediate()
// A deadlock victim or a Galera certification failure runs its transaction again (see the file).
installTransactionRetry()
// A read, or a transaction before its first write, meeting a dead pooled connection runs again once.
installConnectionRetry()

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  connections: {
    /* Embedded, zero-server default of `npm start`. */
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: sqliteFile.startsWith('/') ? sqliteFile : app.makePath(sqliteFile) },
      useNullAsDefault: true,
      migrations: { naturalSort: true, paths: migrationPaths },
      /*
      | Several connections (WAL lets readers run beside a writer): with Knex's
      | default of one, a read made outside an open transaction — a parameter,
      | the holiday calendar — would wait for that transaction forever. A
      | second writer waits up to busy_timeout instead of failing at once.
      | Foreign keys are off by default in SQLite; turn them on to behave like MySQL.
      */
      pool: {
        min: 1,
        max: 4,
        afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => {
          conn.pragma('foreign_keys = ON')
          conn.pragma('journal_mode = WAL')
          conn.pragma('busy_timeout = 10000')
          done(null, conn)
        },
      },
    },
    /* Production (MariaDB 10.11 / MySQL 8 / TiDB / OceanBase) and the test suite. */
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('DB_HOST', '127.0.0.1'),
        port: env.get('DB_PORT', 3306),
        user: env.get('DB_USER', 'root'),
        password: env.get('DB_PASSWORD', ''),
        database: env.get('DB_DATABASE', 'risk_assets'),
        charset: 'utf8mb4',
        // DECIMAL and BIGINT come back as strings: money never passes through a JS float.
        decimalNumbers: false,
        supportBigNumbers: true,
        bigNumberStrings: true,
        dateStrings: ['DATE'],
      },
      migrations: { naturalSort: true, paths: migrationPaths },
      // Per process: web nodes and `queue:work` workers each have their own pool, sized apart
      // (DB_POOL_MAX), so a batch on a worker never takes the connections online requests use.
      pool: { min: 0, max: env.get('DB_POOL_MAX', 10) },
    },
  },
})

export default dbConfig
