/*
| The data scope of plans. A plan belongs to the customer's org (the asset's
| owning org) and to its applicant, so a branch sees its subtree's plans, a
| 客户经理 with "self only" sees the plans they applied for, and anything out
| of scope is a 404 exactly like a missing id. Customers and loans offered on
| the application form are filtered by the same rules credit-assets uses.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export const scopedPlans = (access: UserAccess) =>
  applyDataScope(db.from('disposal_plans as p'), access, {
    orgColumn: 'p.org_id',
    ownerColumn: 'p.created_by',
  })

export const scopedCustomers = (access: UserAccess) =>
  applyDataScope(db.from(book.customers.as('c')), access, book.customers.scopeOf('c'))

export const scopedLoans = (access: UserAccess) =>
  applyDataScope(db.from(book.loans.as('l')), access, book.loans.scopeOf('l'))

/** Plan id from a route parameter; anything that is not a positive integer finds nothing. */
export function planIdParam(value: unknown): number {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}
