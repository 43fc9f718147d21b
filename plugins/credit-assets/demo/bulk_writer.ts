/*
| Multi-row INSERTs in batches, each batch in its own transaction, with a row
| count and timing per table. Built as raw `INSERT … VALUES (…),(…)` because
| it is the one form MySQL and SQLite both take, and it is far faster than
| per-row ORM saves. SQLite caps bound variables per statement, hence the
| per-table row cap.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

const SQLITE_MAX_VARIABLES = 30000

export class BulkWriter {
  readonly columns: string[]
  rows = 0
  ms = 0
  #buffer: unknown[] = []
  #bufferedRows = 0
  readonly #batchRows: number

  constructor(
    private client: QueryClientContract,
    readonly table: string,
    columns: string[],
    batchSize: number
  ) {
    this.columns = columns
    const isSqlite = client.dialect.name !== 'mysql'
    this.#batchRows = isSqlite
      ? Math.max(1, Math.min(batchSize, Math.floor(SQLITE_MAX_VARIABLES / columns.length)))
      : batchSize
  }

  /** Values in `columns` order. */
  async push(values: unknown[]) {
    for (const v of values) this.#buffer.push(v)
    if (++this.#bufferedRows >= this.#batchRows) await this.flush()
  }

  async flush() {
    if (!this.#bufferedRows) return
    const started = performance.now()
    const row = `(${this.columns.map(() => '?').join(',')})`
    const sql = `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${Array(this.#bufferedRows).fill(row).join(',')}`
    const bindings = this.#buffer
    this.rows += this.#bufferedRows
    this.#buffer = []
    this.#bufferedRows = 0
    await this.client.transaction(async (trx) => {
      await trx.rawQuery(sql, bindings as any[])
    })
    this.ms += performance.now() - started
  }
}
