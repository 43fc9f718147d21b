/*
| 重点系列项目: a dictionary of key project series (targets_series, maintained
| by administrators in 数据字典) and the customers each covers. A series target
| is tracked on its members' disposal outcomes inside the target org. Adding a
| member checks the customer is in the actor's scope (credit-assets' book
| service); the list shows only members the actor may see.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { dbNow } from '#core/db/db_time'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { TargetError } from './target_error.js'

export const MEMBERS = 'targets_series_members'

export async function seriesCustomerIds(series: string): Promise<number[]> {
  const rows = await db.from(MEMBERS).where('series', series).select('customer_id')
  return rows.map((r) => Number(r.customer_id))
}

/** The series code is an enabled item of targets_series, else a 422 on `series`. */
export async function assertSeries(series: string) {
  const { data } = await dictionariesCache.current()
  const item = (data.targets_series ?? []).find((i) => i.code === series)
  if (!item || !item.enabled)
    throw new TargetError(
      422,
      { zh: '重点系列项目不存在或已停用', en: 'No such key project series' },
      'series'
    )
}

export async function listMembers(access: UserAccess, series: string) {
  const ids = await seriesCustomerIds(series)
  if (!ids.length) return []
  // Key project series are dozens of customers; the book pages at 200.
  const page = await bookApi.customers.search({ ids, perPage: 200 }, { access })
  return page.data.map((c) => ({ customerId: c.id, customerNo: c.customerNo, name: c.name }))
}

export async function addMember(access: UserAccess, series: string, customerId: number) {
  await assertSeries(series)
  const customer = await bookApi.customers.byId(customerId, { access })
  if (!customer)
    throw new TargetError(
      422,
      { zh: '客户不存在或不在您的数据权限内', en: 'The customer is not in your data scope' },
      'customerId'
    )
  const exists = await db.from(MEMBERS).where({ series, customer_id: customerId }).first()
  if (!exists)
    await db.table(MEMBERS).insert({
      series,
      customer_id: customerId,
      created_by: access.user.id,
      created_at: dbNow(),
    })
  return { customerId, customerNo: customer.customerNo, name: customer.name, added: !exists }
}

export async function removeMember(access: UserAccess, series: string, customerId: number) {
  const customer = await bookApi.customers.byId(customerId, { access })
  const row = customer
    ? await db.from(MEMBERS).where({ series, customer_id: customerId }).first()
    : null
  if (!row)
    throw new TargetError(404, { zh: '成员不存在或无权访问', en: 'No such member, or not yours' })
  await db.from(MEMBERS).where('id', row.id).delete()
  return { customerId, customerNo: customer!.customerNo, name: customer!.name }
}
