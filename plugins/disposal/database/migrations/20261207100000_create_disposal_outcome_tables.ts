import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 处置结果 (disposal outcomes): one append-only row per disposal carried out —
| written by whichever plugin completed it (清收 from credit-assets'
| repayments, later 诉讼, 核销, 减免, 转让 …) through the disposal plugin's
| public service (services/outcomes_api.ts). Rows are never updated: a
| correction is a reversing row (`reverses_id`, amounts negated) plus a new one.
|
| Money is BIGINT fen (signed: a reversal is negative). `org_id` / `manager_id`
| are the loans' booking org and manager (the data scope, and whose 压降/清收
| it is). `recorded_on` is the business date the row was written: the ledger's
| as-of date reads rows recorded on or before it.
| (source_plugin, source_ref) is unique: the same completion recorded twice is
| one outcome. A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('disposal_outcomes', (t) => {
      t.increments('id')
      t.string('source_plugin', 64).notNullable()
      t.string('source_ref', 128).notNullable()
      /** Console path of the source record (opened from the ledger), or null. */
      t.string('source_link', 300).nullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 32).notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      /** disposal_method dictionary code. */
      t.string('method', 32).notNullable()
      t.date('completed_on').notNullable()
      t.date('recorded_on').notNullable()
      t.bigInteger('cash_recovered_fen').notNullable()
      t.bigInteger('non_cash_recovered_fen').notNullable()
      t.bigInteger('written_off_fen').notNullable()
      t.bigInteger('relieved_fen').notNullable()
      t.bigInteger('loss_fen').notNullable()
      t.bigInteger('fees_fen').notNullable()
      /** 压降: how much the risk-asset balance came down. */
      t.bigInteger('balance_reduced_fen').notNullable()
      t.integer('plan_id').unsigned().nullable()
      /** Set on a reversing row: the outcome it cancels. */
      t.integer('reverses_id').unsigned().nullable()
      t.string('remark', 500).nullable()
      t.integer('created_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.unique(['source_plugin', 'source_ref'])
      t.index(['org_id', 'completed_on'])
      t.index(['completed_on', 'method'])
      t.index(['recorded_on'])
      t.index(['customer_id'])
      t.index(['plan_id'])
      t.index(['reverses_id'])
    })

    this.schema.createTable('disposal_outcome_loans', (t) => {
      t.increments('id')
      t.integer('outcome_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.index(['outcome_id'])
      t.index(['loan_id'])
    })
  }

  async down() {
    this.schema.dropTable('disposal_outcome_loans')
    this.schema.dropTable('disposal_outcomes')
  }
}
