import { BaseSchema } from '@adonisjs/lucid/schema'

/* The extension table: primary key `id` = ca_loans.id (no foreign key to the owner's table). */
export default class extends BaseSchema {
  protected tableName = 'fx_loan_extras'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('id').primary()
      table.string('bank_rating', 20).nullable()
      /** 行内授信额度 in fen (分). */
      table.bigInteger('line_fen').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
