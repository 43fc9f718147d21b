/*
| Who may be told about a record: the same rule as reading it. A reminder, message
| or notification a plugin sends "to whoever holds permission P at org O" goes
| only to those holders whose data scope — from the roles that grant P — covers
| the record (its org and owner). A 仅本人 clerk is not told about another
| manager's loan, because GET by id would be a 404 for them.
|
|   const userIds = await recordRecipients({ orgId, permission: 'disposal:plan:list',
|     record: { orgId: loan.orgId, ownerId: loan.managerId } })
|   await notify({ type, userIds, title, link }, { trx })
*/
import db from '@adonisjs/lucid/services/db'
import User from '#core/identity/user'
import { UserAccess } from './user_access.js'

export interface ScopedRecord {
  /** The record's owning org (the column data scope filters on). */
  orgId: number
  /** The record's owner (管户人 / applicant), for 仅本人; null when it has none. */
  ownerId?: number | null
}

/** Whether `access` (through the roles granting `permission`, or all roles) may see the record. */
export function scopeCovers(
  access: UserAccess,
  record: ScopedRecord & { orgPath: string },
  permission?: string
): boolean {
  if (access.isSuperAdmin) return true
  const roles = permission
    ? access.roles.filter((r) => r.permissions.has(permission))
    : access.roles
  return roles.some((role) => {
    switch (role.dataScope) {
      case 'all':
        return true
      case 'org':
        return record.orgId === access.user.orgId
      case 'org_and_below':
        return record.orgPath.startsWith(access.orgPath)
      case 'custom':
        return role.customOrgIds.includes(record.orgId)
      case 'self':
        return (
          record.ownerId !== null &&
          record.ownerId !== undefined &&
          record.ownerId === access.user.id
        )
      default:
        return false
    }
  })
}

/** The org path of a record's org ("/1/4/9/"), memoised by the caller when it asks often. */
export async function orgPathOf(orgId: number): Promise<string> {
  const row = await db.from('orgs').where('id', orgId).select('path').first()
  return row?.path ?? `/${orgId}/`
}

/** Active users of `orgId` holding `permission`, each with their access, ascending ids. */
export async function permissionHolderAccess(orgId: number, permission: string) {
  const users = await User.query().where('org_id', orgId).where('status', 'active').orderBy('id')
  const holders: UserAccess[] = []
  for (const user of users) {
    const access = await UserAccess.load(user)
    if (access.can(permission)) holders.push(access)
  }
  return holders
}

/** Holders of `permission` at `orgId` whose data scope covers `record`. */
export async function recordRecipients(input: {
  orgId: number
  permission: string
  record: ScopedRecord
}): Promise<number[]> {
  const path = await orgPathOf(input.record.orgId)
  const holders = await permissionHolderAccess(input.orgId, input.permission)
  return holders
    .filter((a) => scopeCovers(a, { ...input.record, orgPath: path }, input.permission))
    .map((a) => a.user.id)
}
