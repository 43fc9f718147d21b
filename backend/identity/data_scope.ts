/*
| 数据权限: the one query scope every list, export, count and dashboard applies.
| A user with several roles sees the union of their scopes. Plugins call
| `applyDataScope(query, access, { orgColumn, ownerColumn })` on their own tables.
*/
import db from '@adonisjs/lucid/services/db'
import { subtreeOrgIds } from './access_cache.js'
import type { UserAccess } from './user_access.js'

export interface ScopeColumns {
  /** Column holding the owning org id, e.g. `loans.org_id`. */
  orgColumn: string
  /** Column holding the owning user id (for "self only"), e.g. `loans.manager_id`. */
  ownerColumn?: string
}

/**
 * Adds a WHERE group that keeps only rows the user may see. The org subtree is
 * resolved by the org path prefix in a sub-select, so no id list is built in JS —
 * unless the caller resolved it first (resolveSubtreeOrgIds).
 */
export function applyDataScope<Q extends { where: (...args: any[]) => Q }>(
  query: Q,
  access: UserAccess,
  columns: ScopeColumns
): Q {
  const roles = access.scopingRoles
  if (access.isSuperAdmin || roles.some((r) => r.dataScope === 'all')) return query
  const user = access.user
  return query.where((group: any) => {
    let clauses = 0
    for (const role of roles) {
      if (role.dataScope === 'custom' && role.customOrgIds.length) {
        group.orWhereIn(columns.orgColumn, role.customOrgIds)
        clauses++
      } else if (role.dataScope === 'org') {
        group.orWhere(columns.orgColumn, user.orgId)
        clauses++
      } else if (role.dataScope === 'org_and_below') {
        group.orWhereIn(
          columns.orgColumn,
          access.subtreeOrgIds ??
            db.from('orgs').where('path', 'like', `${access.orgPath}%`).select('id')
        )
        clauses++
      } else if (role.dataScope === 'self' && columns.ownerColumn) {
        group.orWhere(columns.ownerColumn, user.id)
        clauses++
      }
    }
    // No role, or only scopes this table cannot express: nothing is visible.
    if (!clauses) group.whereRaw('1 = 0')
  })
}

/**
 * Resolves the user's org subtree (机构及下级) into ids that applyDataScope then
 * binds as a list. For a sorted page (ORDER BY … LIMIT) MariaDB walks the sort
 * index and stops after the page when the scope is a list of ids, while a
 * sub-select becomes a semi-join that reads the whole subtree and sorts it
 * (docs/performance.md). One indexed query, only for such roles.
 */
export async function resolveSubtreeOrgIds(access: UserAccess): Promise<UserAccess> {
  if (access.subtreeOrgIds || !access.scopingRoles.some((r) => r.dataScope === 'org_and_below'))
    return access
  // From the node's grants cache (access_cache.ts): orgs change as rarely as grants.
  access.subtreeOrgIds = await subtreeOrgIds(access.orgPath)
  return access
}
