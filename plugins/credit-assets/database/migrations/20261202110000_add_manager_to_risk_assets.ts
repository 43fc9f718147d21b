import { BaseSchema } from '@adonisjs/lucid/schema'

/*
| The risk-asset list is scoped and counted on ca_risk_assets alone (its org_id
| and, now, manager_id — the 管户人 for the "self only" data scope), so a count
| over 70 000 risk assets no longer joins a million loans. Handover and the
| data platform's daily sync keep both equal to the loan's.
*/
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ca_risk_assets', (t) => {
      t.integer('manager_id').unsigned().nullable()
      t.index(['manager_id'])
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `UPDATE ca_risk_assets SET manager_id = (SELECT l.manager_id FROM ca_loans l WHERE l.id = ca_risk_assets.loan_id)`
      )
    })
  }

  async down() {
    this.schema.alterTable('ca_risk_assets', (t) => {
      t.dropIndex(['manager_id'])
      t.dropColumn('manager_id')
    })
  }
}
