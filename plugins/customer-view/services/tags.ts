/* 客户标签: manual tags, codes of the dictionary customer_view_tag. */
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/support/db_time'

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

/** Adds a tag once; false when the customer already had it. */
export async function addTag(customerId: number, tag: string, userId: number) {
  const existing = await db.from('cv_customer_tags').where({ customer_id: customerId, tag }).first()
  if (existing) return false
  await db
    .table('cv_customer_tags')
    .insert({ customer_id: customerId, tag, created_by: userId, created_at: dbNow() })
  return true
}

/** Removes a tag; false when the customer did not have it. */
export async function removeTag(customerId: number, tag: string) {
  const removed = await db.from('cv_customer_tags').where({ customer_id: customerId, tag }).delete()
  return Number(Array.isArray(removed) ? removed[0] : removed) > 0
}
