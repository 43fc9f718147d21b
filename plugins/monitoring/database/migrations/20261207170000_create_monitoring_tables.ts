import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 全方位动态监测 (spec §2.1 客户视图):
| - monitoring_alerts: 智能预警's daily alerts, one row per alert number (a
|   repeated pull adds nothing); `effect` = 'lawsuit' when the alert is a suit the
|   bank filed, which a manager confirms into 时效 (disposal's limitation service).
| - monitoring_customer_master: our copy of 客户中心's master data per customer,
|   refreshed from it after the differences were shown and accepted.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('monitoring_alerts', (t) => {
      t.increments('id')
      t.string('alert_no', 64).notNullable().unique()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 32).notNullable()
      /** The customer's org and manager when the alert came (for the list's scope). */
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      /** new_lawsuit | executed_person | collateral_value_drop | equity_change */
      t.string('kind', 32).notNullable()
      t.string('title', 200).notNullable()
      t.string('level', 8).notNullable()
      t.string('source', 100).notNullable()
      t.date('occurred_on').notNullable()
      t.text('detail').notNullable()
      /** none | lawsuit (moves the limitation period once confirmed) */
      t.string('effect', 16).notNullable()
      /** null | pending | recorded */
      t.string('limitation_status', 16).nullable()
      t.integer('limitation_by').unsigned().nullable()
      t.timestamp('limitation_at').nullable()
      t.integer('notified').unsigned().notNullable().defaultTo(0)
      t.timestamp('created_at').notNullable()
      t.index(['customer_id', 'occurred_on'])
    })
    this.schema.createTable('monitoring_customer_master', (t) => {
      t.increments('id')
      t.integer('customer_id').unsigned().notNullable().unique()
      t.string('name', 200).notNullable()
      t.string('phone', 64).nullable()
      t.string('address', 300).nullable()
      t.string('legal_representative', 100).nullable()
      t.integer('refreshed_by').unsigned().notNullable()
      t.timestamp('refreshed_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('monitoring_customer_master')
    this.schema.dropTable('monitoring_alerts')
  }
}
