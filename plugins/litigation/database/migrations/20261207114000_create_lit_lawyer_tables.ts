import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 律师选聘: the registry of law firms and lawyers (律所库 / 律师库) and the engagement
| requests (选聘申请) per 诉前方案 or case, with their fee agreement and the lawyer fees
| paid (each one recorded in 费用管理 through the expenses plugin's public service).
| Money is BIGINT fen; a risk-based rate is a DECIMAL fraction ("0.08" = 8 %).
| A released migration never changes; add a new one.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('lit_law_firms', (t) => {
      t.increments('id')
      t.string('name', 200).notNullable()
      /** 统一社会信用代码 of the firm (律师事务所执业许可证号), checksum-validated. */
      t.string('licence_no', 18).notNullable().unique()
      t.string('address', 300).nullable()
      t.string('contact', 100).nullable()
      t.string('phone', 40).nullable()
      /** JSON array of litigation_lawyer_speciality codes. */
      t.text('specialities').notNullable()
      /** litigation_panel_status: candidate, panel, suspended, removed */
      t.string('panel_status', 16).notNullable()
      /** 1–5 (综合评价), null until rated. */
      t.tinyint('rating').nullable()
      /** 利益冲突: parties (names or customer numbers) the firm must not act against, one per line. */
      t.text('conflicts').nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['panel_status'])
    })

    this.schema.createTable('lit_lawyers', (t) => {
      t.increments('id')
      t.integer('firm_id').unsigned().notNullable()
      t.string('name', 100).notNullable()
      /** 律师执业证号: 17 digits. */
      t.string('licence_no', 17).notNullable().unique()
      t.string('phone', 40).nullable()
      t.text('specialities').notNullable()
      t.string('panel_status', 16).notNullable()
      t.tinyint('rating').nullable()
      t.text('conflicts').nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['firm_id'])
    })

    this.schema.createTable('lit_engagements', (t) => {
      t.increments('id')
      t.string('engagement_no', 32).notNullable().unique()
      /** One of: the 诉前方案 or the case the lawyer is engaged for. */
      t.integer('plan_id').unsigned().nullable()
      t.integer('case_id').unsigned().nullable()
      t.string('subject_no', 64).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_no', 32).notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('firm_id').unsigned().notNullable()
      t.integer('lawyer_id').unsigned().notNullable()
      /** litigation_fee_type: fixed, risk, mixed */
      t.string('fee_type', 16).notNullable()
      t.bigInteger('fixed_fee_fen').notNullable()
      /** 风险代理比例 of the amount recovered, a fraction; '0' for fixed. */
      t.decimal('risk_rate', 8, 6).notNullable()
      /** 风险代理收费上限 (optional). */
      t.bigInteger('fee_cap_fen').nullable()
      /** 预计回收金额: the base of the estimated fee (and the approval tier). */
      t.bigInteger('expected_recovery_fen').notNullable()
      t.bigInteger('estimated_fee_fen').notNullable()
      /** 委托事项 and 选聘理由 */
      t.text('scope').notNullable()
      t.text('reasons').notNullable()
      /** litigation_engagement_status: draft, pending, returned, approved, rejected, withdrawn */
      t.string('status', 16).notNullable()
      t.integer('workflow_instance_id').unsigned().nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('decided_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['created_by'])
      t.index(['plan_id'])
      t.index(['case_id'])
    })

    /** 律师费支付: each payment also an expense (费用管理), linked by its number. */
    this.schema.createTable('lit_engagement_payments', (t) => {
      t.increments('id')
      t.integer('engagement_id').unsigned().notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.date('paid_on').notNullable()
      t.string('remark', 500).nullable()
      t.integer('expense_id').unsigned().nullable()
      t.string('expense_no', 40).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['engagement_id'])
    })

    this.schema.createTable('lit_engagement_events', (t) => {
      t.increments('id')
      t.integer('engagement_id').unsigned().notNullable()
      t.string('event_type', 16).notNullable()
      t.string('from_status', 16).nullable()
      t.string('to_status', 16).notNullable()
      t.integer('actor_id').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.index(['engagement_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('lit_engagement_events')
    this.schema.dropTable('lit_engagement_payments')
    this.schema.dropTable('lit_engagements')
    this.schema.dropTable('lit_lawyers')
    this.schema.dropTable('lit_law_firms')
  }
}
