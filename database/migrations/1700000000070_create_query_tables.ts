import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 综合查询: saved queries (private, or shared with a role) and the reports
| published from them (自主配置报表). A query is stored as the validated JSON the
| console sent (ids and values only, never SQL), and checked again against the
| catalogue every time it runs. A report keeps its own copy of the query, so
| editing the saved query later never changes a published report silently.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('query_saved', (t) => {
      t.increments('id')
      t.string('name', 100).notNullable()
      t.string('description', 500).nullable()
      t.string('dataset', 80).notNullable()
      t.text('definition_json').notNullable()
      /** private 仅本人 / role 共享给角色 */
      t.string('visibility', 16).notNullable().defaultTo('private')
      t.integer('role_id').unsigned().nullable()
      t.integer('owner_id').unsigned().notNullable()
      t.integer('org_id').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['owner_id'])
      t.index(['role_id'])
    })

    this.schema.createTable('query_reports', (t) => {
      t.increments('id')
      t.integer('query_id').unsigned().nullable()
      t.string('title_zh', 100).notNullable()
      t.string('title_en', 100).notNullable()
      t.string('dataset', 80).notNullable()
      t.text('definition_json').notNullable()
      /** Column order, group headers, totals row (report_layout.ts). */
      t.text('layout_json').notNullable()
      /** The menu row (source 'admin') that opens it; unique, removed on withdrawal. */
      t.string('menu_code', 128).notNullable().unique()
      t.string('parent_menu_code', 128).nullable()
      /** published 已发布 / withdrawn 已撤下 */
      t.string('status', 16).notNullable().defaultTo('published')
      t.integer('published_by').unsigned().notNullable()
      t.timestamp('created_at').notNullable()
      t.timestamp('updated_at').notNullable()
      t.index(['status'])
    })
  }

  async down() {
    this.schema.dropTable('query_reports')
    this.schema.dropTable('query_saved')
  }
}
