import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 催收管理 and 委外清收. Every business row carries org_id / manager_id (the
| customer's or loan's at creation) for the data scope.
|
| - collection_items: a 催收 started here (电话, 信函, 上门, 律师函, 公告) for a
|   customer's loans, sent to 智能催收 through the outbox (key collection:<item_no>).
| - collection_records: 催收记录 synced back from 智能催收 (record_no unique), with
|   the proof; `registered_at` once it was registered as a 时效 interruption.
| - collection_agencies / _assignments: 委外清收机构 (licence, contract, commission
|   rate in percent) and the accounts assigned to one for a period with a target.
| - collection_commissions: one confirmed recovery (recoveries' transaction,
|   unique) attributed to an assignment, with its commission to the fen.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('collection_items', (t) => {
      t.increments('id')
      t.string('item_no', 32).notNullable().unique()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 40).notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('method', 32).notNullable()
      t.date('due_on').nullable()
      t.string('instructions', 500).nullable()
      t.string('status', 16).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['customer_id'])
    })
    this.schema.createTable('collection_item_loans', (t) => {
      t.increments('id')
      t.integer('item_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.unique(['item_id', 'loan_id'])
    })
    this.schema.createTable('collection_records', (t) => {
      t.increments('id')
      t.string('record_no', 40).notNullable().unique()
      t.integer('item_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('method', 32).notNullable()
      t.date('collected_on').notNullable()
      t.string('collector', 64).notNullable()
      t.string('result', 500).notNullable()
      t.string('proof_kind', 40).nullable()
      t.string('proof_doc_no', 64).nullable()
      t.string('proof_title', 200).nullable()
      t.bigInteger('promised_amount_fen').nullable()
      t.timestamp('registered_at').nullable()
      t.integer('registered_by').unsigned().nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['item_id'])
      t.index(['org_id'])
    })
    this.schema.createTable('collection_agencies', (t) => {
      t.increments('id')
      t.string('name', 200).notNullable()
      t.string('licence_no', 64).notNullable()
      t.date('licence_expires_on').notNullable()
      t.string('contract_no', 64).notNullable()
      t.date('contract_from').notNullable()
      t.date('contract_to').notNullable()
      /** Percent of the recovered amount, up to 4 decimals ("8.2500" = 8.25 %). */
      t.decimal('commission_rate', 9, 4).notNullable()
      t.string('contact', 64).nullable()
      t.string('status', 16).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['licence_no'])
    })
    this.schema.createTable('collection_assignments', (t) => {
      t.increments('id')
      t.string('assignment_no', 32).notNullable().unique()
      t.integer('agency_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_name', 200).notNullable()
      t.date('period_from').notNullable()
      t.date('period_to').notNullable()
      t.bigInteger('target_fen').notNullable()
      t.decimal('commission_rate', 9, 4).notNullable()
      t.string('status', 16).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['agency_id'])
      t.index(['org_id'])
    })
    this.schema.createTable('collection_assignment_loans', (t) => {
      t.increments('id')
      t.integer('assignment_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.unique(['assignment_id', 'loan_id'])
      t.index(['loan_id'])
    })
    this.schema.createTable('collection_commissions', (t) => {
      t.increments('id')
      t.integer('assignment_id').unsigned().notNullable()
      t.integer('agency_id').unsigned().notNullable()
      /** recoveries' transaction: attributed once, to one agency. */
      t.integer('transaction_id').unsigned().notNullable().unique()
      t.string('txn_no', 40).notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.date('posted_on').notNullable()
      t.bigInteger('recovered_fen').notNullable()
      t.decimal('commission_rate', 9, 4).notNullable()
      t.bigInteger('commission_fen').notNullable()
      t.string('status', 16).notNullable()
      t.string('expense_ref', 64).nullable()
      t.timestamp('paid_at').nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['assignment_id'])
      t.index(['org_id'])
    })
  }

  async down() {
    for (const table of [
      'collection_commissions',
      'collection_assignment_loans',
      'collection_assignments',
      'collection_agencies',
      'collection_records',
      'collection_item_loans',
      'collection_items',
    ])
      this.schema.dropTable(table)
  }
}
