import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 信用卡透支账户 (credit-card overdraft accounts): the card side of the book, so
| 信用卡核销 works on real data. One row per card account with its overdraft
| split as core banking keeps it — 透支本金, 利息, 费用 (fen) — fed by the data
| platform import and the demo generator. Status follows the loans' codes
| (active, written_off, settled …) through book_writer.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_card_accounts', (t) => {
      t.increments('id')
      t.string('account_no', 32).notNullable().unique()
      t.string('card_no_masked', 32).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('product', 40).notNullable().defaultTo('standard')
      t.bigInteger('credit_limit_fen').notNullable().defaultTo(0)
      t.bigInteger('principal_fen').notNullable().defaultTo(0)
      t.bigInteger('interest_fen').notNullable().defaultTo(0)
      t.bigInteger('fee_fen').notNullable().defaultTo(0)
      t.integer('overdue_days').notNullable().defaultTo(0)
      t.string('five_class', 20).notNullable().defaultTo('normal')
      t.date('opened_on').notNullable()
      t.string('status', 20).notNullable().defaultTo('active')
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['customer_id'])
      t.index(['org_id', 'status'])
      t.index(['manager_id'])
    })
    // 信用卡还款: what the cardholder paid (after a write-off: 核销后收回).
    this.schema.createTable('ca_card_repayments', (t) => {
      t.increments('id')
      t.integer('account_id').unsigned().notNullable()
      t.date('paid_on').notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['account_id', 'paid_on'])
    })
  }

  async down() {
    this.schema.dropTable('ca_card_repayments')
    this.schema.dropTable('ca_card_accounts')
  }
}
