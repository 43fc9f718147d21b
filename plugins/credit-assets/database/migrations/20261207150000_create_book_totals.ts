import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 台账合计的日汇总 (snapshots/book_totals.ts): the risk assets' count and money
| sums per (org, manager, product, class, risk status) as of each snapshot,
| written by the snapshot step, and when that snapshot was taken. The live
| 合计 is that day's groups corrected by the loans changed since (found by
| updated_at, hence the two indexes). The (org_id | manager_id, entered_on)
| indexes serve the ledger's default page for a branch or a 仅本人 user:
| that scope's risk assets newest first, without reading loan rows.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_book_totals', (t) => {
      t.increments('id')
      t.date('snapshot_date').notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('product', 32).notNullable()
      t.string('five_class', 16).notNullable()
      t.string('risk_status', 16).notNullable()
      t.integer('loans').notNullable()
      for (const column of MONEY) t.bigInteger(column).notNullable()
      t.index(['snapshot_date', 'org_id'], 'ca_book_totals_date_org_index')
      t.index(['snapshot_date', 'manager_id'], 'ca_book_totals_date_manager_index')
    })
    this.schema.createTable('ca_book_total_runs', (t) => {
      t.date('snapshot_date').primary()
      /** Loans changed at or after this moment are corrected live (a few seconds before the snapshot read). */
      t.timestamp('taken_at').notNullable()
      t.integer('groups').notNullable()
    })
    this.schema.alterTable('ca_loans', (t) => {
      t.index(['updated_at'], 'ca_loans_updated_at_index')
    })
    this.schema.alterTable('ca_risk_assets', (t) => {
      t.index(['updated_at'], 'ca_risk_assets_updated_at_index')
      t.index(['org_id', 'entered_on'], 'ca_risk_assets_org_entered_index')
      t.index(['manager_id', 'entered_on'], 'ca_risk_assets_manager_entered_index')
    })
  }

  async down() {
    this.schema.alterTable('ca_risk_assets', (t) => {
      t.dropIndex(['manager_id', 'entered_on'], 'ca_risk_assets_manager_entered_index')
      t.dropIndex(['org_id', 'entered_on'], 'ca_risk_assets_org_entered_index')
      t.dropIndex(['updated_at'], 'ca_risk_assets_updated_at_index')
    })
    this.schema.alterTable('ca_loans', (t) => {
      t.dropIndex(['updated_at'], 'ca_loans_updated_at_index')
    })
    this.schema.dropTable('ca_book_total_runs')
    this.schema.dropTable('ca_book_totals')
  }
}

const MONEY = [
  'amount_fen',
  'balance_fen',
  'overdue_principal_fen',
  'overdue_interest_fen',
  'penalty_interest_fen',
  'compound_interest_fen',
  'on_balance_interest_fen',
  'off_balance_interest_fen',
]
