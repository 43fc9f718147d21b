import { BaseSchema } from '@adonisjs/lucid/schema'

/* 债权减免: one row per plan. A released migration never moves or changes; add a new one. */
export default class extends BaseSchema {
  protected tableName = 'relief_plans'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('title', 200).notNullable()
      /** Amount in fen (分); see backend/money. */
      table.bigInteger('amount_fen').notNullable().defaultTo(0)
      table.string('status', 16).notNullable().defaultTo('draft')
      table.text('remark').nullable()
      /**
       * The customer the record is about: an id of credit-assets' book, checked through its
       * public service when written (no foreign key to another plugin's table).
       */
      table.bigInteger('customer_id').unsigned().nullable()
      /** Owning org and user: the data scope filters on these. */
      table.integer('org_id').unsigned().notNullable().references('id').inTable('orgs')
      table.integer('created_by').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['org_id'])
      table.index(['customer_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
