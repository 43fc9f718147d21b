import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 债权减免: plans (减免方案) with their loans and buckets, the instalment schedule,
| the accounting postings (价款分配, 还款, 还款冲正, 减免, 减免冲正 — each with its
| own 通知单 and outbox message), the configurable business rules and the status
| trail. Money in fen (BIGINT). A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('relief_plans', (t) => {
      t.increments('id')
      t.string('plan_no', 32).notNullable().unique()
      /** borrower | guarantor (relief_debtor_role). */
      t.string('debtor_role', 16).notNullable()
      /** The borrower (the loans' customer), an id of credit-assets' book. */
      t.bigInteger('customer_id').unsigned().notNullable()
      /** The guarantee (保证) of one of the loans whose guarantor is relieved, when debtor_role = guarantor. */
      t.bigInteger('guarantee_id').unsigned().nullable()
      t.bigInteger('guarantor_customer_id').unsigned().nullable()
      t.string('guarantor_name', 200).nullable()
      /** A guarantor's relief releases the borrower only when the plan states it. */
      t.boolean('releases_borrower').notNullable().defaultTo(false)
      /** 方案日: the buckets are as of this date. */
      t.date('plan_date').notNullable()
      /** core (core banking balances) | trial (利息试算 to bucket_date). */
      t.string('bucket_source', 8).notNullable()
      t.date('bucket_date').notNullable()
      /** Allocation order of a payment over the buckets (JSON array of bucket codes). */
      t.text('allocation_order').notNullable()
      t.bigInteger('owed_fen').notNullable().defaultTo(0)
      t.bigInteger('interest_owed_fen').notNullable().defaultTo(0)
      t.bigInteger('relief_fen').notNullable().defaultTo(0)
      t.bigInteger('relief_interest_fen').notNullable().defaultTo(0)
      t.bigInteger('relief_principal_fen').notNullable().defaultTo(0)
      /** 应还金额: what the debtor must pay. */
      t.bigInteger('pay_fen').notNullable().defaultTo(0)
      t.bigInteger('paid_fen').notNullable().defaultTo(0)
      /** single | instalments (relief_payment_mode). */
      t.string('payment_mode', 16).notNullable()
      t.text('conditions').nullable()
      /** 协议日: the approval's date; a default re-charges from it. */
      t.date('agreement_date').nullable()
      t.string('status', 16).notNullable().defaultTo('draft')
      t.string('status_reason', 500).nullable()
      /** The committee's decision (passed | rejected | reconsider) and 决议编号, when it went there. */
      t.string('committee_decision', 16).nullable()
      t.string('committee_resolution', 64).nullable()
      t.integer('org_id').unsigned().notNullable().references('id').inTable('orgs')
      t.integer('created_by').unsigned().notNullable().references('id').inTable('users')
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id'])
      t.index(['customer_id'])
      t.index(['status'])
    })

    this.schema.createTable('relief_plan_loans', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable().references('id').inTable('relief_plans')
      t.bigInteger('loan_id').unsigned().notNullable()
      t.string('loan_no', 64).notNullable()
      t.string('five_class', 24).notNullable()
      for (const b of ['principal', 'on_interest', 'off_interest', 'penalty', 'compound']) {
        t.bigInteger(`${b}_owed_fen`).notNullable().defaultTo(0)
        t.bigInteger(`${b}_relief_fen`).notNullable().defaultTo(0)
      }
      t.unique(['plan_id', 'loan_id'])
      t.index(['loan_id'])
    })

    this.schema.createTable('relief_instalments', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable().references('id').inTable('relief_plans')
      t.integer('seq').notNullable()
      t.date('due_date').notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.bigInteger('paid_fen').notNullable().defaultTo(0)
      t.date('paid_on').nullable()
      t.unique(['plan_id', 'seq'])
    })

    this.schema.createTable('relief_postings', (t) => {
      t.increments('id')
      /** 通知单号, also in the outbox key. */
      t.string('notice_no', 32).notNullable().unique()
      t.integer('plan_id').unsigned().notNullable().references('id').inTable('relief_plans')
      /** allocation | repayment | repayment_reversal | relief | relief_reversal. */
      t.string('kind', 24).notNullable()
      /** The posting a 冲正 reverses; unique: a posting is reversed at most once. */
      t.integer('reverses_id')
        .unsigned()
        .nullable()
        .unique()
        .references('id')
        .inTable('relief_postings')
      /** The payment two postings (价款分配 + 还款) belong to. */
      t.string('payment_ref', 32).nullable()
      t.bigInteger('amount_fen').notNullable()
      /** [{ loanId, loanNo, bucket, amountFen }] — what core banking is told, line by line. */
      t.text('lines').notNullable()
      t.date('business_date').notNullable()
      t.string('reason', 500).nullable()
      t.integer('created_by').unsigned().notNullable().references('id').inTable('users')
      t.timestamp('created_at').notNullable()
      t.index(['plan_id'])
    })

    this.schema.createTable('relief_rules', (t) => {
      t.increments('id')
      /** principal_head_office | min_five_class | interest_percent | guarantor_release. */
      t.string('code', 32).notNullable().unique()
      t.string('name', 100).notNullable()
      /** JSON parameters, e.g. { "percent": "50" } or { "minClass": "substandard" }. */
      t.text('params').notNullable()
      t.boolean('enabled').notNullable().defaultTo(true)
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('relief_status_events', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable().references('id').inTable('relief_plans')
      t.string('from_status', 16).nullable()
      t.string('to_status', 16).notNullable()
      t.string('reason', 500).nullable()
      t.integer('operator_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['plan_id'])
    })
  }

  async down() {
    for (const table of [
      'relief_status_events',
      'relief_rules',
      'relief_postings',
      'relief_instalments',
      'relief_plan_loans',
      'relief_plans',
    ])
      this.schema.dropTableIfExists(table)
  }
}
