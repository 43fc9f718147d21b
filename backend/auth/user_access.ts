/*
| What a signed-in user may do and see: their active roles' permission codes and
| data scopes. Loaded once per request (cached on the HttpContext) so every
| permission check and scoped query in that request agrees.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#core/auth/user'
import type { DataScope } from '#core/auth/role'

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

export class UserAccess {
  constructor(
    readonly user: User,
    readonly roles: RoleGrant[],
    readonly permissions: Set<string>,
    /** The user's org path ("/1/4/"), for "own org and below". */
    readonly orgPath: string
  ) {}

  /**
   * The permission code of the route being served (set by the permission
   * middleware). Data scope then comes only from the roles that grant it, so a
   * user who is branch-wide for one function and self-only for another gets
   * exactly that.
   */
  activePermission: string | null = null

  /** The org subtree's ids once resolveSubtreeOrgIds (data_scope.ts) has read them. */
  subtreeOrgIds?: number[]

  /** Roles whose data scope applies to the current request. */
  get scopingRoles(): RoleGrant[] {
    if (!this.activePermission) return this.roles
    return this.roles.filter((r) => r.permissions.has(this.activePermission!))
  }

  get isSuperAdmin() {
    return this.permissions.has(ALL_PERMISSIONS)
  }

  can(code: string) {
    return this.isSuperAdmin || this.permissions.has(code)
  }

  static async load(user: User): Promise<UserAccess> {
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
    return new UserAccess(user, grants, permissions, org?.path ?? `/${user.orgId}/`)
  }
}

const cache = new WeakMap<HttpContext, Promise<UserAccess>>()

/** The current user's access, loaded once per request. Requires the auth middleware. */
export function accessOf(ctx: HttpContext): Promise<UserAccess> {
  let access = cache.get(ctx)
  if (!access) {
    access = UserAccess.load(ctx.auth.getUserOrFail() as User)
    cache.set(ctx, access)
  }
  return access
}
