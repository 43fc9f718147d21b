/*
| Who hears of a customer's alert: the customer's managers — its 管户人 and the
| managers of its risk assets — each only when they hold monitoring:alert:list
| AND their data scope for it covers the customer (the rule GET by id follows:
| a manager who would get a 404 is not told).
*/
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { orgPathOf, scopeCovers } from '#core/identity/record_recipients'
import { bookApi, type BookCustomer } from '../../credit-assets/services/book_api.js'

export const ALERT_LIST = 'monitoring:alert:list'

export async function alertRecipients(customer: BookCustomer): Promise<number[]> {
  const risk = await bookApi.riskAssets.search({ customerId: customer.id, perPage: 200 })
  const candidates = [
    ...new Set(
      [customer.managerId, ...risk.data.map((r) => r.managerId)].filter(
        (id): id is number => typeof id === 'number' && id > 0
      )
    ),
  ]
  if (!candidates.length) return []
  const orgPath = await orgPathOf(customer.orgId)
  const users = await User.query().whereIn('id', candidates).where('status', 'active').orderBy('id')
  const ids: number[] = []
  for (const user of users) {
    const access = await UserAccess.load(user)
    if (!access.can(ALERT_LIST)) continue
    const record = { orgId: customer.orgId, ownerId: customer.managerId, orgPath }
    if (scopeCovers(access, record, ALERT_LIST)) ids.push(user.id)
  }
  return ids
}
