/*
| Who a deadline reminds: the users named on it (deadline_users) and, when it
| names an org and a permission instead (or as well), every active user of
| that org who holds the permission — decided by the core permission lookup
| (UserAccess: active roles, active plugins' permissions, 系统管理员 holds all),
| so a clerk who joins or loses the role is covered without re-registering.
| Only the org itself, not its sub-orgs: 分行 deadlines are for 分行 staff.
*/
import User from '#core/models/user'
import { UserAccess } from '#core/auth/user_access'

/** Active users of `orgId` holding `permission`, ascending ids. */
export async function permissionHolders(orgId: number, permission: string): Promise<number[]> {
  const users = await User.query().where('org_id', orgId).where('status', 'active').orderBy('id')
  const holders: number[] = []
  for (const user of users) if ((await UserAccess.load(user)).can(permission)) holders.push(user.id)
  return holders
}

/** Memoised per run: a chunk of 500 deadlines of one branch looks its holders up once. */
export function holdersLookup() {
  const seen = new Map<string, Promise<number[]>>()
  return (orgId: number, permission: string) => {
    const key = `${orgId}\u0000${permission}`
    if (!seen.has(key)) seen.set(key, permissionHolders(orgId, permission))
    return seen.get(key)!
  }
}
