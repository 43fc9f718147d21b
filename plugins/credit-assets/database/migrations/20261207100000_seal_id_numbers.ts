import { BaseSchema } from '@adonisjs/lucid/schema'
import { reveal, seal } from '#core/security/sensitive/index'

/*
| 证件号码 encrypted at rest (docs/security.md "Sensitive fields"): the customer's
| and the guarantor's ID number get a ciphertext column and a blind-index column;
| the old column keeps only the masked text, which is what every reader shows.
| Existing rows are sealed in batches of BATCH by id (one transaction per batch,
| so a million customers never hold one long lock), resumable: a row already
| sealed has its `_enc` set and is skipped.
*/
const BATCH = 1000

const TARGETS = [
  { table: 'ca_customers', column: 'id_no' },
  { table: 'ca_guarantees', column: 'guarantor_id_no' },
]

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_customers', (t) => {
      t.string('id_no_enc', 255).nullable()
      t.string('id_no_hash', 64).nullable()
      t.index(['id_no_hash'])
    })
    this.schema.alterTable('ca_guarantees', (t) => {
      t.string('guarantor_id_no_enc', 255).nullable()
      t.string('guarantor_id_no_hash', 64).nullable()
      t.index(['guarantor_id_no_hash'])
    })
    this.defer(async (db) => {
      for (const { table, column } of TARGETS) {
        let after = 0
        for (;;) {
          const rows = await db
            .from(table)
            .where('id', '>', after)
            .whereNull(`${column}_enc`)
            .whereNotNull(column)
            .orderBy('id')
            .limit(BATCH)
            .select('id', column)
          if (!rows.length) break
          await db.transaction(async (trx) => {
            for (const row of rows) {
              const s = seal('idNumber', row[column])
              await trx
                .from(table)
                .where('id', row.id)
                .update({
                  [column]: s.masked,
                  [`${column}_enc`]: s.enc,
                  [`${column}_hash`]: s.hash,
                })
            }
          })
          after = Number(rows[rows.length - 1].id)
        }
      }
    })
  }

  /** Puts the clear values back (needs the same key), then drops the columns. */
  async down() {
    this.defer(async (db) => {
      for (const { table, column } of TARGETS) {
        let after = 0
        for (;;) {
          const rows = await db
            .from(table)
            .where('id', '>', after)
            .whereNotNull(`${column}_enc`)
            .orderBy('id')
            .limit(BATCH)
            .select('id', `${column}_enc as enc`)
          if (!rows.length) break
          await db.transaction(async (trx) => {
            for (const row of rows)
              await trx
                .from(table)
                .where('id', row.id)
                .update({ [column]: reveal(row.enc) })
          })
          after = Number(rows[rows.length - 1].id)
        }
      }
    })
    this.schema.alterTable('ca_customers', (t) => {
      t.dropIndex(['id_no_hash'])
      t.dropColumn('id_no_enc')
      t.dropColumn('id_no_hash')
    })
    this.schema.alterTable('ca_guarantees', (t) => {
      t.dropIndex(['guarantor_id_no_hash'])
      t.dropColumn('guarantor_id_no_enc')
      t.dropColumn('guarantor_id_no_hash')
    })
  }
}
