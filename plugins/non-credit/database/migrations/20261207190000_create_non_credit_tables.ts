import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 非信贷资产管理 (spec §4):
| - non_credit_assets: one row per asset 数据中台 reports (同业资产, 投资类资产,
|   应收款项, 表外垫款, 其他), keyed by the platform's `source_id`; figures in fen.
|   `fed_class` is the class the platform last reported, `five_class` the one in
|   force (a platform change applies at once; a clerk's change after approval).
| - non_credit_asset_days: the figures of each business date the feed ran, so the
|   台账 shows any past date as it was (one row per asset and date).
| - non_credit_class_changes: the classification history — the platform's
|   changes and the clerks' applications with their approval status.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('non_credit_assets', (t) => {
      t.increments('id')
      t.string('source_id', 64).notNullable().unique()
      t.string('asset_no', 64).notNullable()
      /** interbank | investment | receivable | advance | other */
      t.string('asset_type', 24).notNullable()
      /** e.g. bond, am_plan, trust, acceptance_advance … (dictionary non_credit_sub_type) */
      t.string('sub_type', 32).notNullable()
      t.string('asset_name', 200).notNullable()
      t.string('counterparty', 200).notNullable()
      /** The book's customer when the counterparty is one (matched by customer number). */
      t.string('customer_no', 64).nullable()
      t.integer('customer_id').unsigned().nullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('book_value_fen').notNullable()
      t.bigInteger('accrued_interest_fen').notNullable()
      t.bigInteger('provision_fen').notNullable()
      t.string('five_class', 24).notNullable()
      t.string('fed_class', 24).notNullable()
      t.integer('overdue_days').notNullable()
      t.date('start_date').notNullable()
      t.date('maturity_date').nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.date('last_fed_on').notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id'])
      t.index(['customer_id'])
      t.index(['asset_type', 'five_class'])
    })
    this.schema.createTable('non_credit_asset_days', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.date('business_date').notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('book_value_fen').notNullable()
      t.bigInteger('accrued_interest_fen').notNullable()
      t.bigInteger('provision_fen').notNullable()
      t.string('five_class', 24).notNullable()
      t.integer('overdue_days').notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.unique(['asset_id', 'business_date'])
      t.index(['business_date', 'org_id'])
    })
    this.schema.createTable('non_credit_class_changes', (t) => {
      t.increments('id')
      t.integer('asset_id').unsigned().notNullable()
      t.string('from_class', 24).notNullable()
      t.string('to_class', 24).notNullable()
      /** feed 数据中台 | manual 人工调整 */
      t.string('source', 16).notNullable()
      /** effective | pending | returned | rejected | withdrawn */
      t.string('status', 16).notNullable()
      t.string('reason', 500).nullable()
      t.integer('workflow_instance_id').unsigned().nullable()
      t.date('effective_on').nullable()
      t.integer('applied_by').unsigned().nullable()
      t.integer('decided_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['asset_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('non_credit_class_changes')
    this.schema.dropTable('non_credit_asset_days')
    this.schema.dropTable('non_credit_assets')
  }
}
