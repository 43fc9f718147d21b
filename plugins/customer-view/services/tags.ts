/* 客户标签: manual tags, codes of the dictionary customer_view_tag; each change is a timeline event. */
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordRiskEvent } from '../../credit-assets/services/risk_events.js'
import { bookWriter } from '../../credit-assets/services/book_writer.js'

export const TAG_DICTIONARY = 'customer_view_tag'

/** The tag codes a user may add now (enabled items, including ones an administrator added). */
export async function tagCodes(): Promise<string[]> {
  const rows = await db
    .from('dict_items')
    .where('type_code', TAG_DICTIONARY)
    .where('enabled', true)
    .select('code')
  return rows.map((r) => r.code)
}

export async function tagsOf(customerId: number) {
  const rows = await db
    .from('cv_customer_tags as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .where('t.customer_id', customerId)
    .select('t.tag', 't.created_at', 'u.real_name as created_by_name')
    .orderBy('t.id')
  return rows.map((r) => ({
    tag: r.tag,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
  }))
}

/** Tags of many customers (a search page), as customerId → codes. */
export async function tagsByCustomer(customerIds: number[]) {
  const out = new Map<number, string[]>()
  if (!customerIds.length) return out
  const rows = await db
    .from('cv_customer_tags')
    .whereIn('customer_id', customerIds)
    .select('customer_id', 'tag')
    .orderBy('id')
  for (const r of rows)
    out.set(Number(r.customer_id), [...(out.get(Number(r.customer_id)) ?? []), r.tag])
  return out
}

/*
| Tags are the customer's, so their timeline event is customer-level (no loan):
| the portrait's timeline shows it beside the loans' events. The tag row, its
| event and the before/after tag lists commit together.
*/
async function changeTags(
  customerId: number,
  userId: number,
  change: (trx: TransactionClientContract, current: string[]) => Promise<string[] | null>
) {
  // Read before the transaction: on SQLite a read through the pool would wait on it.
  const date = await businessDate.current()
  return db.transaction(async (trx) => {
    // One tag change per customer at a time, so each event's before/after is exact.
    await bookWriter.lockCustomer(trx, customerId)
    const rows = await trx
      .from('cv_customer_tags')
      .where('customer_id', customerId)
      .orderBy('id')
      .select('tag')
    const current = rows.map((r) => String(r.tag))
    const next = await change(trx, current)
    if (!next) return false
    await recordRiskEvent(trx, {
      type: 'tags',
      businessDate: date,
      loanId: null,
      customerId,
      before: { tags: current },
      after: { tags: next },
      operatorId: userId,
    })
    return true
  })
}

/** Adds a tag once; false when the customer already had it (nothing written). */
export async function addTag(customerId: number, tag: string, userId: number) {
  return changeTags(customerId, userId, async (trx, current) => {
    if (current.includes(tag)) return null
    await trx
      .table('cv_customer_tags')
      .insert({ customer_id: customerId, tag, created_by: userId, created_at: dbNow() })
    return [...current, tag]
  })
}

/** Removes a tag; false when the customer did not have it (nothing written). */
export async function removeTag(customerId: number, tag: string, userId: number) {
  return changeTags(customerId, userId, async (trx, current) => {
    if (!current.includes(tag)) return null
    await trx.from('cv_customer_tags').where({ customer_id: customerId, tag }).delete()
    return current.filter((t) => t !== tag)
  })
}
