import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 表单构建: form definitions, their fields (the effective field set, each field
| stamped with the version it arrived in) and changes (a drafted set of
| operations, the DDL script generated from it, the approval and its outcome).
| The data of a form lives in its own table `form_<code>`, created by an
| approved change — never by this migration.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('form_definitions', (table) => {
      table.increments('id')
      table.string('code', 31).notNullable().unique()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      /** draft (never approved) | effective | inactive (失效: hidden, data kept) */
      table.string('status', 16).notNullable()
      /** The last version whose DDL ran (0 before the first approval). */
      table.integer('version').notNullable().defaultTo(0)
      /** Menu directory code the form's page sits under (null: not in the menu). */
      table.string('menu_parent', 100).nullable()
      table.integer('menu_order').notNullable().defaultTo(50)
      /** Whether the form also forms a 台账 (ledger). */
      table.boolean('ledger').notNullable().defaultTo(false)
      table.integer('created_by').unsigned().notNullable()
      table.integer('org_id').unsigned().notNullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
    })

    this.schema.createTable('form_fields', (table) => {
      table.increments('id')
      table.integer('form_id').unsigned().notNullable().references('id').inTable('form_definitions')
      table.string('code', 31).notNullable()
      table.string('label_zh', 100).notNullable()
      table.string('label_en', 100).notNullable()
      /** text | longtext | integer | money | date | dict | org | user */
      table.string('type', 16).notNullable()
      /** Characters of a text field (widened by a change, never narrowed). */
      table.integer('length').nullable()
      table.string('dictionary', 64).nullable()
      table.boolean('required').notNullable().defaultTo(false)
      table.boolean('is_unique').notNullable().defaultTo(false)
      table.boolean('indexed').notNullable().defaultTo(false)
      /** A deactivated field is hidden; its column and data stay. */
      table.boolean('active').notNullable().defaultTo(true)
      table.integer('sort').notNullable()
      table.integer('since_version').notNullable()
      table.unique(['form_id', 'code'])
    })

    this.schema.createTable('form_changes', (table) => {
      table.increments('id')
      table.integer('form_id').unsigned().notNullable().references('id').inTable('form_definitions')
      /** The version this change makes effective. */
      table.integer('version').notNullable()
      /** The operations as validated (JSON): create, addField, widen, relabel, deactivateField, deactivateForm. */
      table.text('operations', 'mediumtext').notNullable()
      /** The generated DDL, one statement a line, as reviewed and as run. */
      table.text('script', 'mediumtext').notNullable()
      /** mysql | sqlite: the dialect the script was generated for. */
      table.string('dialect', 16).notNullable()
      /** draft | pending | approved | applied | failed | rejected | withdrawn */
      table.string('status', 16).notNullable()
      table.integer('instance_id').unsigned().nullable()
      table.text('error').nullable()
      table.integer('created_by').unsigned().notNullable()
      table.integer('approved_by').unsigned().nullable()
      table.dateTime('applied_at').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').notNullable()
      table.index(['form_id', 'status'])
    })
  }

  async down() {
    this.schema.dropTable('form_changes')
    this.schema.dropTable('form_fields')
    this.schema.dropTable('form_definitions')
  }
}
