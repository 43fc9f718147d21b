import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Dashboard groups written by the snapshot step (snapshots/dashboard_totals.ts):
| the active book per (org, manager, 五级分类) for 五级分类分布, and the
| managed risk assets per (customer, org, manager) for 风险客户排名; read live
| with the loans changed since the snapshot (ca_book_total_runs.taken_at).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_class_totals', (t) => {
      t.increments('id')
      t.date('snapshot_date').notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('five_class', 16).notNullable()
      t.integer('loans').notNullable()
      t.bigInteger('balance_fen').notNullable()
      t.index(['snapshot_date', 'org_id'], 'ca_class_totals_date_org_index')
      t.index(['snapshot_date', 'manager_id'], 'ca_class_totals_date_manager_index')
    })
    this.schema.createTable('ca_customer_risk_totals', (t) => {
      t.increments('id')
      t.date('snapshot_date').notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('loans').notNullable()
      t.bigInteger('balance_fen').notNullable()
      t.index(['snapshot_date', 'org_id'], 'ca_customer_risk_totals_date_org_index')
      t.index(['snapshot_date', 'manager_id'], 'ca_customer_risk_totals_date_manager_index')
    })
  }

  async down() {
    this.schema.dropTable('ca_customer_risk_totals')
    this.schema.dropTable('ca_class_totals')
  }
}
