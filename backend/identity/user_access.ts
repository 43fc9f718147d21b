/*
| What a signed-in user may do and see: their active roles' permission codes and
| data scopes. Taken once per request (kept on the HttpContext) so every
| permission check and scoped query in that request agrees; between requests the
| grants come from access_cache.ts.
*/
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#core/identity/user'
import { grantsFor } from './access_cache.js'
import {
  ALL_PERMISSIONS,
  loadUserGrants,
  SUPER_ADMIN_ROLE,
  type RoleGrant,
  type UserGrants,
} from './user_grants.js'

export { ALL_PERMISSIONS, SUPER_ADMIN_ROLE, type RoleGrant }

export class UserAccess {
  readonly roles: RoleGrant[]
  readonly permissions: Set<string>
  /** The user's org path ("/1/4/"), for "own org and below". */
  readonly orgPath: string

  constructor(
    readonly user: User,
    /** Shared with other requests when cached: read-only. */
    readonly grants: UserGrants
  ) {
    this.roles = grants.roles
    this.permissions = grants.permissions
    this.orgPath = grants.orgPath
  }

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

  /** Straight from the database (jobs, checks on other users, inside transactions). */
  static async load(user: User): Promise<UserAccess> {
    return new UserAccess(user, await loadUserGrants(user))
  }

  /** From this node's grants cache when current (access_cache.ts): the request path. */
  static async cached(user: User): Promise<UserAccess> {
    return new UserAccess(user, await grantsFor(user))
  }
}

const cache = new WeakMap<HttpContext, Promise<UserAccess>>()

/** The current user's access, loaded once per request. Requires the auth middleware. */
export function accessOf(ctx: HttpContext): Promise<UserAccess> {
  let access = cache.get(ctx)
  if (!access) {
    access = UserAccess.cached(ctx.auth.getUserOrFail() as User)
    cache.set(ctx, access)
  }
  return access
}
