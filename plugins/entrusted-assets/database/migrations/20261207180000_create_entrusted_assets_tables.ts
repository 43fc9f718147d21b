import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 受托资产台账 and 特定资产台账 (spec §2.9):
| - entrusted_assets: assets the bank manages on behalf of a principal (an AMC,
|   a trust …): contract, principal, fee rate and the fee (principal × rate,
|   rounded once to the fen), the period. `registered_on` / `ended_on` are
|   business dates, so the ledger shows what was under management on any day.
| - entrusted_special_rules: configurable rules flagging risk assets as 特定资产
|   (category, minimum balance, customer industry).
| - entrusted_special_assets: the flagged risk assets (by a rule or by hand), with
|   the balance when flagged; `flagged_on` / `unflagged_on` for the as-of view.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('entrusted_assets', (t) => {
      t.increments('id')
      t.string('contract_no', 64).notNullable().unique()
      /** 委托方 (e.g. 某资产管理公司) */
      t.string('principal_party', 200).notNullable()
      /** 受托资产 (debtor / asset package name) */
      t.string('asset_name', 200).notNullable()
      t.bigInteger('principal_fen').notNullable()
      /** Fee rate in percent of the principal, 4 decimals. */
      t.decimal('fee_rate', 8, 4).notNullable()
      t.bigInteger('fee_fen').notNullable()
      t.date('period_from').notNullable()
      t.date('period_to').notNullable()
      /** managing 管理中 | ended 已结束 */
      t.string('status', 16).notNullable()
      t.date('registered_on').notNullable()
      t.date('ended_on').nullable()
      t.string('remark', 500).nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'registered_on'])
    })
    this.schema.createTable('entrusted_special_rules', (t) => {
      t.increments('id')
      t.string('name', 100).notNullable()
      t.string('category', 32).notNullable()
      t.bigInteger('min_balance_fen').nullable()
      t.string('industry', 64).nullable()
      t.boolean('enabled').notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('entrusted_special_assets', (t) => {
      t.increments('id')
      t.integer('loan_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('category', 32).notNullable()
      /** manual | rule */
      t.string('source', 8).notNullable()
      t.integer('rule_id').unsigned().nullable()
      t.string('reason', 500).nullable()
      t.bigInteger('balance_fen').notNullable()
      t.date('flagged_on').notNullable()
      t.date('unflagged_on').nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['loan_id', 'category'])
      t.index(['org_id', 'flagged_on'])
    })
  }

  async down() {
    this.schema.dropTable('entrusted_special_assets')
    this.schema.dropTable('entrusted_special_rules')
    this.schema.dropTable('entrusted_assets')
  }
}
