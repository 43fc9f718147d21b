/*
| A user's grants as the database holds them: active roles with their
| permission codes (of active plugins only) and data scopes, and the user's org
| path. UserAccess wraps them per request; access_cache.ts keeps them between
| requests. Treat a loaded value as read-only: the cache shares it between
| requests.
*/
import db from '@adonisjs/lucid/services/db'
import type { DataScope } from '#core/identity/role'

/** The built-in role whose holders may do everything (system administrator). */
export const SUPER_ADMIN_ROLE = 'admin'
export const ALL_PERMISSIONS = '*'

export interface RoleGrant {
  id: number
  code: string
  name: string
  dataScope: DataScope
  customOrgIds: number[]
  /** Permission codes this role grants (its data scope applies to these). */
  permissions: Set<string>
}

export interface UserGrants {
  userId: number
  /** The org the grants were read for: a user moved to another org needs other grants. */
  orgId: number
  roles: RoleGrant[]
  permissions: Set<string>
  /** The user's org path ("/1/4/"), for "own org and below". */
  orgPath: string
}

export async function loadUserGrants(user: { id: number; orgId: number }): Promise<UserGrants> {
  const roles = await db
    .from('roles')
    .join('user_roles', 'user_roles.role_id', 'roles.id')
    .where('user_roles.user_id', user.id)
    .where('roles.status', 'active')
    .select('roles.id', 'roles.code', 'roles.name', 'roles.data_scope')
  const roleIds = roles.map((r) => r.id as number)

  const permissions = new Set<string>()
  const byRole = new Map<number, Set<string>>(roleIds.map((id) => [id, new Set<string>()]))
  if (roles.some((r) => r.code === SUPER_ADMIN_ROLE)) permissions.add(ALL_PERMISSIONS)
  if (roleIds.length) {
    // Only permissions of active plugins count: a disabled plugin's grants sleep.
    const rows = await db
      .from('role_permissions')
      .join('permissions', 'permissions.code', 'role_permissions.permission')
      .whereIn('role_permissions.role_id', roleIds)
      .where('permissions.active', true)
      .select('role_permissions.role_id', 'role_permissions.permission')
    for (const r of rows) {
      permissions.add(r.permission)
      byRole.get(r.role_id)?.add(r.permission)
    }
  }

  const custom = roleIds.length
    ? await db.from('role_orgs').whereIn('role_id', roleIds).select('role_id', 'org_id')
    : []
  const grants: RoleGrant[] = roles.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    dataScope: r.data_scope,
    customOrgIds: custom.filter((c) => c.role_id === r.id).map((c) => c.org_id),
    permissions: byRole.get(r.id) ?? new Set<string>(),
  }))
  const org = await db.from('orgs').where('id', user.orgId).select('path').first()
  return {
    userId: user.id,
    orgId: user.orgId,
    roles: grants,
    permissions,
    orgPath: org?.path ?? `/${user.orgId}/`,
  }
}

/** Ids of the orgs under (and including) the org at `orgPath`. */
export async function loadSubtreeOrgIds(orgPath: string): Promise<number[]> {
  const rows = await db.from('orgs').where('path', 'like', `${orgPath}%`).select('id')
  return rows.map((r) => Number(r.id))
}
