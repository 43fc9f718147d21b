import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 诉中方案申报: a plan within a case (调解, 和解, 撤诉, 上诉, 申请保全/续封, 执行和解,
| 申请终本, 恢复执行), its instalment schedule (和解/调解/执行和解: each instalment
| becomes a deadline in the core engine once the plan is approved) and its timeline.
| Money is BIGINT fen. `org_id` is the case's org, `created_by` the applicant.
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('lit_proceeding_plans', (t) => {
      t.increments('id')
      t.string('plan_no', 32).notNullable().unique()
      t.integer('case_id').unsigned().notNullable()
      t.string('case_no', 64).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      /** litigation_proceeding_kind */
      t.string('kind', 24).notNullable()
      /** 方案金额: the settlement, the amount appealed or preserved (0 where none applies). */
      t.bigInteger('amount_fen').notNullable()
      /** 方案内容 and 申请理由 */
      t.text('content').notNullable()
      t.text('reasons').notNullable()
      /** litigation_plan_status codes (shared with 诉前方案) */
      t.string('status', 16).notNullable()
      t.integer('workflow_instance_id').unsigned().nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('decided_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['case_id'])
      t.index(['created_by'])
    })

    this.schema.createTable('lit_proceeding_instalments', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.integer('seq').unsigned().notNullable()
      t.date('due_date').notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.unique(['plan_id', 'seq'])
    })

    this.schema.createTable('lit_proceeding_events', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.string('event_type', 16).notNullable()
      t.string('from_status', 16).nullable()
      t.string('to_status', 16).notNullable()
      t.integer('actor_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['plan_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('lit_proceeding_events')
    this.schema.dropTable('lit_proceeding_instalments')
    this.schema.dropTable('lit_proceeding_plans')
  }
}
