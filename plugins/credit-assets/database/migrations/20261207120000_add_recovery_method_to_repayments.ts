import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 交易流水确认: a repayment now carries the core banking transaction it was
| confirmed from (txn_no, unique: one transaction is one repayment) and the
| recovery method the clerk tagged (credit_assets_recovery_method; null =
| not tagged yet, shown as 现金清收). Written only by services/recovery_writer.ts.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_repayments', (t) => {
      t.string('txn_no', 40).nullable().unique()
      t.string('recovery_method', 32).nullable()
    })
  }

  async down() {
    this.schema.alterTable('ca_repayments', (t) => {
      t.dropUnique(['txn_no'])
      t.dropColumn('txn_no')
      t.dropColumn('recovery_method')
    })
  }
}
