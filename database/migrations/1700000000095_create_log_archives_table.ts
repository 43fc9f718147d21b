import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 日志归档: one row per archive file of log rows moved out of the live tables
| (audit_logs, connector_calls) after the retention period. For the audit chain
| it keeps the ids and the hashes at both ends, so `audit:verify` can walk the
| archives and the live rows as one chain; each file's SHA-256 makes a changed or
| swapped file show.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('log_archives', (table) => {
      table.bigIncrements('id')
      /** audit_logs | connector_calls */
      table.string('kind', 32).notNullable()
      table.bigInteger('first_id').notNullable()
      table.bigInteger('last_id').notNullable()
      table.integer('row_count').notNullable()
      /** Audit chain only: prev_hash of the first row and hash of the last. */
      table.string('first_prev_hash', 64).nullable()
      table.string('last_hash', 64).nullable()
      table.string('file_name', 200).notNullable()
      table.bigInteger('bytes').notNullable()
      table.string('sha256', 64).notNullable()
      /** Rows written before this local time were archived. */
      table.dateTime('cutoff').notNullable()
      table.dateTime('created_at').notNullable()
      table.unique(['kind', 'first_id'])
    })
  }

  async down() {
    this.schema.dropTable('log_archives')
  }
}
