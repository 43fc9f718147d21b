import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 费用管理: one row per expense (案件受理费, 保全费, 律师费 …) with the loans it
| belongs to. Other plugins write here only through services/expenses_api.ts.
|
| - Money is BIGINT fen, never negative.
| - `org_id` / `manager_id` are the loans' booking org and manager (the
|   customer's when no loan is named): the data scope, like the book.
| - The source is the record the fee arose from in any plugin ({ plugin, kind,
|   id, label }: a case, a transfer, an asset); `request_key` makes a plugin's
|   retried call one expense (unique per source plugin when given).
| - `posting_key` is the outbox idempotency key of the accounting posting sent
|   when the expense is paid; the posting's state is the outbox message's.
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('expenses', (t) => {
      t.increments('id')
      t.string('expense_no', 32).notNullable().unique()
      /** expenses_fee_kind dictionary code. */
      t.string('fee_kind', 32).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('payer', 200).notNullable()
      t.string('payee', 200).notNullable()
      t.bigInteger('amount_fen').notNullable()
      /** The business date the fee arose (the court's notice, the invoice). */
      t.date('expense_date').notNullable()
      /** expenses_status: applied 申请, approved 已审批, paid 已支付, recovered 已收回, … */
      t.string('status', 16).notNullable()
      /** Borne by the debtor (诉讼费 the judgment awards, …): to be recovered. */
      t.boolean('recoverable').notNullable().defaultTo(false)
      t.date('paid_on').nullable()
      t.date('recovered_on').nullable()
      t.string('source_plugin', 40).nullable()
      t.string('source_kind', 40).nullable()
      t.string('source_id', 64).nullable()
      t.string('source_label', 200).nullable()
      /** Console path of the source record (internal), opened from the list and the ledger. */
      t.string('source_link', 300).nullable()
      t.string('request_key', 128).nullable()
      /** Set when the amount needed approval (above expenses.approvalThreshold). */
      t.integer('workflow_instance_id').unsigned().nullable()
      t.string('posting_key', 128).nullable().unique()
      t.string('remark', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['source_plugin', 'request_key'])
      t.index(['org_id', 'expense_date'])
      t.index(['source_plugin', 'source_kind', 'source_id'])
      t.index(['customer_id'])
      t.index(['status'])
    })

    this.schema.createTable('expenses_loans', (t) => {
      t.increments('id')
      t.integer('expense_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.unique(['expense_id', 'loan_id'])
      t.index(['loan_id'])
    })
  }

  async down() {
    this.schema.dropTable('expenses_loans')
    this.schema.dropTable('expenses')
  }
}
