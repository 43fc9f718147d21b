import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| What plugins (and core) declare, synced on boot: menus, permissions,
| dictionaries and settings. Columns named custom_* belong to administrators and
| the sync never writes them, so their edits to names and order survive upgrades.
| `active` is false while the owning plugin is absent or disabled: rows and role
| grants come back unchanged when it is enabled again.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('installed_plugins', (table) => {
      table.string('id', 40).primary()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.string('version', 32).notNullable()
      table.text('depends_on').notNullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.integer('load_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('permissions', (table) => {
      table.string('code', 128).primary()
      table.string('source', 40).notNullable()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.boolean('active').notNullable().defaultTo(true)
    })

    this.schema.createTable('menus', (table) => {
      table.string('code', 128).primary()
      table.string('parent_code', 128).nullable()
      table.string('source', 40).notNullable()
      table.string('type', 16).notNullable()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.string('permission', 128).nullable()
      table.string('page_key', 200).nullable()
      table.string('path', 200).nullable()
      table.string('icon', 64).nullable()
      table.integer('sort').notNullable().defaultTo(0)
      table.string('custom_name_zh', 100).nullable()
      table.string('custom_name_en', 100).nullable()
      table.integer('custom_sort').nullable()
      table.boolean('hidden').notNullable().defaultTo(false)
      table.boolean('active').notNullable().defaultTo(true)
      table.index(['source'])
    })

    this.schema.createTable('dict_types', (table) => {
      table.string('code', 64).primary()
      table.string('source', 40).notNullable()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.boolean('active').notNullable().defaultTo(true)
    })

    this.schema.createTable('dict_items', (table) => {
      table.increments('id')
      table
        .string('type_code', 64)
        .notNullable()
        .references('code')
        .inTable('dict_types')
        .onDelete('CASCADE')
      table.string('code', 64).notNullable()
      table.string('label_zh', 100).notNullable()
      table.string('label_en', 100).notNullable()
      table.integer('sort').notNullable().defaultTo(0)
      table.string('color', 16).nullable()
      /** plugin: declared in a manifest (synced); admin: added in the console (never touched by sync). */
      table.string('origin', 8).notNullable().defaultTo('plugin')
      table.string('custom_label_zh', 100).nullable()
      table.string('custom_label_en', 100).nullable()
      table.integer('custom_sort').nullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.unique(['type_code', 'code'])
    })

    this.schema.createTable('settings', (table) => {
      table.string('key', 128).primary()
      table.string('source', 40).notNullable()
      table.string('name_zh', 100).notNullable()
      table.string('name_en', 100).notNullable()
      table.string('type', 16).notNullable()
      table.text('default_value').notNullable()
      /** null = use the default. */
      table.text('value').nullable()
      table.boolean('frozen').notNullable().defaultTo(false)
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    for (const t of [
      'settings',
      'dict_items',
      'dict_types',
      'menus',
      'permissions',
      'installed_plugins',
    ]) {
      this.schema.dropTable(t)
    }
  }
}
