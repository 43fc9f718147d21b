import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 表单构建, second part:
| - form_changes keeps its script as steps with their checks, and what each run
|   did (a change that failed half-way is run again without redoing steps).
| - form_files: the files of 附件 fields. A form row keeps the id of its file,
|   never the bytes; the bytes live in the form-files folder (FORM_FILES_DIR,
|   default tmp/form-files, taken by backups). A replaced or deleted file keeps
|   its row and bytes (detached_at set): the audit trail names it.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('form_changes', (table) => {
      /** JSON [{ sql: string[], check }] (ddl_script.ts); null on changes drafted before steps. */
      table.text('steps', 'mediumtext').nullable()
      /** JSON [{ run, step, outcome: applied | present | failed, at, by, error? }]. */
      table.text('step_log', 'mediumtext').nullable()
      /** Steps known to be in effect (applied or found present) after the last run. */
      table.integer('applied_steps').notNullable().defaultTo(0)
    })

    this.schema.createTable('form_files', (table) => {
      table.increments('id')
      table.integer('form_id').unsigned().notNullable().references('id').inTable('form_definitions')
      table.string('field_code', 31).notNullable()
      /** The record holding the file; null between upload and save. */
      table.integer('record_id').unsigned().nullable()
      table.string('file_name', 200).notNullable()
      table.string('content_type', 100).nullable()
      table.bigInteger('size').notNullable()
      /** Path under the form-files folder: a random name, never the uploaded one. */
      table.string('stored_path', 200).notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('uploaded_by').unsigned().notNullable()
      table.integer('org_id').unsigned().notNullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('attached_at').nullable()
      /** Replaced by another file or its record deleted; row and bytes kept. */
      table.dateTime('detached_at').nullable()
      table.index(['form_id', 'record_id'])
    })
  }

  async down() {
    this.schema.dropTable('form_files')
    this.schema.alterTable('form_changes', (table) => {
      table.dropColumn('steps')
      table.dropColumn('step_log')
      table.dropColumn('applied_steps')
    })
  }
}
