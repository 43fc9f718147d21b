import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 法律文书: the administrators' template versions (the shipped defaults live in
| documents/templates/*.hbs and count as version 0), the documents applied from a
| case, and each saved version of a document's text (sanitised HTML, append-only:
| a save never overwrites, so what was filed can always be printed again).
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('lit_document_templates', (t) => {
      t.increments('id')
      /** litigation_document_kind: complaint, preservation, enforcement, power_of_attorney, demand_letter, payment_order. */
      t.string('code', 32).notNullable()
      t.integer('version').unsigned().notNullable()
      t.text('body', 'mediumtext').notNullable()
      t.string('remark', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['code', 'version'])
    })

    this.schema.createTable('lit_documents', (t) => {
      t.increments('id')
      t.integer('case_id').unsigned().notNullable()
      t.string('template_code', 32).notNullable()
      t.integer('template_version').unsigned().notNullable()
      t.string('title', 200).notNullable()
      t.integer('current_version').unsigned().notNullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['case_id'])
    })

    this.schema.createTable('lit_document_versions', (t) => {
      t.increments('id')
      t.integer('document_id').unsigned().notNullable()
      t.integer('version').unsigned().notNullable()
      t.text('html', 'mediumtext').notNullable()
      t.string('note', 500).nullable()
      t.integer('created_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.unique(['document_id', 'version'])
    })
  }

  async down() {
    this.schema.dropTable('lit_document_versions')
    this.schema.dropTable('lit_documents')
    this.schema.dropTable('lit_document_templates')
  }
}
