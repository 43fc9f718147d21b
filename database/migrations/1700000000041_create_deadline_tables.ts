import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 时效提醒: deadlines plugins register (诉讼时效, 审批时限, …) and the reminders
| raised for them. A reminder row is the idempotency key: one per deadline, due
| date and offset, so a rerun of the daily job or of an end-of-day step never
| sends twice, and a moved due date gets its own reminders.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('deadlines', (table) => {
      table.increments('id')
      /** Plugin id that registered it. */
      table.string('source', 40).notNullable()
      table.string('kind', 64).notNullable()
      table.string('subject_type', 64).notNullable()
      table.string('subject_id', 64).notNullable()
      table.string('title', 200).notNullable()
      table.date('due_date').notNullable()
      /** Which rule produced the due date (zh text shown to the user). */
      table.string('rule', 500).notNullable()
      /** JSON array of working-day offsets before the due date, e.g. [30,7,1]. */
      table.string('offsets', 200).notNullable()
      table.integer('org_id').unsigned().nullable().references('id').inTable('orgs')
      table.string('link', 500).nullable()
      /** Set when the plugin removes it (kept for the reminder history). */
      table.timestamp('removed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['source', 'kind', 'subject_type', 'subject_id'])
      table.index(['removed_at', 'due_date'], 'deadlines_active_due_index')
    })

    /** Who is reminded (and sees it in GET /api/deadlines/mine). */
    this.schema.createTable('deadline_users', (table) => {
      table
        .integer('deadline_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('deadlines')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.primary(['deadline_id', 'user_id'])
      table.index(['user_id'], 'deadline_users_user_index')
    })

    this.schema.createTable('deadline_reminders', (table) => {
      table.increments('id')
      table
        .integer('deadline_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('deadlines')
        .onDelete('CASCADE')
      table.date('due_date').notNullable()
      /** before (offset working days before due) | overdue (first working day after due; offset 0) */
      table.string('kind', 16).notNullable()
      table.integer('offset_days').notNullable()
      /** The date the reminder was due to go out. */
      table.date('remind_on').notNullable()
      /** sent | superseded (a nearer reminder went instead, e.g. a deadline registered late) */
      table.string('status', 16).notNullable()
      table.timestamp('created_at').notNullable()
      table.unique(['deadline_id', 'due_date', 'kind', 'offset_days'], 'deadline_reminders_once')
    })
  }

  async down() {
    this.schema.dropTable('deadline_reminders')
    this.schema.dropTable('deadline_users')
    this.schema.dropTable('deadlines')
  }
}
