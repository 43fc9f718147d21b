/*
| 授权防越权: nobody grants more than they hold. Popular admin frameworks let an
| administrator with "edit role" give any role any menu, or put any role on any
| user, so a branch administrator can make themselves head-office admin. Every
| grant in 系统管理 passes through this one file:
|
|   - permission codes: a granter gives only codes they hold themselves;
|   - data scopes: a role's scope is never wider than the granter's own scope
|     for each code the role carries (all > org_and_below > org > self; a custom
|     org list must lie inside the orgs the granter sees);
|   - roles on users: only roles whose every code the granter holds and whose
|     scope is not wider than theirs;
|   - roles the granter holds themselves are out of reach (no self-escalation),
|     and so are roles held by staff outside the granter's org scope (changing
|     such a role would widen people the granter does not manage).
|
| The super administrator ('*') is unlimited. The comparisons are pure functions
| (unit-tested in backend/identity/tests/unit/grant_guard.spec.ts); `loadGranter` reads the
| granter's roles from the database once per check.
*/
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { RuleError } from '#core/plugins/rule_error'
import { securityLog } from '#core/security/security_log'
import type { DataScope } from '#core/identity/role'
import { ALL_PERMISSIONS, SUPER_ADMIN_ROLE, type UserAccess } from './user_access.js'
import { applyDataScope } from './data_scope.js'

/** all > org_and_below > org > self. `custom` is not on this ladder; see `scopeWithin`. */
export const SCOPE_RANK: Record<Exclude<DataScope, 'custom'>, number> = {
  self: 1,
  org: 2,
  org_and_below: 3,
  all: 4,
}

/** A data scope as a role carries it. */
export interface ScopeSpec {
  dataScope: DataScope
  /** The role's own org list (custom scope only). */
  orgIds: readonly number[]
}

/** One of the granter's roles with the orgs its scope reaches, resolved. */
export interface GranterRole {
  id: number
  code: string
  dataScope: DataScope
  /** Orgs this role lets its holder see: the custom list, the own org, or the own subtree. */
  visibleOrgIds: readonly number[]
  permissions: ReadonlySet<string>
}

export interface Granter {
  superAdmin: boolean
  roles: readonly GranterRole[]
}

/** How far a granter reaches for one permission code (the union of their roles holding it). */
export interface Reach {
  /** 0 = no scope; otherwise the highest SCOPE_RANK (custom counts as self: it carries no org-relative power). */
  rank: number
  orgIds: ReadonlySet<number>
}

/** A role as the guard compares it: its codes and its scope. */
export interface RoleShape extends ScopeSpec {
  code: string
  permissions: readonly string[]
}

/** What made a role exceed the granter. */
export interface Excess {
  /** Codes the granter lacks. */
  missingCodes: string[]
  /** The role's scope is wider than the granter's for some code it carries. */
  scopeTooWide: boolean
  /** Those codes (empty when the role carries none and its scope alone is too wide). */
  scopeTooWideFor: string[]
  /** Custom orgs the granter does not see. */
  orgsOutside: number[]
}

/* ---- Pure comparisons --------------------------------------------------- */

/** Codes in `requested` the holder of `held` does not have. '*' holds everything. */
export function missingCodes(held: ReadonlySet<string>, requested: Iterable<string>): string[] {
  if (held.has(ALL_PERMISSIONS)) return []
  return [...new Set(requested)].filter((code) => !held.has(code)).sort()
}

/** Everything the granter holds, across their roles. */
export function heldCodes(granter: Granter): Set<string> {
  if (granter.superAdmin) return new Set([ALL_PERMISSIONS])
  return new Set(granter.roles.flatMap((r) => [...r.permissions]))
}

/**
 * The granter's reach for a code: the union of the roles that hold it (data
 * scope is per function). Without a code, the union of all their roles.
 */
export function reachFor(granter: Granter, code?: string): Reach {
  if (granter.superAdmin) return { rank: SCOPE_RANK.all, orgIds: new Set() }
  const roles = code ? granter.roles.filter((r) => r.permissions.has(code)) : granter.roles
  let rank = 0
  const orgIds = new Set<number>()
  for (const role of roles) {
    const own = role.dataScope === 'custom' ? SCOPE_RANK.self : SCOPE_RANK[role.dataScope]
    rank = Math.max(rank, own)
    for (const id of role.visibleOrgIds) orgIds.add(id)
  }
  return { rank, orgIds }
}

/** Custom orgs of `target` outside the reach (empty when the scope fits). */
export function orgsOutside(target: ScopeSpec, reach: Reach): number[] {
  if (target.dataScope !== 'custom' || reach.rank >= SCOPE_RANK.all) return []
  return [...new Set(target.orgIds)].filter((id) => !reach.orgIds.has(id)).sort((a, b) => a - b)
}

