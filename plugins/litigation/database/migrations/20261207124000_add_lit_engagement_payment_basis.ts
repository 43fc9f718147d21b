import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| 律师费支付: the basis each payment was checked against — the actually recovered
| amount (from the recoveries plugin's confirmed recoveries, or entered with a
| reason) and the fee due on it under the agreement — so an auditor sees why the
| payment was allowed. Null on payments recorded before this migration.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('lit_engagement_payments', (t) => {
      t.bigInteger('recovered_fen').nullable()
      /** recoveries (confirmed in the recoveries plugin) | entered (by the user, with a reason) */
      t.string('recovered_source', 16).nullable()
      t.string('recovered_reason', 500).nullable()
      t.bigInteger('fee_due_fen').nullable()
    })
  }

  async down() {
    this.schema.alterTable('lit_engagement_payments', (t) => {
      t.dropColumn('recovered_fen')
      t.dropColumn('recovered_source')
      t.dropColumn('recovered_reason')
      t.dropColumn('fee_due_fen')
    })
  }
}
