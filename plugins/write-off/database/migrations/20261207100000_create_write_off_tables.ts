import { BaseSchema } from '@adonisjs/lucid/schema'
import { dbNow } from '#core/db/db_time'
import { DEFAULT_RULES } from '../../rules/default_rules.js'

/*
| 核销管理's tables. A write-off subject is a loan (借据) or a credit-card
| overdraft account, named by (subject_kind, subject_id) — both live in
| credit-assets' book and are read through its book_api. Money is fen (BIGINT).
|
|   write_off_rules         核销条件 (财金〔2017〕90号), each with its evidence documents
|   write_off_evidence      evidence documents per subject (on the 影像平台: doc_no, url)
|   write_off_reviews(+_items)  合规审查 with the reviewer's opinion
|   write_off_plans(+_items)    核销方案 (single or batch), approval, committee, 批复
|   write_off_locks         one open plan per subject (primary key → 409 on a race)
|   write_off_materials     上会材料, each optionally tied to a plan item (借据关联)
|   write_off_postings      账务处理: one outbox message per posting (idempotency key unique)
|   write_off_reply_numbers 核销批复 numbers per year
|   write_off_no_recourse   无追索权认定 with approval
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('write_off_rules', (t) => {
      t.increments('id')
      t.string('code', 40).notNullable().unique()
      t.string('name', 200).notNullable()
      t.string('basis', 200).notNullable()
      t.string('applies_to', 10).notNullable().defaultTo('any')
      t.bigInteger('max_balance_fen').nullable()
      t.integer('min_overdue_days').nullable()
      t.text('required_docs').notNullable()
      t.boolean('enabled').notNullable().defaultTo(true)
      t.integer('sort').notNullable().defaultTo(0)
      t.integer('updated_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('write_off_evidence', (t) => {
      t.increments('id')
      t.string('subject_kind', 10).notNullable()
      t.integer('subject_id').unsigned().notNullable()
      t.string('doc_code', 40).notNullable()
      t.string('title', 200).notNullable()
      t.string('doc_no', 64).notNullable()
      t.string('url', 500).nullable()
      t.string('source', 10).notNullable()
      t.integer('uploaded_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['subject_kind', 'subject_id'])
    })
    this.schema.createTable('write_off_reviews', (t) => {
      t.increments('id')
      t.string('review_no', 32).notNullable().unique()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.string('status', 20).notNullable()
      t.string('conclusion', 20).nullable()
      t.text('opinion').nullable()
      t.timestamp('reviewed_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id'])
    })
    this.schema.createTable('write_off_review_items', (t) => {
      t.increments('id')
      t.integer('review_id').unsigned().notNullable()
      t.string('subject_kind', 10).notNullable()
      t.integer('subject_id').unsigned().notNullable()
      t.string('subject_no', 40).notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('rule_code', 40).notNullable()
      t.bigInteger('balance_fen').notNullable()
      t.boolean('satisfied').notNullable()
      t.text('findings').notNullable()
      t.index(['review_id'])
    })
    this.schema.createTable('write_off_plans', (t) => {
      t.increments('id')
      t.string('plan_no', 32).notNullable().unique()
      t.string('kind', 10).notNullable()
      t.string('title', 200).notNullable()
      t.text('reasons').notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.string('status', 20).notNullable()
      t.integer('item_count').notNullable()
      t.bigInteger('total_fen').notNullable()
      t.integer('review_id').unsigned().nullable()
      t.boolean('committee_required').notNullable().defaultTo(false)
      t.string('committee_ref', 64).nullable()
      t.string('committee_result', 20).nullable()
      t.date('committee_decided_on').nullable()
      t.text('committee_remark').nullable()
      t.string('reply_no', 32).nullable().unique()
      t.date('replied_on').nullable()
      t.integer('replied_by').unsigned().nullable()
      t.text('reply_text').nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
    })
    this.schema.createTable('write_off_plan_items', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.string('subject_kind', 10).notNullable()
      t.integer('subject_id').unsigned().notNullable()
      t.string('subject_no', 40).notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_name', 200).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.string('rule_code', 40).notNullable()
      t.bigInteger('principal_fen').notNullable()
      t.bigInteger('on_balance_interest_fen').notNullable()
      t.bigInteger('off_balance_interest_fen').notNullable()
      t.bigInteger('fee_fen').notNullable()
      t.date('written_off_on').nullable()
      t.boolean('no_recourse').notNullable().defaultTo(false)
      t.date('no_recourse_on').nullable()
      t.index(['plan_id'])
      t.index(['subject_kind', 'subject_id'])
      t.index(['org_id', 'written_off_on'])
    })
    this.schema.createTable('write_off_locks', (t) => {
      t.string('subject_key', 40).primary()
      t.integer('plan_id').unsigned().notNullable()
      t.index(['plan_id'])
    })
    this.schema.createTable('write_off_materials', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.integer('item_id').unsigned().nullable()
      t.string('stage', 20).notNullable()
      t.string('title', 200).notNullable()
      t.string('doc_no', 64).notNullable()
      t.string('url', 500).nullable()
      t.integer('uploaded_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['plan_id'])
    })
    this.schema.createTable('write_off_postings', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable()
      t.integer('item_id').unsigned().notNullable()
      t.string('kind', 30).notNullable()
      t.bigInteger('amount_fen').notNullable()
      t.string('idempotency_key', 128).notNullable().unique()
      t.integer('outbox_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['plan_id'])
      t.index(['outbox_id'])
    })
    this.schema.createTable('write_off_reply_numbers', (t) => {
      t.integer('year').unsigned().primary()
      t.integer('last_no').unsigned().notNullable()
    })
    this.schema.createTable('write_off_no_recourse', (t) => {
      t.increments('id')
      t.integer('item_id').unsigned().notNullable()
      t.string('subject_no', 40).notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.integer('manager_id').unsigned().nullable()
      t.integer('created_by').unsigned().notNullable()
      t.string('reason', 30).notNullable()
      t.text('facts').notNullable()
      t.text('evidence').notNullable()
      t.string('status', 20).notNullable()
      t.date('decided_on').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['item_id'])
      t.index(['org_id'])
    })
    this.defer(async (db) => {
      const now = dbNow()
      await db.table('write_off_rules').multiInsert(
        DEFAULT_RULES.map((r, i) => ({
          code: r.code,
          name: r.name,
          basis: r.basis,
          applies_to: r.appliesTo,
          max_balance_fen: r.maxBalanceFen ?? null,
          min_overdue_days: r.minOverdueDays ?? null,
          required_docs: JSON.stringify(r.requiredDocs),
          enabled: true,
          sort: (i + 1) * 10,
          created_at: now,
          updated_at: now,
        }))
      )
    })
  }

  async down() {
    for (const table of [
      'write_off_no_recourse',
      'write_off_reply_numbers',
      'write_off_postings',
      'write_off_materials',
      'write_off_locks',
      'write_off_plan_items',
      'write_off_plans',
      'write_off_review_items',
      'write_off_reviews',
      'write_off_evidence',
      'write_off_rules',
    ])
      this.schema.dropTable(table)
  }
}