/** True when a holder of `reach` may hand out `target`. */
export function scopeWithin(target: ScopeSpec, reach: Reach): boolean {
  if (target.dataScope === 'custom') {
    // An empty custom list shows nothing, which anyone may give.
    return target.orgIds.length === 0 || orgsOutside(target, reach).length === 0
  }
  return SCOPE_RANK[target.dataScope] <= reach.rank
}

/** How `role` exceeds the granter, or null when the granter may hand it out. */
export function roleExcess(granter: Granter, role: RoleShape): Excess | null {
  if (granter.superAdmin) return null
  const codes = role.code === SUPER_ADMIN_ROLE ? [ALL_PERMISSIONS] : [...new Set(role.permissions)]
  const missing = missingCodes(heldCodes(granter), codes)
  const tooWideFor: string[] = []
  const outside = new Set<number>()
  let tooWide = false
  const judge = (code?: string) => {
    const reach = reachFor(granter, code)
    if (scopeWithin(role, reach)) return
    tooWide = true
    if (code) tooWideFor.push(code)
    for (const id of orgsOutside(role, reach)) outside.add(id)
  }
  // A role without codes still carries its scope: compare with the granter's widest reach.
  if (!codes.length) judge()
  for (const code of codes) if (!missing.includes(code)) judge(code)
  if (!missing.length && !tooWide) return null
  return {
    missingCodes: missing,
    scopeTooWide: tooWide,
    scopeTooWideFor: tooWideFor.sort(),
    orgsOutside: [...outside].sort((a, b) => a - b),
  }
}

/* ---- Loading the granter ------------------------------------------------ */

/** The granter's active roles, each with its codes and the orgs its scope reaches. */
export async function loadGranter(access: UserAccess): Promise<Granter> {
  if (access.isSuperAdmin) return { superAdmin: true, roles: [] }
  const roleIds = access.roles.map((r) => r.id)
  const codeRows = roleIds.length
    ? await db
        .from('role_permissions')
        .join('permissions', 'permissions.code', 'role_permissions.permission')
        .whereIn('role_permissions.role_id', roleIds)
        .where('permissions.active', true)
        .select('role_permissions.role_id', 'role_permissions.permission')
    : []
  let subtree: number[] | null = null
  const roles: GranterRole[] = []
  for (const role of access.roles) {
    let visibleOrgIds: number[] = []
    if (role.dataScope === 'custom') visibleOrgIds = [...role.customOrgIds]
    else if (role.dataScope === 'org') visibleOrgIds = [access.user.orgId]
    else if (role.dataScope === 'org_and_below') {
      subtree ??= (
        await db.from('orgs').where('path', 'like', `${access.orgPath}%`).select('id')
      ).map((r) => Number(r.id))
      visibleOrgIds = subtree
    }
    roles.push({
      id: role.id,
      code: role.code,
      dataScope: role.dataScope,
      visibleOrgIds,
      permissions: new Set(
        codeRows.filter((r) => Number(r.role_id) === role.id).map((r) => r.permission as string)
      ),
    })
  }
  return { superAdmin: false, roles }
}

/** A role's current shape (codes and scope) from the database. */
export async function loadRoleShape(roleId: number): Promise<RoleShape | null> {
  const role = await db.from('roles').where('id', roleId).first()
  if (!role) return null
  // A grant of a disabled plugin sleeps: it gives nothing now, so it is not compared.
  const codes = await db
    .from('role_permissions')
    .join('permissions', 'permissions.code', 'role_permissions.permission')
    .where('role_permissions.role_id', roleId)
    .where('permissions.active', true)
    .select('role_permissions.permission')
  const orgs = await db.from('role_orgs').where('role_id', roleId).select('org_id')
  return {
    code: role.code,
    dataScope: role.data_scope,
    permissions: codes.map((r) => r.permission as string),
    orgIds: orgs.map((r) => Number(r.org_id)),
  }
}

/* ---- The checks services call ------------------------------------------- */

type MessageValue = string | number | { zh: string; en: string }

/**
 * A refused grant: 403 with a message naming what exceeded (`rule` says which check).
 * Logged as a security event when answered: it may be an attempt to escalate.
 */
export class GrantRefused extends RuleError {
  constructor(
    readonly rule:
      | 'codesNotHeld'
      | 'scopeTooWide'
      | 'orgsOutside'
      | 'roleTooRich'
      | 'ownRole'
      | 'roleHoldersOutside'
      | 'userTooRich'
      | 'ownRoles'
      | 'orgOutside',
    data: Record<string, MessageValue> = {}
  ) {
    super(403, `organization.grant.${rule}`, { data, body: { rule } })
    this.message = `grant refused: ${rule}`
  }

  async answer(ctx: HttpContext) {
    await securityLog.denied(ctx, 'security.escalation_refused', {
      detail: `${ctx.request.method()} ${ctx.request.url()}: ${this.rule}`,
    })
    return super.answer(ctx)
  }
}

