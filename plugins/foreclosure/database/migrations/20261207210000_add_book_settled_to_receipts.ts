import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 台账结清: when the loans' balances in credit-assets' book were reduced by the
| receipt's settled amounts (receipts/book_settlement.ts) — after core banking
| acknowledged every loan posting. Null until then; set once.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('foreclosure_receipts', (t) => {
      t.timestamp('book_settled_at').nullable()
      t.index(['status', 'book_settled_at'], 'foreclosure_receipts_book_settled_index')
    })
  }

  async down() {
    this.schema.alterTable('foreclosure_receipts', (t) => {
      t.dropIndex(['status', 'book_settled_at'], 'foreclosure_receipts_book_settled_index')
      t.dropColumn('book_settled_at')
    })
  }
}
