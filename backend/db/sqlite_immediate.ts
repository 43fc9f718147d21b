/*
| SQLite (the embedded `npm start` mode) runs several connections in WAL mode. Knex opens a
| transaction with a plain `BEGIN` (deferred): it reads from a snapshot and asks for the write
| lock only at its first write. If another connection committed since that snapshot (the outbox
| deliverer, a background job), SQLite cannot upgrade it and answers SQLITE_BUSY at once —
| busy_timeout does not help — and the user gets 系统繁忙. `BEGIN IMMEDIATE` takes the write lock
| when the transaction opens, waiting up to busy_timeout for another writer, so transactions
| queue instead of failing. Readers are never blocked (WAL). MySQL/MariaDB are not affected.
*/
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function sqliteTransactionsBeginImmediate() {
  const SqliteTransaction = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js')
  SqliteTransaction.prototype.begin = function begin(conn: unknown) {
    return this.query(conn, 'BEGIN IMMEDIATE;')
  }
}
