/*
| 四眼原则 for accounts (issue 12): giving someone a privileged role, creating
| an account with one, and moving a privileged user to another org (which
| moves their data scope) are four-eyes change kinds, like role grants:
|   user.create — the new account's privileged roles (the account itself is
|                 saved at once with its other roles, so no password waits in
|                 a pending payload);
|   user.roles  — a changed role set of an existing user;
|   user.org    — a move to another org (and department).
| Which changes wait: the kinds listed in `system.fourEyes.kinds` (all three by
| default), and — with `system.fourEyes.userChanges` = 'privileged', the
| default — only where a role carrying a FOUR_EYES_PERMISSIONS code is given or
| held; 'all' reviews every role assignment and org move.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import { sessionsChanged } from '#core/identity/session_cache'
import { SUPER_ADMIN_ROLE, ALL_PERMISSIONS } from '#core/identity/user_access'
import { noteAccountChange } from '#core/four_eyes/account_links'
import { fourEyes } from '#core/four_eyes/four_eyes'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import type { Actor } from './actor.js'

/**
 * Permissions that make or approve four-eyes changes, or make accounts: a role
 * granting any of them is privileged (so is the built-in `admin`, which holds `*`).
 */
export const FOUR_EYES_PERMISSIONS = [
  ALL_PERMISSIONS,
  'system:role:grant',
  'system:role:data-scope',
  'system:setting:update',
  'system:setting:freeze',
  'system:change:approve',
  'system:user:create',
  'system:user:update',
]

export interface UserRolesChange {
  userId: number
  username: string
  before: number[]
  roleIds: number[]
}
export interface UserOrgChange {
  userId: number
  username: string
  before: { orgId: number; departmentId: number | null }
  orgId: number
  departmentId: number | null
}

/** The roles among `roleIds` that are privileged. */
export async function privilegedRoles(roleIds: number[]): Promise<number[]> {
  if (!roleIds.length) return []
  const rows = await db
    .from('roles')
    .whereIn('id', roleIds)
    .where((q) =>
      q
        .where('code', SUPER_ADMIN_ROLE)
        .orWhereIn(
          'id',
          db.from('role_permissions').whereIn('permission', FOUR_EYES_PERMISSIONS).select('role_id')
        )
    )
    .select('id')
  return rows.map((r) => Number(r.id))
}

/** Of the roles a user change gives, those that must wait for a second administrator. */
export async function reviewedRoles(kind: string, roleIds: number[]): Promise<number[]> {
  if (!roleIds.length || !(await fourEyes.isRequired(kind))) return []
  const mode = await settings.string('system.fourEyes.userChanges').catch(() => 'privileged')
  return mode === 'all' ? roleIds : privilegedRoles(roleIds)
}

/** A user change of `kind` for someone holding these roles waits for a second administrator. */
export async function userChangeNeedsReview(kind: string, roleIds: number[]) {
  if (!(await fourEyes.isRequired(kind))) return false
  const mode = await settings.string('system.fourEyes.userChanges').catch(() => 'privileged')
  return mode === 'all' || (await privilegedRoles(roleIds)).length > 0
}

/** "张三 (zhangsan): 系统管理员, 审计员" for a pending change's summary. */
export async function roleSummary(username: string, roleIds: number[]) {
  const names = roleIds.length
    ? (await db.from('roles').whereIn('id', roleIds).select('name')).map((r) => r.name)
    : ['—']
  return `${username}: ${names.join(', ')}`
}

/** Proposes the change as the actor; returns the pending change id (or null when applied at once). */
export async function proposeUserChange<P>(
  actor: Actor,
  kind: string,
  payload: P,
  summary: string
) {
  const outcome = await fourEyes.submit(actor.ctx, kind, payload, summary, actor.access.user)
  return outcome.applied ? null : outcome.changeId
}

/** A saved user plus the ids of the parts of the change still waiting for review. */
export function withPending<T extends object>(user: T, changeIds: Array<number | null>) {
  const pendingChangeIds = changeIds.filter((id): id is number => id !== null)
  return pendingChangeIds.length ? { ...user, pendingChangeIds } : user
}

async function usernameOf(trx: TransactionClientContract, userId: number) {
  return (
    ((await trx.from('users').where('id', userId).select('username').first())
      ?.username as string) ?? null
  )
}

async function userStillExists(trx: TransactionClientContract, userId: number) {
  if (!(await trx.from('users').where('id', userId).first()))
    throw new Error(`user ${userId} no longer exists`)
}

/** Both people behind an applied change: the maker changed the account, so did the checker. */
async function noteBoth(
  trx: TransactionClientContract,
  userId: number,
  kind: string,
  maker: number,
  checker?: number
) {
  await noteAccountChange(trx, userId, maker, kind)
  if (checker) await noteAccountChange(trx, userId, checker, kind)
}

async function setRoles(trx: TransactionClientContract, userId: number, roleIds: number[]) {
  await trx.from('user_roles').where('user_id', userId).delete()
  if (roleIds.length)
    await trx
      .table('user_roles')
      .multiInsert(roleIds.map((roleId) => ({ user_id: userId, role_id: roleId })))
}

const rolesKind = (kind: 'user.create' | 'user.roles', name: { zh: string; en: string }) =>
  fourEyes.register<UserRolesChange>(kind, {
    name,
    async apply(trx, change, requestedBy, approvedBy) {
      await userStillExists(trx, change.userId)
      await setRoles(trx, change.userId, change.roleIds)
      await accessChanged(trx)
      await trx.from('users').where('id', change.userId).update({ updated_at: dbNow() })
      await sessionsChanged(trx)
      await noteBoth(trx, change.userId, kind, requestedBy, approvedBy)
      await audit.record(null, {
        trx,
        actorUsername: await usernameOf(trx, requestedBy),
        action: 'user.roles',
        entityType: 'user',
        entityId: change.userId,
        before: { roleIds: change.before },
        after: { roleIds: change.roleIds },
        detail: approvedBy
          ? `${change.username}; checker ${await usernameOf(trx, approvedBy)}`
          : change.username,
      })
    },
  })

rolesKind('user.create', { zh: '新建特权用户', en: 'New privileged user' })
rolesKind('user.roles', { zh: '用户角色分配', en: 'User roles' })

fourEyes.register<UserOrgChange>('user.org', {
  name: { zh: '用户所属机构变更', en: 'User org move' },
  async apply(trx, change, requestedBy, approvedBy) {
    await userStillExists(trx, change.userId)
    await trx
      .from('users')
      .where('id', change.userId)
      .update({ org_id: change.orgId, department_id: change.departmentId, updated_at: dbNow() })
    await accessChanged(trx)
    // Grants are keyed by the org of the user row a request is served: every node reads it again.
    await sessionsChanged(trx)
    await noteBoth(trx, change.userId, 'user.org', requestedBy, approvedBy)
    await audit.record(null, {
      trx,
      actorUsername: await usernameOf(trx, requestedBy),
      action: 'user.org',
      entityType: 'user',
      entityId: change.userId,
      before: change.before,
      after: { orgId: change.orgId, departmentId: change.departmentId },
      detail: approvedBy
        ? `${change.username}; checker ${await usernameOf(trx, approvedBy)}`
        : change.username,
    })
  },
})
