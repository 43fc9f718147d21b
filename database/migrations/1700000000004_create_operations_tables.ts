import { BaseSchema } from '@adonisjs/lucid/schema'

/* 营业日期, idempotent daily steps, and the job runs whose progress the console shows. */
export default class extends BaseSchema {
  async up() {
    /** One row: the bank's current business date (营业日期), advanced by end of day. */
    this.schema.createTable('business_day', (table) => {
      table.integer('id').primary()
      table.date('business_date').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    /** A (step, business date, subject) that has run; its unique key makes reruns no-ops. */
    this.schema.createTable('daily_step_runs', (table) => {
      table.increments('id')
      table.string('step', 100).notNullable()
      table.date('business_date').notNullable()
      table.string('subject', 100).notNullable().defaultTo('*')
      table.timestamp('completed_at').notNullable()
      table.unique(['step', 'business_date', 'subject'])
    })

    this.schema.createTable('job_runs', (table) => {
      table.string('id', 36).primary()
      table.string('name', 100).notNullable()
      table.string('status', 16).notNullable()
      table.integer('progress').notNullable().defaultTo(0)
      table.string('message', 500).nullable()
      table.text('payload').nullable()
      table.text('result').nullable()
      table.text('error').nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.integer('user_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('started_at').nullable()
      table.timestamp('finished_at').nullable()
      table.index(['user_id', 'created_at'])
      table.index(['status'])
    })
  }

  async down() {
    this.schema.dropTable('job_runs')
    this.schema.dropTable('daily_step_runs')
    this.schema.dropTable('business_day')
  }
}
