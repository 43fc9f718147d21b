import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 责任认定: one case per loan loss (a customer and its loans), the persons held
| accountable with their role, finding and penalty (经济处罚 amounts as DECIMAL
| yuan), and the evidence images filed on the 影像平台 (doc number and link
| kept here). org_id / manager_id are the customer's at registration: the data
| scope filters on them. Book ids are credit-assets' (no foreign keys across plugins).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('accountability_cases', (t) => {
      t.increments('id')
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 40).notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.decimal('loss_amount', 18, 2).notNullable()
      t.date('loss_on').notNullable()
      t.date('determined_on').notNullable()
      t.text('findings').notNullable()
      t.string('status', 16).notNullable()
      t.date('decided_on').nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['customer_id'])
    })
    this.schema.createTable('accountability_loans', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.unique(['case_id', 'loan_id'])
    })
    this.schema.createTable('accountability_persons', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.integer('user_id').unsigned().nullable()
      t.string('name', 100).notNullable()
      t.string('role', 32).notNullable()
      t.text('finding').notNullable()
      t.string('penalty', 32).notNullable()
      t.decimal('penalty_amount', 18, 2).nullable()
      t.date('penalty_on').nullable()
      t.index(['case_id'])
    })
    this.schema.createTable('accountability_images', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.string('title', 200).notNullable()
      t.string('doc_no', 64).notNullable()
      t.string('url', 500).notNullable()
      t.integer('uploaded_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['case_id', 'doc_no'])
    })
  }

  async down() {
    this.schema.dropTable('accountability_images')
    this.schema.dropTable('accountability_persons')
    this.schema.dropTable('accountability_loans')
    this.schema.dropTable('accountability_cases')
  }
}
