import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 债权转让 (single claims, not in a batch). Money is fen (BIGINT).
|
|   transfer_applications  债权转让申请: transferee, method, 评估价值/底价/成交价, approval,
|                          committee, 结果登记 (contract, payment, transfer date)
|   transfer_loans         the loans transferred, with their book figures at application
|   transfer_locks         one open application per loan (primary key → 409 on a race)
|   transfer_notices       债权转让通知 to the debtor and each guarantor (民法典 §546) and
|                          its service (date, way, proof)
|   transfer_postings      账务处理: one outbox message per posting (idempotency key unique)
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('transfer_applications', (t) => {
      t.increments('id')
      t.string('app_no', 32).notNullable().unique()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('transferee', 200).notNullable()
      t.string('transferee_id_no', 64).nullable()
      t.string('method', 20).notNullable()
      t.bigInteger('valuation_fen').notNullable()
      t.bigInteger('reserve_fen').notNullable()
      t.bigInteger('price_fen').notNullable()
      t.bigInteger('book_fen').notNullable()
      t.text('reasons').notNullable()
      t.string('status', 20).notNullable()
      t.boolean('committee_required').notNullable().defaultTo(false)
      t.string('committee_ref', 40).nullable()
      t.string('committee_result', 20).nullable()
      t.string('contract_no', 64).nullable()
      t.date('paid_on').nullable()
      t.date('transfer_date').nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('completed_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
    })
    this.schema.createTable('transfer_loans', (t) => {
      t.increments('id')
      t.integer('app_id').unsigned().notNullable().references('transfer_applications.id')
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 64).notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('on_balance_interest_fen').notNullable()
      t.bigInteger('off_balance_interest_fen').notNullable()
      t.unique(['app_id', 'loan_id'])
      t.index(['loan_id'])
    })
    this.schema.createTable('transfer_locks', (t) => {
      t.integer('loan_id').unsigned().primary()
      t.integer('app_id').unsigned().notNullable()
    })
    this.schema.createTable('transfer_notices', (t) => {
      t.increments('id')
      t.integer('app_id').unsigned().notNullable().references('transfer_applications.id')
      t.string('notice_no', 40).notNullable().unique()
      t.string('party_kind', 20).notNullable()
      t.string('party_name', 200).notNullable()
      t.integer('party_customer_id').unsigned().nullable()
      t.date('served_on').nullable()
      t.string('service_way', 20).nullable()
      t.string('proof_ref', 200).nullable()
      t.integer('served_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['app_id'])
    })
    this.schema.createTable('transfer_postings', (t) => {
      t.increments('id')
      t.integer('app_id').unsigned().notNullable().references('transfer_applications.id')
      t.integer('loan_id').unsigned().notNullable()
      t.string('kind', 30).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('idempotency_key', 100).notNullable().unique()
      t.bigInteger('outbox_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['app_id'])
    })
  }

  async down() {
    this.schema.dropTable('transfer_postings')
    this.schema.dropTable('transfer_notices')
    this.schema.dropTable('transfer_locks')
    this.schema.dropTable('transfer_loans')
    this.schema.dropTable('transfer_applications')
  }
}
