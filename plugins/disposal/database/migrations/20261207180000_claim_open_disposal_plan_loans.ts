import { BaseSchema } from '@adonisjs/lucid/schema'
import { bookLookups } from '../../../credit-assets/services/book_lookups.js'

/*
| 处置预案 now hold their loans through credit-assets' asset claims (one holder
| per loan across plugins). The ones already open when this runs get their
| claims here, so an open application is never silently unheld. A loan that
| is already claimed (by another plugin), or in two open applications (the
| old rules allowed it), stays with the holder it has, else the earliest
| application; the others go on unheld, as they were before.
*/
const CLAIMS = bookLookups.assetClaims.table
const OPEN = ['draft', 'pending', 'returned']

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
      const rows = await db
        .from('disposal_plan_loans as l')
        .join('disposal_plans as p', 'p.id', 'l.plan_id')
        .whereIn('p.status', OPEN)
        .whereNotExists(
          db.from(`${CLAIMS} as k`).whereRaw('k.loan_id = l.loan_id').select(db.raw('1'))
        )
        .orderBy('p.id')
        .select('l.loan_id', 'p.id', 'p.plan_no')
      const first = new Map<number, any>()
      for (const r of rows) if (!first.has(Number(r.loan_id))) first.set(Number(r.loan_id), r)
      const claims = [...first.values()].map((r) => ({
        loan_id: Number(r.loan_id),
        holder: 'disposal',
        holder_ref: `plan:${r.id}`,
        label: `处置预案 ${r.plan_no}`,
        claimed_at: now,
      }))
      for (let start = 0; start < claims.length; start += 1000)
        await db.table(CLAIMS).multiInsert(claims.slice(start, start + 1000))
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.from(CLAIMS).where('holder', 'disposal').delete()
    })
  }
}
