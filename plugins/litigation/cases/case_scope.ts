/*
| The data scope of cases: a case belongs to the customer's org (the asset's
| owning org) and to the clerk who registered it. A branch sees its subtree's
| cases, a 仅本人 clerk the cases they registered, and anything outside is a 404
| exactly like a missing id. Documents and the ledger follow their case.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'

export const CASE_SCOPE = { orgColumn: 'c.org_id', ownerColumn: 'c.created_by' }

/** `lit_cases as c` limited to the user's scope (a builder, not awaited). */
export const scopedCases = (access: UserAccess) =>
  applyDataScope(db.from('lit_cases as c'), access, CASE_SCOPE)

/** Id from a route parameter; anything that is not a positive integer finds nothing. */
export function idParam(value: unknown): number {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : 0
}
