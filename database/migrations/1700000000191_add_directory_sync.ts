import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 组织机构同步 from 授权及流程管理 (backend/directory_sync): rows the bank's
| directory owns are marked, so a row missing from the directory is removed
| here only when the directory made it (local accounts are never touched);
| each run keeps its computed difference for the console and the audit.
*/
export default class extends BaseSchema {
  async up() {
    for (const name of ['orgs', 'departments', 'users'])
      this.schema.alterTable(name, (table) => {
        /** `directory` when 授权及流程管理 manages the row; null for local rows. */
        table.string('managed_by', 16).nullable()
      })
    this.schema.createTable('directory_sync_runs', (table) => {
      table.increments('id')
      /** manual | nightly */
      table.string('trigger', 16).notNullable()
      /** computed | applied | failed */
      table.string('status', 16).notNullable()
      table.integer('changes').notNullable().defaultTo(0)
      /** The difference as JSON (no secrets: names, codes, org and status). */
      table.text('diff', 'mediumtext').nullable()
      table.string('error', 500).nullable()
      table.integer('created_by').unsigned().nullable()
      table.integer('applied_by').unsigned().nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('applied_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable('directory_sync_runs')
    for (const name of ['orgs', 'departments', 'users'])
      this.schema.alterTable(name, (table) => {
        table.dropColumn('managed_by')
      })
  }
}
