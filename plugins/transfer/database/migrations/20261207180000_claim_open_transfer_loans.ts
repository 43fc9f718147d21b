import { BaseSchema } from '@adonisjs/lucid/schema'
import { bookLookups } from '../../../credit-assets/services/book_lookups.js'

/*
| 债权转让申请 now hold their loans through credit-assets' asset claims (one holder
| per loan across plugins). The ones already open when this runs get their
| claims here, so an open application is never silently unheld. A loan that
| is already claimed (by another plugin), or in two open applications (the
| old rules allowed it), stays with the holder it has, else the earliest
| application; the others go on unheld, as they were before.
*/
const CLAIMS = bookLookups.assetClaims.table
const OPEN = ['draft', 'pending', 'returned', 'committee', 'approved']

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
      const rows = await db
        .from('transfer_loans as l')
        .join('transfer_applications as p', 'p.id', 'l.app_id')
        .whereIn('p.status', OPEN)
        .whereNotExists(
          db.from(`${CLAIMS} as k`).whereRaw('k.loan_id = l.loan_id').select(db.raw('1'))
        )
        .orderBy('p.id')
        .select('l.loan_id', 'p.id', 'p.app_no')
      const first = new Map<number, any>()
      for (const r of rows) if (!first.has(Number(r.loan_id))) first.set(Number(r.loan_id), r)
      const claims = [...first.values()].map((r) => ({
        loan_id: Number(r.loan_id),
        holder: 'transfer',
        holder_ref: `app:${r.id}`,
        label: `债权转让申请 ${r.app_no}`,
        claimed_at: now,
      }))
      for (let start = 0; start < claims.length; start += 1000)
        await db.table(CLAIMS).multiInsert(claims.slice(start, start + 1000))
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.from(CLAIMS).where('holder', 'transfer').delete()
    })
  }
}
