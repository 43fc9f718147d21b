/*
| Who a deadline reminds: the users named on it (deadline_users) and, when it
| names an org and a permission instead (or as well), every active user of
| that org who holds the permission — decided by the core permission lookup
| (UserAccess: active roles, active plugins' permissions, 系统管理员 holds all),
| so a clerk who joins or loses the role is covered without re-registering —
| and whose data scope covers the record (record_org_id / record_owner_id, or
| the deadline's org with no owner): a 仅本人 clerk is reminded only of their own
| records (backend/identity/record_recipients.ts).
| Only the org itself, not its sub-orgs: 分行 deadlines are for 分行 staff.
*/
import type { UserAccess } from '#core/identity/user_access'
import {
  orgPathOf,
  permissionHolderAccess,
  scopeCovers,
  type ScopedRecord,
} from '#core/identity/record_recipients'

/** Active users of `orgId` holding `permission`, ascending ids (no record scope). */
export async function permissionHolders(orgId: number, permission: string): Promise<number[]> {
  return (await permissionHolderAccess(orgId, permission)).map((a) => a.user.id)
}

/** Memoised per run: a chunk of 500 deadlines of one branch looks its holders up once. */
export function holdersLookup() {
  const seen = new Map<string, Promise<UserAccess[]>>()
  const paths = new Map<number, Promise<string>>()
  return async (orgId: number, permission: string, record: ScopedRecord) => {
    const key = `${orgId}\u0000${permission}`
    if (!seen.has(key)) seen.set(key, permissionHolderAccess(orgId, permission))
    if (!paths.has(record.orgId)) paths.set(record.orgId, orgPathOf(record.orgId))
    const orgPath = await paths.get(record.orgId)!
    return (await seen.get(key)!)
      .filter((access) => scopeCovers(access, { ...record, orgPath }, permission))
      .map((access) => access.user.id)
  }
}