export const SCOPE_LABELS: Record<DataScope, { zh: string; en: string }> = {
  all: { zh: '全部数据', en: 'all data' },
  custom: { zh: '自定义机构', en: 'custom orgs' },
  org: { zh: '本机构', en: 'own org' },
  org_and_below: { zh: '本机构及以下', en: 'own org and below' },
  self: { zh: '仅本人', en: 'self only' },
}

const list = (items: Array<string | number>) => items.join(', ')

function refuseExcess(excess: Excess, target: ScopeSpec, roleName?: string): never {
  const detail: MessageValue = excess.missingCodes.length
    ? list(excess.missingCodes)
    : excess.orgsOutside.length
      ? list(excess.orgsOutside)
      : SCOPE_LABELS[target.dataScope]
  if (roleName !== undefined) throw new GrantRefused('roleTooRich', { role: roleName, detail })
  if (excess.missingCodes.length) throw new GrantRefused('codesNotHeld', { codes: detail })
  if (excess.orgsOutside.length) throw new GrantRefused('orgsOutside', { orgs: detail })
  throw new GrantRefused('scopeTooWide', { scope: detail })
}

async function roleIdsHeldBy(userId: number) {
  return (await db.from('user_roles').where('user_id', userId).select('role_id')).map((r) =>
    Number(r.role_id)
  )
}

export const grantGuard = {
  /** 功能权限分配: the role will carry `codes` with `scope`; every code must be held, the scope not wider. */
  async assertMayGrant(access: UserAccess, codes: string[], scope: ScopeSpec) {
    if (access.isSuperAdmin) return
    const granter = await loadGranter(access)
    const excess = roleExcess(granter, { code: '', permissions: codes, ...scope })
    if (excess) refuseExcess(excess, scope)
  },

  /** 分配角色: each role must be one the granter could have built themselves. */
  async assertMayAssignRoles(access: UserAccess, roleIds: number[]) {
    if (access.isSuperAdmin || !roleIds.length) return
    const granter = await loadGranter(access)
    for (const id of new Set(roleIds)) {
      const shape = await loadRoleShape(id)
      if (!shape) continue // unknown ids are the caller's 422
      const excess = roleExcess(granter, shape)
      if (excess) {
        const row = await db.from('roles').where('id', id).select('name').first()
        refuseExcess(excess, shape, row?.name ?? String(id))
      }
    }
  },

  /**
   * Editing, granting, scoping or deleting a role: not one the granter holds
   * (self-escalation), not one richer than them, and not one held by staff
   * outside their scope (the change would reach people they do not manage).
   */
  async assertMayManageRole(access: UserAccess, roleId: number) {
    if (access.isSuperAdmin) return
    const role = await db.from('roles').where('id', roleId).select('id', 'name').first()
    if (!role) return
    if (access.roles.some((r) => r.id === roleId)) {
      throw new GrantRefused('ownRole', { role: role.name })
    }
    const shape = await loadRoleShape(roleId)
    const excess = shape && roleExcess(await loadGranter(access), shape)
    if (excess) refuseExcess(excess, shape!, role.name)
    const holders = db
      .from('users')
      .join('user_roles', 'user_roles.user_id', 'users.id')
      .where('user_roles.role_id', roleId)
    const all = Number((await holders.clone().count('* as n').first())?.n ?? 0)
    const visible = Number(
      (
        await applyDataScope(holders.clone(), access, {
          orgColumn: 'users.org_id',
          ownerColumn: 'users.id',
        })
          .count('* as n')
          .first()
      )?.n ?? 0
    )
    if (visible < all) throw new GrantRefused('roleHoldersOutside', { role: role.name })
  },

  /**
   * Managing a user (edit, reset password, disable, delete): a granter may not
   * take over an account that holds more than they do.
   */
  async assertMayManageUser(access: UserAccess, userId: number) {
    if (access.isSuperAdmin) return
    const granter = await loadGranter(access)
    for (const id of await roleIdsHeldBy(userId)) {
      const shape = await loadRoleShape(id)
      if (shape && roleExcess(granter, shape)) {
        const user = await db.from('users').where('id', userId).select('username').first()
        throw new GrantRefused('userTooRich', { user: user?.username ?? String(userId) })
      }
    }
  },

  /** Nobody but the super administrator changes their own role list. */
  assertNotOwnRoles(access: UserAccess, userId: number) {
    if (!access.isSuperAdmin && access.user.id === userId) throw new GrantRefused('ownRoles')
  },

  /** Users, departments and orgs may only be placed in orgs inside the granter's data scope. */
  async assertOrgInScope(access: UserAccess, orgId: number) {
    const query = db.from('orgs').where('orgs.id', orgId).select('orgs.id')
    applyDataScope(query, access, { orgColumn: 'orgs.id' })
    if (!(await query.first())) throw new GrantRefused('orgOutside', { org: orgId })
  },
}
