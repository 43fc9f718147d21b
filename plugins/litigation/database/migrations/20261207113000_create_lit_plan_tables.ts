import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 诉前方案申报: the plan, the loans (借据) it sues on with the figures frozen at the
| application date, and its timeline. Money is BIGINT fen. `org_id` is the customer's
| org and `created_by` the applicant: the data scope filters on both.
| 申请日标的金额 = 标的本金 + 标的利息; `system_*` keep what 核心系统 (or the book, when
| it was down) said on the application date, so an edited figure and its reason stay
| visible beside the original. `collections_json` keeps the 智能催收 records as the
| applicant saw them (source, fetch time, or why they were unavailable).
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('lit_plans', (t) => {
      t.increments('id')
      t.string('plan_no', 32).notNullable().unique()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 32).notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      /** litigation_case_type, litigation_judicial_method, litigation_bank_role, litigation_business_segment */
      t.string('case_type', 32).notNullable()
      t.string('judicial_method', 32).notNullable()
      t.string('bank_role', 32).notNullable()
      t.string('business_segment', 32).notNullable()
      /** 申请日: the business date the figures are as of. */
      t.date('application_date').notNullable()
      /** 标的本金 / 标的利息 as applied for (the approval tiers use their sum). */
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('interest_fen').notNullable()
      t.bigInteger('system_principal_fen').notNullable()
      t.bigInteger('system_interest_fen').notNullable()
      /** core-banking, book, or mixed (some loans from each). */
      t.string('figures_source', 16).notNullable()
      /** Why the applicant changed 标的金额 from the system's figures (required then). */
      t.string('amount_reason', 1000).nullable()
      /** 案由 */
      t.string('cause', 200).notNullable()
      /** 申请原因 */
      t.text('reasons').notNullable()
      /** The customer's approved 处置预案 this plan carries out (disposal's public service). */
      t.integer('disposal_plan_id').unsigned().nullable()
      t.string('disposal_plan_no', 32).nullable()
      t.text('collections_json').nullable()
      /** litigation_plan_status: draft, pending, returned, approved, rejected, withdrawn */
      t.string('status', 16).notNullable()
      t.integer('workflow_instance_id').unsigned().nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('decided_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['created_by'])
      t.index(['customer_id'])
    })

    this.schema.createTable('lit_plan_loans', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('interest_fen').notNullable()
      /** core-banking (at the application date) or book (core banking unavailable). */
      t.string('figures_source', 16).notNullable()
      t.index(['plan_id'])
      t.index(['loan_id'])
    })

    /** 方案时间轴: every status change, append-only. */
    this.schema.createTable('lit_plan_events', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.string('event_type', 16).notNullable()
      t.string('from_status', 16).nullable()
      t.string('to_status', 16).notNullable()
      t.integer('actor_id').unsigned().nullable()
      t.string('comment', 500).nullable()
      t.timestamp('created_at').notNullable()
      t.index(['plan_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('lit_plan_events')
    this.schema.dropTable('lit_plan_loans')
    this.schema.dropTable('lit_plans')
  }
}
