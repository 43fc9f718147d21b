import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 台账 saved views (我的视图): a user's named choice of columns, filters, sort
| and page size for one ledger. Private to the user; `config` is JSON checked
| against the ledger definition when saved and again when applied.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ledger_views', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      /** The ledger id from the plugin manifest (e.g. risk-assets). */
      table.string('ledger_id', 60).notNullable()
      table.string('name', 60).notNullable()
      table.text('config').notNullable()
      /** Opened automatically with the ledger; at most one per user and ledger. */
      table.boolean('is_default').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['user_id', 'ledger_id', 'name'])
    })
  }

  async down() {
    this.schema.dropTable('ledger_views')
  }
}
