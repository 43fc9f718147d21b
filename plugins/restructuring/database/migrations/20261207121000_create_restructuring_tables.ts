import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 资产重组. Money is fen (BIGINT).
|
|   restructuring_plans   重组方案: method, the new terms (per method), approval, the
|                         observation period (观察期) and its outcome
|   restructuring_loans   the loans restructured, with their balance at the plan
|   restructuring_locks   one open plan per loan (primary key → 409 on a race)
|   restructuring_checks  履约跟踪: each performance check during the observation period
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('restructuring_plans', (t) => {
      t.increments('id')
      t.string('plan_no', 32).notNullable().unique()
      t.integer('org_id').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.integer('customer_id').unsigned().notNullable()
      t.string('customer_name', 200).notNullable()
      t.string('method', 30).notNullable()
      t.bigInteger('balance_fen').notNullable()
      t.date('effective_on').notNullable()
      t.date('new_maturity_date').nullable()
      t.decimal('new_rate', 9, 6).nullable()
      t.string('new_loan_no', 64).nullable()
      t.bigInteger('equity_fen').nullable()
      t.text('terms').notNullable()
      t.text('reasons').notNullable()
      t.string('status', 20).notNullable()
      t.integer('observation_months').unsigned().nullable()
      t.date('approved_on').nullable()
      t.date('observation_end').nullable()
      t.date('closed_on').nullable()
      t.text('close_remark').nullable()
      t.timestamp('submitted_at').nullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['org_id', 'status'])
      t.index(['customer_id'])
    })
    this.schema.createTable('restructuring_loans', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable().references('restructuring_plans.id')
      t.integer('loan_id').unsigned().notNullable()
      t.string('loan_no', 64).notNullable()
      t.bigInteger('balance_fen').notNullable()
      t.unique(['plan_id', 'loan_id'])
      t.index(['loan_id'])
    })
    this.schema.createTable('restructuring_locks', (t) => {
      t.integer('loan_id').unsigned().primary()
      t.integer('plan_id').unsigned().notNullable()
    })
    this.schema.createTable('restructuring_checks', (t) => {
      t.increments('id')
      t.integer('plan_id').unsigned().notNullable().references('restructuring_plans.id')
      t.date('checked_on').notNullable()
      t.boolean('performing').notNullable()
      t.integer('overdue_days').unsigned().notNullable().defaultTo(0)
      t.text('remark').notNullable()
      t.integer('checked_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.index(['plan_id'])
    })
  }

  async down() {
    this.schema.dropTable('restructuring_checks')
    this.schema.dropTable('restructuring_locks')
    this.schema.dropTable('restructuring_loans')
    this.schema.dropTable('restructuring_plans')
  }
}
