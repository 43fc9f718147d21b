import { BaseSchema } from '@adonisjs/lucid/schema'

/* 客户视图 › 日常检查 reads one customer's batch-check results. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('insp_batch_items', (t) => {
      t.index(['customer_id'], 'insp_batch_items_customer_index')
    })
  }

  async down() {
    this.schema.alterTable('insp_batch_items', (t) => {
      t.dropIndex(['customer_id'], 'insp_batch_items_customer_index')
    })
  }
}
