import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 时点快照: each loan's state at the end of a business date, one compact row
| per (date, loan) written by the daily step credit-assets:loan-snapshot. The
| state columns carry the same names as in ca_loans, so an as-of query reads
| `ca_loan_snapshots WHERE snapshot_date = ?` in place of ca_loans (the static
| facts — loan number, amount, dates — stay in ca_loans). risk_status is the
| ca_risk_assets status that day, NULL for a loan not under risk management.
| One secondary index only: every index costs the nightly INSERT … SELECT.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_loan_snapshots', (t) => {
      t.date('snapshot_date').notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('product', 32).notNullable()
      t.string('five_class', 16).notNullable()
      t.string('status', 16).notNullable()
      t.string('risk_status', 16).nullable()
      t.bigInteger('balance_fen').notNullable()
      t.integer('overdue_days').notNullable()
      t.bigInteger('overdue_principal_fen').notNullable()
      t.bigInteger('overdue_interest_fen').notNullable()
      t.bigInteger('penalty_interest_fen').notNullable()
      t.bigInteger('compound_interest_fen').notNullable()
      t.bigInteger('on_balance_interest_fen').notNullable()
      t.bigInteger('off_balance_interest_fen').notNullable()
      t.primary(['snapshot_date', 'loan_id'])
      t.index(['snapshot_date', 'org_id'], 'ca_loan_snapshots_date_org_index')
    })
  }

  async down() {
    this.schema.dropTable('ca_loan_snapshots')
  }
}
