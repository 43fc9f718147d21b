import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 交易流水确认: recovery transactions fetched from core banking (one row per
| core banking transaction number — fetching twice never doubles one), their
| confirmation with a recovery method, and every correction with its reason.
| org_id / manager_id are the loan's at fetch time (the data scope filters on them).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('recoveries_transactions', (t) => {
      t.increments('id')
      t.string('txn_no', 40).notNullable().unique()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 40).notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.date('posted_on').notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('interest_fen').notNullable()
      t.bigInteger('penalty_fen').notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('channel', 40).notNullable()
      t.string('payer_name', 200).notNullable()
      t.string('memo', 200).notNullable()
      t.string('status', 16).notNullable()
      t.string('method', 32).nullable()
      t.integer('repayment_id').unsigned().nullable()
      t.integer('confirmed_by').unsigned().nullable()
      t.timestamp('confirmed_at').nullable()
      t.integer('corrections').unsigned().notNullable().defaultTo(0)
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['posted_on'])
      t.index(['loan_id', 'posted_on'])
    })

    this.schema.createTable('recoveries_corrections', (t) => {
      t.increments('id')
      t.integer('transaction_id').unsigned().notNullable()
      t.string('from_method', 32).notNullable()
      t.string('to_method', 32).notNullable()
      t.string('reason', 500).notNullable()
      t.integer('corrected_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['transaction_id'])
    })
  }

  async down() {
    this.schema.dropTable('recoveries_corrections')
    this.schema.dropTable('recoveries_transactions')
  }
}
