import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 处置预案: the plan, the loans it covers (figures frozen at application) and
| its timeline. Money is BIGINT fen. `org_id` is the customer's (the asset's
| owning org) and `created_by` the applicant: the data scope filters on both.
| `prefill_json` keeps the connector sections as the applicant saw them (source,
| fetch time, unavailable sections), so an approver judges the same facts.
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('disposal_plans', (t) => {
      t.increments('id')
      t.string('plan_no', 32).notNullable().unique()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 32).notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      /** disposal_method dictionary code (清收, 重组, 诉讼 …). */
      t.string('method', 32).notNullable()
      /** 债权本金: principal balance of the covered loans; the approval tiers use it. */
      t.bigInteger('principal_fen').notNullable()
      /** 欠息: interest, 罚息 and 复利 owed on them at application. */
      t.bigInteger('interest_fen').notNullable()
      /** 预计回收金额 */
      t.bigInteger('expected_recovery_fen').notNullable()
      t.text('reasons').notNullable()
      /** disposal_plan_status: draft, pending, approved, rejected, returned, withdrawn */
      t.string('status', 16).notNullable()
      t.integer('workflow_instance_id').unsigned().nullable()
      t.text('prefill_json').nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('decided_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['created_by'])
      t.index(['customer_id'])
      t.index(['status', 'method'])
    })

    this.schema.createTable('disposal_plan_loans', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('interest_fen').notNullable()
      t.string('five_class', 16).notNullable()
      t.integer('overdue_days').notNullable()
      /** core-banking (real time) or book (ca_loans, when core banking was unavailable). */
      t.string('figures_source', 16).notNullable()
      t.index(['plan_id'])
      t.index(['loan_id'])
    })

    /** 预案时间轴: every status change, append-only. */
    this.schema.createTable('disposal_plan_events', (t) => {
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
    this.schema.dropTable('disposal_plan_events')
    this.schema.dropTable('disposal_plan_loans')
    this.schema.dropTable('disposal_plans')
  }
}
