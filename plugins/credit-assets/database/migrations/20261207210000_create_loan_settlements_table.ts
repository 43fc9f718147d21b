import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 非现金结清 (loan settlements): a disposal that settles a loan's debt without
| cash — 以资抵债's 抵债金额 — reduces the loan's principal and interest
| buckets once. One row per settlement, its `ref` (the caller's business key,
| e.g. `foreclosure:12:345`) unique, so a second delivery of the same
| acknowledgement changes nothing. Money is fen; each column is what the book
| was actually reduced by. Written only through book_writer.settleLoan.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ca_loan_settlements', (t) => {
      t.increments('id')
      t.string('ref', 80).notNullable().unique()
      t.integer('loan_id').unsigned().notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('normal_interest_fen').notNullable()
      t.bigInteger('overdue_interest_fen').notNullable()
      t.bigInteger('penalty_fen').notNullable()
      t.bigInteger('compound_fen').notNullable()
      t.date('business_date').notNullable()
      t.string('reason', 200).notNullable()
      t.integer('operator_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['loan_id'])
    })
  }

  async down() {
    this.schema.dropTable('ca_loan_settlements')
  }
}
