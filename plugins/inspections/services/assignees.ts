/*
| Who gets a check task: the customer's 管户人 when they hold the handling
| permission AND their data scope (through the roles granting it) covers the
| customer — otherwise the first such holder at the customer's org; nobody
| (the task stays unassigned, visible to the org) when there is none. The same
| rule as reading the record: no task goes to someone who would get a 404.
| One resolver per run memoises users and org holders.
*/
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { orgPathOf, permissionHolderAccess, scopeCovers } from '#core/identity/record_recipients'
import { HANDLE_PERMISSION } from './scope.js'

export interface CustomerRef {
  orgId: number
  managerId: number | null
}

export function assigneeResolver() {
  const paths = new Map<number, Promise<string>>()
  const users = new Map<number, Promise<UserAccess | null>>()
  const holders = new Map<number, Promise<UserAccess[]>>()
  const pathOf = (orgId: number) => {
    if (!paths.has(orgId)) paths.set(orgId, orgPathOf(orgId))
    return paths.get(orgId)!
  }
  const accessOfUser = (id: number) => {
    if (!users.has(id))
      users.set(
        id,
        User.find(id).then((u) => (u && u.status === 'active' ? UserAccess.load(u) : null))
      )
    return users.get(id)!
  }
  const holdersAt = (orgId: number) => {
    if (!holders.has(orgId)) holders.set(orgId, permissionHolderAccess(orgId, HANDLE_PERMISSION))
    return holders.get(orgId)!
  }

  /** May this user be given (and handle) a task on this customer? */
  async function eligible(userId: number, customer: CustomerRef) {
    const access = await accessOfUser(userId)
    if (!access || !access.can(HANDLE_PERMISSION)) return false
    const record = {
      orgId: customer.orgId,
      ownerId: customer.managerId,
      orgPath: await pathOf(customer.orgId),
    }
    return scopeCovers(access, record, HANDLE_PERMISSION)
  }

  async function resolve(customer: CustomerRef): Promise<number | null> {
    if (customer.managerId && (await eligible(customer.managerId, customer)))
      return customer.managerId
    const record = {
      orgId: customer.orgId,
      ownerId: customer.managerId,
      orgPath: await pathOf(customer.orgId),
    }
    const holder = (await holdersAt(customer.orgId)).find((a) =>
      scopeCovers(a, record, HANDLE_PERMISSION)
    )
    return holder?.user.id ?? null
  }

  return { resolve, eligible }
}
