import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 客户标签: manual tags on a customer (codes of the dictionary customer_view_tag).
| One row per (customer, tag); removing a tag deletes the row, and the audit log
| keeps who added and removed what. A released migration never changes.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('cv_customer_tags', (t) => {
      t.increments('id')
      t.integer('customer_id').unsigned().notNullable()
      t.string('tag', 64).notNullable()
      t.integer('created_by').unsigned().nullable()
      t.timestamp('created_at').notNullable()
      t.unique(['customer_id', 'tag'])
      t.index(['tag'])
    })
  }

  async down() {
    this.schema.dropTable('cv_customer_tags')
  }
}
