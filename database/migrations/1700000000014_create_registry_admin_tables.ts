import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 数据字典 / 系统提示 / 参数管理 administration.
|
| - cache_versions: one row per in-process cache (dictionaries, prompts,
|   settings). A writer stores a fresh random token here in the same change, so
|   every app node can tell its copy is stale (backend/cache/versioned_cache.ts).
|   A token rather than a counter: a rolled-back bump can never be mistaken for
|   a later, different one.
| - message_overrides: administrators' texts for server messages (系统提示管理),
|   by message key; null in one language keeps that language's default.
| - settings.category: business | technical; null means "by the key rule" in
|   backend/settings/setting_category.ts (the manifest has no category yet).
| - dict_types.custom_name_*: administrators' names for declared types; like
|   every custom_* column, the plugin sync never writes them.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('cache_versions', (table) => {
      table.string('name', 64).primary()
      table.string('version', 40).notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('message_overrides', (table) => {
      table.string('key', 150).primary()
      table.text('text_zh').nullable()
      table.text('text_en').nullable()
      table.integer('updated_by').unsigned().nullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.alterTable('settings', (table) => {
      table.string('category', 16).nullable()
      table.integer('updated_by').unsigned().nullable()
    })

    this.schema.alterTable('dict_types', (table) => {
      table.string('custom_name_zh', 100).nullable()
      table.string('custom_name_en', 100).nullable()
    })
  }

  async down() {
    this.schema.alterTable('dict_types', (table) => {
      table.dropColumn('custom_name_zh')
      table.dropColumn('custom_name_en')
    })
    this.schema.alterTable('settings', (table) => {
      table.dropColumn('category')
      table.dropColumn('updated_by')
    })
    this.schema.dropTable('message_overrides')
    this.schema.dropTable('cache_versions')
  }
}
