/*
| 发布范围: who a publisher may address. The rule is "no further than your
| data scope": a branch administrator informs their own branch, not the bank.
|
| - Orgs (that org only, or the org and everything under it) must lie wholly
|   inside the publisher's data scope; for "and below", every org of the
|   subtree must, so a user scoped to one org cannot reach its sub-branches.
| - "Everyone" and role targets address people across the whole bank (a role
|   is not tied to an org), so only a publisher whose scope is the whole bank
|   (the super administrator, or a role with 全部数据) may use them.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { NoticeError } from './notice_error.js'
import type { NoticeAudience, NoticeTarget, NoticeTargetType } from './notice_rows.js'

/** Same short-circuit as applyDataScope: no filter at all means the whole bank. */
export function hasWholeBankScope(access: UserAccess): boolean {
  return access.isSuperAdmin || access.roles.some((role) => role.dataScope === 'all')
}

/** Org ids the publisher's data scope covers, as a sub-select (never a list built in JS). */
function scopedOrgIds(access: UserAccess) {
  return applyDataScope(db.from('orgs as scoped').select('scoped.id'), access, {
    orgColumn: 'scoped.id',
  })
}

function dedupe(targets: Array<{ type: NoticeTargetType; id: number }>) {
  const seen = new Map<string, { type: NoticeTargetType; id: number }>()
  for (const target of targets) seen.set(`${target.type}:${target.id}`, target)
  return [...seen.values()]
}

/**
 * Checks an audience against the publisher's scope and returns the targets to
 * store (deduplicated; none for "all"). Refusals are 422 on `audience` or `targets`.
 * An org outside the scope and an org that does not exist get the same answer,
 * so the check does not reveal which org ids exist.
 */
export async function checkAudience(
  access: UserAccess,
  audience: NoticeAudience,
  requested: Array<{ type: NoticeTargetType; id: number }> = []
): Promise<Array<{ type: NoticeTargetType; id: number }>> {
  const wholeBank = hasWholeBankScope(access)
  if (audience === 'all') {
    if (!wholeBank) throw new NoticeError(422, 'notices.allNeedsBankScope', 'audience')
    return []
  }

  const targets = dedupe(requested)
  if (!targets.length) throw new NoticeError(422, 'notices.targetsRequired', 'targets')

  const orgIds = [...new Set(targets.filter((t) => t.type !== 'role').map((t) => t.id))]
  if (orgIds.length) {
    const visible = await db
      .from('orgs')
      .whereIn('id', orgIds)
      .whereIn('id', scopedOrgIds(access))
      .select('id', 'path')
    if (visible.length !== orgIds.length)
      throw new NoticeError(422, 'notices.targetOutOfScope', 'targets')

    for (const target of targets.filter((t) => t.type === 'org_and_below')) {
      const path = visible.find((o) => Number(o.id) === target.id)!.path as string
      const outside = await db
        .from('orgs')
        .where('path', 'like', `${path}%`)
        .whereNotIn('id', scopedOrgIds(access))
        .select('id')
        .first()
      if (outside) throw new NoticeError(422, 'notices.subtreeOutOfScope', 'targets')
    }
  }

  const roleIds = [...new Set(targets.filter((t) => t.type === 'role').map((t) => t.id))]
  if (roleIds.length) {
    if (!wholeBank) throw new NoticeError(422, 'notices.roleNeedsBankScope', 'targets')
    const roles = await db.from('roles').whereIn('id', roleIds).select('id')
    if (roles.length !== roleIds.length)
      throw new NoticeError(422, 'notices.targetOutOfScope', 'targets')
  }
  return targets
}

/** Targets of a notice with their current names (for the detail view). */
export async function namedTargets(noticeId: number): Promise<NoticeTarget[]> {
  const rows = await db
    .from('notice_targets')
    .where('notice_id', noticeId)
    .orderBy('id')
    .select('target_type', 'target_id')
  const orgIds = rows.filter((r) => r.target_type !== 'role').map((r) => r.target_id)
  const roleIds = rows.filter((r) => r.target_type === 'role').map((r) => r.target_id)
  const orgs = orgIds.length ? await db.from('orgs').whereIn('id', orgIds).select('id', 'name') : []
  const roles = roleIds.length
    ? await db.from('roles').whereIn('id', roleIds).select('id', 'name')
    : []
  return rows.map((r) => {
    const pool = r.target_type === 'role' ? roles : orgs
    return {
      type: r.target_type,
      id: Number(r.target_id),
      name: pool.find((x) => Number(x.id) === Number(r.target_id))?.name ?? null,
    }
  })
}

interface OrgOption {
  id: number
  code: string
  name: string
  children: OrgOption[]
}

/**
 * What the publish dialog may offer this publisher: the org tree cut to their
 * scope, and roles only when they may address the whole bank. Served under
 * the publish permission, so a publisher needs neither 机构管理 nor 角色管理.
 */
export async function audienceOptions(access: UserAccess) {
  const wholeBank = hasWholeBankScope(access)
  const query = db.from('orgs').where('status', 'active').orderBy('path').orderBy('sort')
  applyDataScope(query, access, { orgColumn: 'orgs.id' })
  const rows = await query.select('id', 'code', 'name', 'parent_id')
  const nodes = new Map<number, OrgOption>()
  for (const r of rows)
    nodes.set(Number(r.id), { id: Number(r.id), code: r.code, name: r.name, children: [] })
  const orgs: OrgOption[] = []
  for (const r of rows) {
    const parent = r.parent_id ? nodes.get(Number(r.parent_id)) : undefined
    ;(parent ? parent.children : orgs).push(nodes.get(Number(r.id))!)
  }
  const roles = wholeBank
    ? (
        await db
          .from('roles')
          .where('status', 'active')
          .orderBy('sort')
          .orderBy('id')
          .select('id', 'code', 'name')
      ).map((r) => ({ id: Number(r.id), code: r.code as string, name: r.name as string }))
    : []
  return { wholeBank, orgs, roles }
}
