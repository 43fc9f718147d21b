import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 以资抵债 (taking assets in settlement of debt). Money is fen (BIGINT).
|
|   foreclosure_receipts   抵债资产收取: the asset (from a loan's collateral or another
|                          asset of the debtor), the way (协议/法院裁定/拍卖流拍), 评估价,
|                          抵债金额, taxes and fees, 入账价值, approval, committee,
|                          抵债账务处理 (posted_on, the 抵债资产 id it was booked as)
|   foreclosure_loans      the loans it settles: each bucket owed at receipt (core
|                          banking or the interest trial) and the part the 抵债金额
|                          settles (allocation.ts); owed − settled stays a claim
|   foreclosure_locks      one open receipt per loan (primary key → 409 on a race): a second
|                          asset for the same loan waits until the first is booked, so its
|                          debt is read after the first settled it
|   foreclosure_documents  权属转移资料 filed on 电子档案 (imaging connector)
|   foreclosure_postings   账务处理: one outbox message per posting (idempotency key unique)
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('foreclosure_receipts', (t) => {
      t.increments('id')
      t.string('receipt_no', 32).notNullable().unique()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('way', 20).notNullable()
      t.string('source', 20).notNullable()
      t.string('collateral_ref', 64).nullable()
      t.boolean('collateral_checked').notNullable().defaultTo(false)
      t.text('collateral_snapshot').nullable()
      t.string('asset_class', 20).notNullable()
      t.string('asset_name', 200).notNullable()
      t.string('location', 300).nullable()
      t.string('certificates', 500).nullable()
      t.string('ruling_no', 100).nullable()
      t.bigInteger('appraised_fen').notNullable()
      t.date('appraised_on').nullable()
      t.bigInteger('agreed_fen').notNullable()
      t.bigInteger('taxes_fen').notNullable()
      t.bigInteger('book_value_fen').notNullable()
      t.bigInteger('owed_fen').notNullable()
      t.bigInteger('shortfall_fen').notNullable()
      t.string('balance_source', 10).notNullable()
      t.date('acquired_on').notNullable()
      t.text('reasons').notNullable()
      t.string('status', 20).notNullable()
      t.boolean('committee_required').notNullable().defaultTo(false)
      t.string('committee_ref', 40).nullable()
      t.string('committee_result', 20).nullable()
      t.integer('asset_id').unsigned().nullable()
      t.date('posted_on').nullable()
      t.integer('posted_by').unsigned().nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['way', 'status'])
    })
    this.schema.createTable('foreclosure_loans', (t) => {
      t.increments('id')
      t.integer('receipt_id').unsigned().notNullable().references('foreclosure_receipts.id')
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 64).notNullable()
      for (const b of ['principal', 'normal_interest', 'overdue_interest', 'penalty', 'compound']) {
        t.bigInteger(`${b}_owed_fen`).notNullable()
        t.bigInteger(`${b}_settled_fen`).notNullable()
      }
      t.unique(['receipt_id', 'loan_id'])
      t.index(['loan_id'])
    })
    this.schema.createTable('foreclosure_locks', (t) => {
      t.integer('loan_id').unsigned().primary()
      t.integer('receipt_id').unsigned().notNullable()
    })
    this.schema.createTable('foreclosure_documents', (t) => {
      t.increments('id')
      t.integer('receipt_id').unsigned().notNullable().references('foreclosure_receipts.id')
      t.string('doc_kind', 30).notNullable()
      t.string('title', 200).notNullable()
      t.string('doc_no', 64).notNullable()
      t.string('url', 500).nullable()
      t.integer('uploaded_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['receipt_id', 'doc_no'])
    })
    this.schema.createTable('foreclosure_postings', (t) => {
      t.increments('id')
      t.integer('receipt_id').unsigned().notNullable().references('foreclosure_receipts.id')
      t.integer('loan_id').unsigned().nullable()
      t.string('loan_no', 64).notNullable()
      t.string('kind', 30).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('idempotency_key', 100).notNullable().unique()
      t.bigInteger('outbox_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['receipt_id'])
    })
  }

  async down() {
    this.schema.dropTable('foreclosure_postings')
    this.schema.dropTable('foreclosure_documents')
    this.schema.dropTable('foreclosure_locks')
    this.schema.dropTable('foreclosure_loans')
    this.schema.dropTable('foreclosure_receipts')
  }
}
