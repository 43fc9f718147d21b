import { BaseSchema } from '@adonisjs/lucid/schema'
import { bookLookups } from '../../../credit-assets/services/book_lookups.js'

/*
| A pooled loan is now held through credit-assets' asset claims (one holder per
| loan across every plugin's open applications) instead of this plugin's own
| lock table: the rows move over (holder batch-disposal, ref project:<id>) and
| the rule `not_in_other_disposal` reads "不在其他进行中的处置申请中".
*/
const CLAIMS = bookLookups.assetClaims.table

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
      const locks = await db
        .from('batch_disposal_locks as k')
        .join('batch_disposal_projects as p', 'p.id', 'k.project_id')
        .select('k.loan_id', 'k.project_id', 'p.project_no')
      for (let start = 0; start < locks.length; start += 1000)
        await db.table(CLAIMS).multiInsert(
          locks.slice(start, start + 1000).map((k: any) => ({
            loan_id: k.loan_id,
            holder: 'batch-disposal',
            holder_ref: `project:${k.project_id}`,
            label: `批量转让项目 ${k.project_no}`,
            claimed_at: now,
          }))
        )
      await db.from('batch_disposal_rules').where('code', 'not_in_other_disposal').update({
        name: '不在其他进行中的处置申请中',
        basis: '同一借据同时只能在一个进行中的处置申请中（批量转让项目、核销方案等，资产占用登记）',
      })
    })
    this.schema.dropTable('batch_disposal_locks')
  }

  async down() {
    this.schema.createTable('batch_disposal_locks', (t) => {
      t.integer('loan_id').unsigned().primary()
      t.integer('project_id').unsigned().notNullable()
      t.index(['project_id'])
    })
    this.defer(async (db) => {
      const claims = await db
        .from(CLAIMS)
        .where('holder', 'batch-disposal')
        .select('loan_id', 'holder_ref')
      for (let start = 0; start < claims.length; start += 1000)
        await db.table('batch_disposal_locks').multiInsert(
          claims.slice(start, start + 1000).map((c: any) => ({
            loan_id: c.loan_id,
            project_id: Number(String(c.holder_ref).split(':')[1]),
          }))
        )
      await db.from(CLAIMS).where('holder', 'batch-disposal').delete()
    })
  }
}
