import { BaseSchema } from '@adonisjs/lucid/schema'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import { bookLookups } from '../../../credit-assets/services/book_lookups.js'

/*
| 减免方案 now hold their loans through credit-assets' asset claims (one holder
| per loan across plugins). The ones already open when this runs get their
| claims here, so an open application is never silently unheld. A loan that
| is already claimed (by another plugin), or in two open applications (the
| old rules allowed it), stays with the holder it has, else the earliest
| application; the others go on unheld, as they were before.
*/
const OPEN = ['draft', 'committee', 'pending', 'returned', 'executing']

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const rows = await db
        .from('relief_plan_loans as l')
        .join('relief_plans as p', 'p.id', 'l.plan_id')
        .whereIn('p.status', OPEN)
        .orderBy('p.id')
        .select('l.loan_id', 'p.id', 'p.plan_no')
      await assetClaims.claimExisting(
        db,
        rows.map((r: any) => ({
          loanId: Number(r.loan_id),
          holder: 'relief',
          ref: `plan:${r.id}`,
          label: `减免方案 ${r.plan_no}`,
        }))
      )
    })
  }

  async down() {
    // Undone wholesale: before this migration the plugin held nothing in the register.
    this.defer(async (db) => {
      await db.from(bookLookups.assetClaims.table).where('holder', 'relief').delete()
    })
  }
}
