import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 首页视图: each user's own arrangement of the home page (which widgets, where,
| how big) and their 常用功能 shortcuts. One row per user, written only by that
| user; no row means "the default layout" (恢复默认 deletes the layout).
| JSON as text so SQLite and MariaDB store it alike.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('dashboard_preferences', (table) => {
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .primary()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** `[{ i: widget id, x, y, w, h }]` on a 12-column grid; NULL = default layout. */
      table.text('layout_json').nullable()
      /** `["<menu code>", …]` in the user's order; NULL = the first pages of their menu. */
      table.text('shortcuts_json').nullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('dashboard_preferences')
  }
}
