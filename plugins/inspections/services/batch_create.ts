/*
| 批量检查: the clerk's filter picks individual / online-loan customers (in their
| data scope, with an active loan of the chosen classes / overdue days, under an
| org) and the batch's items are written with ONE INSERT … SELECT — thousands of
| customers without a row-by-row round trip. The run (智能贷后) is a queued job.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { audit } from '#core/audit/audit'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import type { CheckItem } from './checklists.js'
import { InspectionError } from './scope.js'

export interface BatchFilter {
  customerTypes: Array<'individual' | 'online'>
  orgId?: number
  fiveClasses?: string[]
  minOverdueDays?: number
  /** At most this many customers (the lowest numbers first). */
  limit?: number
}

export const BATCH_MAX = 10_000

/**
 * The customers a filter picks, in the caller's scope: a query to count or to insert from
 * (wrapped: an awaited query builder would run).
 */
export async function batchCustomers(access: UserAccess, filter: BatchFilter) {
  const loans = db
    .from(book.loans.as('l'))
    .whereColumn('l.customer_id', 'c.id')
    .where('l.status', 'active')
    .select(db.raw('1'))
  if (filter.fiveClasses?.length) loans.whereIn('l.five_class', filter.fiveClasses)
  if (filter.minOverdueDays !== undefined)
    loans.where('l.overdue_days', '>=', filter.minOverdueDays)
  const query = applyDataScope(
    db
      .from(book.customers.as('c'))
      .whereIn('c.customer_type', filter.customerTypes)
      .whereExists(loans),
    access,
    book.customers.scopeOf('c')
  )
  if (filter.orgId) {
    const org = await db.from('orgs').where('id', filter.orgId).select('path').first()
    if (!org) throw new InspectionError(422, 'orgId', '机构不存在', 'Unknown org')
    query.whereIn('c.org_id', db.from('orgs').where('path', 'like', `${org.path}%`).select('id'))
  }
  return { query }
}

export async function countBatchCustomers(access: UserAccess, filter: BatchFilter) {
  const row = await (await batchCustomers(access, filter)).query.count('* as n').first()
  return Math.min(Number(row?.n ?? 0), filter.limit ?? BATCH_MAX)
}

export async function createBatch(
  ctx: HttpContext,
  access: UserAccess,
  input: { filter: BatchFilter; items: CheckItem[] }
) {
  const picked = await countBatchCustomers(access, input.filter)
  if (!picked)
    throw new InspectionError(422, 'filter', '没有符合条件的客户', 'No customer matches the filter')
  if (picked > BATCH_MAX && !input.filter.limit)
    throw new InspectionError(
      422,
      'filter.limit',
      `一批最多 ${BATCH_MAX} 户，请缩小范围或设置户数上限`,
      `At most ${BATCH_MAX} customers per batch`
    )
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('insp_batches').insert({
      batch_no: `P${randomUUID().replaceAll('-', '').slice(0, 30)}`,
      filter: JSON.stringify(input.filter),
      items: JSON.stringify(input.items),
      total: 0,
      status: 'queued',
      org_id: access.user.orgId,
      created_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    const batchNo = `PL${now.slice(0, 10).replaceAll('-', '')}${String(id).padStart(6, '0')}`
    const select = (await batchCustomers(access, input.filter)).query
      .orderBy('c.id')
      .limit(Math.min(input.filter.limit ?? BATCH_MAX, BATCH_MAX))
      .select(
        db.raw('? as batch_id', [Number(id)]),
        'c.id',
        'c.customer_no',
        'c.name',
        'c.customer_type',
        'c.org_id',
        'c.manager_id',
        db.raw('? as status', ['pending'])
      )
    const { sql, bindings } = select.toSQL()
    await trx.rawQuery(
      `INSERT INTO insp_batch_items (batch_id, customer_id, customer_no, customer_name, customer_type, org_id, manager_id, status) ${sql}`,
      bindings as any[]
    )
    const total = Number(
      (await trx.from('insp_batch_items').where('batch_id', id).count('* as n').first())?.n ?? 0
    )
    await trx.from('insp_batches').where('id', id).update({ batch_no: batchNo, total })
    await audit.append(ctx, {
      action: 'inspections.batch.create',
      entityType: 'inspection_batch',
      entityId: Number(id),
      after: { batchNo, total, filter: input.filter, items: input.items },
      trx,
    })
    return { id: Number(id), batchNo, total }
  })
}
