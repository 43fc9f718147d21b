import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| Recurring jobs under the in-process queue driver (demo, no Redis): one row per
| scheduled job. `last_fire` is the claim — every process's ticker moves it
| forward with a conditional UPDATE, and only the one whose UPDATE changed the
| row dispatches that fire, so two processes never both run the 07:30 job.
| (BullMQ keeps its own job schedulers in Redis and does not use this table.)
|
| Also: deadlines may name their people by org + permission (权限) instead of
| by user ids; the holders are looked up when reminding and when listing.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('job_schedules', (table) => {
      table.string('name', 100).primary()
      table.string('pattern', 100).notNullable()
      /** The last claimed fire time, bank wall clock 'YYYY-MM-DD HH:mm' (text sorts as time). */
      table.string('last_fire', 16).notNullable()
      /** Which process claimed it (host:pid), for operators. */
      table.string('claimed_by', 100).nullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.alterTable('deadlines', (table) => {
      /** With org_id: every user of that org holding this permission is reminded. */
      table.string('permission', 100).nullable()
    })
  }

  async down() {
    this.schema.alterTable('deadlines', (table) => {
      table.dropColumn('permission')
    })
    this.schema.dropTable('job_schedules')
  }
}
