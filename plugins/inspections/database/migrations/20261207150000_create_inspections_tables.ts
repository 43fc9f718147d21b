import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 日常检查. Business rows carry org_id / manager_id (the customer's at creation)
| for the data scope.
|
| - insp_checklist_points: the configurable checklist of each check item
|   (经营情况, 资产情况, 贷款情况, 还款意愿, 送达地址核查), each point saying whether
|   evidence (a photo or scan on the 影像平台) is required.
| - insp_plans: 定期检查 plans — which loans (five-class, balance band) are checked
|   how often (monthly … annual) on which items.
| - insp_tasks: one check of one customer (定期 from a plan and period, unique per
|   plan/customer/period; 非定期 created ad hoc), its assignee, due date and result;
|   insp_task_results (one answer per checklist point) and insp_evidence (files
|   filed on the 影像平台); insp_proposals (a reclassification a finding proposes).
| - insp_batches / insp_batch_items: 批量检查 sent to 智能贷后 — one row per customer
|   (unique per batch), whose key `<batch no>-<customer no>` 智能贷后 dedupes the
|   check by; its result matched back by that key.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('insp_checklist_points', (t) => {
      t.increments('id')
      t.string('item_code', 32).notNullable()
      t.string('code', 32).notNullable()
      t.string('label', 200).notNullable()
      t.boolean('evidence_required').notNullable().defaultTo(false)
      t.integer('sort').notNullable().defaultTo(0)
      t.boolean('active').notNullable().defaultTo(true)
      t.unique(['item_code', 'code'])
    })
    this.schema.createTable('insp_plans', (t) => {
      t.increments('id')
      t.string('name', 100).notNullable()
      t.string('five_class', 16).nullable()
      t.bigInteger('min_balance_fen').nullable()
      t.bigInteger('max_balance_fen').nullable()
      t.string('frequency', 16).notNullable()
      t.string('items', 500).notNullable()
      t.string('status', 16).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('insp_tasks', (t) => {
      t.increments('id')
      t.string('task_no', 32).notNullable().unique()
      t.string('kind', 16).notNullable()
      t.integer('plan_id').unsigned().nullable()
      t.string('period_key', 16).nullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 40).notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('items', 500).notNullable()
      t.string('reason', 500).nullable()
      t.integer('assignee_id').unsigned().nullable()
      t.date('due_on').notNullable()
      t.string('status', 16).notNullable()
      t.string('finding', 16).nullable()
      t.string('conclusion', 1000).nullable()
      t.timestamp('completed_at').nullable()
      t.integer('completed_by').unsigned().nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('created_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.unique(['plan_id', 'customer_id', 'period_key'])
      t.index(['org_id', 'status'])
      t.index(['assignee_id', 'status'])
      t.index(['customer_id'])
    })
    this.schema.createTable('insp_task_results', (t) => {
      t.increments('id')
      t.integer('task_id').unsigned().notNullable()
      t.string('item_code', 32).notNullable()
      t.string('point_code', 32).notNullable()
      t.boolean('ok').notNullable()
      t.string('note', 500).nullable()
      t.unique(['task_id', 'item_code', 'point_code'])
    })
    this.schema.createTable('insp_evidence', (t) => {
      t.increments('id')
      t.integer('task_id').unsigned().notNullable()
      t.string('item_code', 32).notNullable()
      t.string('point_code', 32).notNullable()
      t.string('title', 200).notNullable()
      t.string('doc_no', 64).notNullable()
      t.string('url', 500).notNullable()
      t.integer('uploaded_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['task_id', 'doc_no'])
    })
    this.schema.createTable('insp_proposals', (t) => {
      t.increments('id')
      t.integer('task_id').unsigned().notNullable()
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 40).notNullable()
      t.string('from_class', 16).notNullable()
      t.string('to_class', 16).notNullable()
      t.string('reason', 500).notNullable()
      t.string('status', 16).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['task_id', 'loan_id'])
    })
    this.schema.createTable('insp_batches', (t) => {
      t.increments('id')
      t.string('batch_no', 32).notNullable().unique()
      t.string('filter', 1000).notNullable()
      t.string('items', 500).notNullable()
      t.integer('total').notNullable()
      t.integer('done').notNullable().defaultTo(0)
      t.integer('failed').notNullable().defaultTo(0)
      t.integer('round').notNullable().defaultTo(1)
      t.string('status', 16).notNullable()
      t.string('job_id', 40).nullable()
      t.string('last_error', 300).nullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id'])
    })
    this.schema.createTable('insp_batch_items', (t) => {
      t.increments('id')
      t.integer('batch_id').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 40).notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('customer_type', 16).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('status', 16).notNullable()
      t.integer('attempts').notNullable().defaultTo(0)
      t.string('finding', 16).nullable()
      t.string('conclusion', 500).nullable()
      t.string('inspector', 64).nullable()
      t.date('checked_on').nullable()
      t.string('error', 200).nullable()
      t.unique(['batch_id', 'customer_id'])
      t.index(['batch_id', 'status'])
    })
  }

  async down() {
    for (const table of [
      'insp_batch_items',
      'insp_batches',
      'insp_proposals',
      'insp_evidence',
      'insp_task_results',
      'insp_tasks',
      'insp_plans',
      'insp_checklist_points',
    ])
      this.schema.dropTable(table)
  }
}
