import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 重组贷款: the date a loan's terms were changed by an approved restructuring
| (null = never restructured) — the restructured flag 客户视图 and the ledgers
| show. Written only by book_writer.changeLoanTerms.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_loans', (t) => {
      t.date('restructured_on').nullable()
    })
  }

  async down() {
    this.schema.alterTable('ca_loans', (t) => {
      t.dropColumn('restructured_on')
    })
  }
}
