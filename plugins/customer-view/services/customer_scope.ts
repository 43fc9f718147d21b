/*
| The data scope of the customer view. A customer is visible by its org and
| manager (the book's customer org_id / manager_id); its loans, balances and timeline
| are filtered again by the loan's own org and manager, so a branch never sees
| another branch's loan of a shared customer. Out of scope by id is a 404.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf, type UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export const scopedCustomers = (access: UserAccess) =>
  applyDataScope(db.from(book.customers.as('c')), access, book.customers.scopeOf('c'))

/** The customer's loans the user may see (alias `l`). */
export const scopedLoans = (access: UserAccess, customerId: number | number[]) => {
  const query = db.from(book.loans.as('l'))
  if (Array.isArray(customerId)) query.whereIn('l.customer_id', customerId)
  else query.where('l.customer_id', customerId)
  return applyDataScope(query, access, book.loans.scopeOf('l'))
}

/** The customer named by the route's :id, or a 404 when it does not exist or is out of scope. */
export async function findCustomer(ctx: HttpContext) {
  const access = await accessOf(ctx)
  const id = Number(ctx.params.id)
  const query = scopedCustomers(access)
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoin('users as m', 'm.id', 'c.manager_id')
    .select('c.*', 'o.name as org_name', 'm.real_name as manager_name')
  if (!Number.isSafeInteger(id) || id < 1) query.whereRaw('1 = 0')
  else query.where('c.id', id)
  const customer = await query.firstOrFail()
  return { access, customer }
}

/** Org subtree condition on a column (the org's path prefix, as the data scope does). */
export async function inOrgSubtree(query: any, column: string, orgId: number) {
  const org = await db.from('orgs').where('id', orgId).select('path').first()
  if (!org) query.whereRaw('1 = 0')
  else query.whereIn(column, db.from('orgs').where('path', 'like', `${org.path}%`).select('id'))
}
