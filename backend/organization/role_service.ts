/*
| 角色管理 with 功能权限分配 and 数据权限分配. Roles are bank-wide definitions,
| not owned by an org, so reading them is not data-scoped (anyone with
| `system:role:list` sees the list); changing one goes through the grant
| guard, which refuses roles richer than the actor, roles the actor holds, and
| roles held by staff outside the actor's scope.
|
| The built-in super administrator role (`admin`) holds '*' by its code; its
| grants cannot be edited, and it is never disabled or deleted (that would
| lock the bank out of its own system).
*/
import db from '@adonisjs/lucid/services/db'
import type { DataScope } from '#core/identity/role'
import { grantGuard, loadRoleShape } from '#core/identity/grant_guard'
import { SUPER_ADMIN_ROLE } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import { dbNow } from '#core/db/db_time'
import type { Actor } from './actor.js'
import { OrganizationError } from './errors.js'
import { orgTreeFor } from './org_service.js'
import { countOf } from './scope.js'
import {
  codesOf,
  findRole,
  notBuiltIn,
  orgIdsOf,
  scopeProblems,
  sleepingCodesOf,
  toRole,
} from './role_queries.js'
import { fourEyes } from '#core/four_eyes/four_eyes'
// Registers the four-eyes change kinds whose `apply` writes what the functions below propose.
import './role_changes.js'
import type { GrantChange, ScopeChange } from './role_changes.js'
import { LIKE, likeContains } from '#core/db/like'

/** What a grant or scope change answers: the role when applied, or the pending change. */
async function submitRoleChange<P>(
  actor: Actor,
  kind: string,
  payload: P,
  summary: string,
  id: number
) {
  const outcome = await fourEyes.submit(actor.ctx, kind, payload, summary, actor.access.user)
  if (!outcome.applied) return { pending: true as const, changeId: outcome.changeId }
  return roleService.show(actor, id)
}

export interface RoleQuery {
  page?: number
  perPage?: number
  keyword?: string
  status?: 'active' | 'disabled'
  sort?: 'code' | 'name' | 'sort'
  order?: 'asc' | 'desc'
}

export interface RoleInput {
  code: string
  name: string
  dataScope?: DataScope
  orgIds?: number[]
  sort?: number
  status?: 'active' | 'disabled'
  remark?: string | null
}

export type RolePatch = Partial<Pick<RoleInput, 'name' | 'sort' | 'status' | 'remark'>>

export const roleService = {
  async list(_actor: Actor, q: RoleQuery) {
    const query = db.from('roles')
    if (q.status) query.where('status', q.status)
    if (q.keyword) {
      query.where((w) =>
        w
          .whereRaw(LIKE, ['name', likeContains(q.keyword)])
          .orWhereRaw(LIKE, ['code', likeContains(q.keyword)])
      )
    }
    if (q.sort) query.orderBy(q.sort, q.order ?? 'asc')
    query.orderBy('sort').orderBy('id')
    const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
    const rows = page.all()
    const ids = rows.map((r) => Number(r.id))
    const grants = ids.length
      ? await db.from('role_permissions').whereIn('role_id', ids).select('role_id', 'permission')
      : []
    const holders = ids.length
      ? await db
          .from('user_roles')
          .whereIn('role_id', ids)
          .groupBy('role_id')
          .select('role_id')
          .count('* as n')
      : []
    const orgs = ids.length
      ? await db.from('role_orgs').whereIn('role_id', ids).select('role_id', 'org_id')
      : []
    return {
      data: rows.map((r) => {
        const codes = grants
          .filter((g) => Number(g.role_id) === Number(r.id))
          .map((g) => g.permission as string)
          .sort()
        return {
          ...toRole(r),
          permissions: r.code === SUPER_ADMIN_ROLE ? ['*'] : codes,
          orgIds: orgs
            .filter((o) => Number(o.role_id) === Number(r.id))
            .map((o) => Number(o.org_id)),
          userCount: Number(holders.find((h) => Number(h.role_id) === Number(r.id))?.n ?? 0),
        }
      }),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  },

  async show(_actor: Actor, id: number) {
    const row = await findRole(id)
    return {
      ...toRole(row),
      permissions: row.code === SUPER_ADMIN_ROLE ? ['*'] : await codesOf(id),
      orgIds: await orgIdsOf(id),
      userCount: await countOf(db.from('user_roles').where('role_id', id)),
    }
  },

  /** Orgs the actor may put in a custom scope: the ones they see. */
  orgTree: (actor: Actor) => orgTreeFor(actor.access),

  async create(actor: Actor, input: RoleInput) {
    const dataScope = input.dataScope ?? 'self'
    const orgIds = dataScope === 'custom' ? [...new Set(input.orgIds ?? [])] : []
    const problems = await scopeProblems(dataScope, orgIds)
    if (await db.from('roles').where('code', input.code).first()) {
      problems.unshift({
        field: 'code',
        rule: 'unique',
        key: 'organization.role.codeTaken',
        data: { code: input.code },
      })
    }
    if (problems.length) throw OrganizationError.invalid(problems)
    await grantGuard.assertMayGrant(actor.access, [], { dataScope, orgIds })

    const id = await db.transaction(async (trx) => {
      const now = dbNow()
      const [newId] = await trx.table('roles').insert({
        code: input.code,
        name: input.name,
        data_scope: dataScope,
        sort: input.sort ?? 0,
        status: input.status ?? 'active',
        remark: input.remark ?? null,
        created_at: now,
        updated_at: now,
      })
      if (orgIds.length) {
        await trx
          .table('role_orgs')
          .multiInsert(orgIds.map((orgId) => ({ role_id: newId, org_id: orgId })))
      }
      return Number(newId)
    })
    const created = await roleService.show(actor, id)
    await audit.record(actor.ctx, {
      action: 'role.create',
      entityType: 'role',
      entityId: id,
      after: { code: created.code, name: created.name, dataScope, orgIds, status: created.status },
    })
    return created
  },

  async update(actor: Actor, id: number, patch: RolePatch) {
    const before = await findRole(id)
    if (before.code === SUPER_ADMIN_ROLE && patch.status === 'disabled') notBuiltIn(before)
    await grantGuard.assertMayManageRole(actor.access, id)
    const fields: Record<string, unknown> = { updated_at: dbNow() }
    for (const key of ['name', 'sort', 'status', 'remark'] as const) {
      if (patch[key] !== undefined) fields[key] = patch[key]
    }
    await db.from('roles').where('id', id).update(fields)
    // A disabled role stops granting at once.
    await accessChanged()
    const after = await findRole(id)
    const pick = (r: any) => ({
      name: r.name,
      sort: Number(r.sort),
      status: r.status,
      remark: r.remark,
    })
    await audit.record(actor.ctx, {
      action: 'role.update',
      entityType: 'role',
      entityId: id,
      before: pick(before),
      after: pick(after),
    })
    return roleService.show(actor, id)
  },

  /** A role still held by staff stays: take it from them first. */
  async destroy(actor: Actor, id: number) {
    const role = await findRole(id)
    notBuiltIn(role)
    await grantGuard.assertMayManageRole(actor.access, id)
    const holders = await countOf(db.from('user_roles').where('role_id', id))
    if (holders) throw OrganizationError.blocked('organization.role.inUse', { n: holders })
    const before = { code: role.code, name: role.name, permissions: await codesOf(id) }
    await db.transaction(async (trx) => {
      await trx.from('role_permissions').where('role_id', id).delete()
      await trx.from('role_orgs').where('role_id', id).delete()
      await trx.from('roles').where('id', id).delete()
      await accessChanged(trx)
    })
    await audit.record(actor.ctx, {
      action: 'role.delete',
      entityType: 'role',
      entityId: id,
      before,
    })
  },

  /** 功能权限分配: replaces the role's codes with `codes` (active permissions only). */
  async grant(actor: Actor, id: number, requested: string[]) {
    const role = await findRole(id)
    notBuiltIn(role)
    const codes = [...new Set(requested)].sort()
    const known = new Set(
      codes.length
        ? (
            await db.from('permissions').whereIn('code', codes).where('active', true).select('code')
          ).map((r) => r.code as string)
        : []
    )
    const unknown = codes.filter((c) => !known.has(c))
    if (unknown.length) {
      throw OrganizationError.field('permissions', 'exists', 'organization.role.unknownCodes', {
        codes: unknown.join(', '),
      })
    }
    await grantGuard.assertMayManageRole(actor.access, id)
    await grantGuard.assertMayGrant(actor.access, codes, {
      dataScope: role.data_scope,
      orgIds: await orgIdsOf(id),
    })

    const before = await codesOf(id)
    const next = [...new Set([...codes, ...(await sleepingCodesOf(id))])].sort()
    const change: GrantChange = { roleId: id, roleCode: role.code, before, permissions: next }
    return submitRoleChange(
      actor,
      'role.grant',
      change,
      `角色「${role.name}」功能权限：${before.length} 项 → ${next.length} 项`,
      id
    )
  },

  /** 数据权限分配: the scope, and its org list when custom. */
  async setDataScope(actor: Actor, id: number, dataScope: DataScope, requestedOrgs: number[] = []) {
    const role = await findRole(id)
    notBuiltIn(role)
    const orgIds = dataScope === 'custom' ? [...new Set(requestedOrgs)].sort((a, b) => a - b) : []
    const problems = await scopeProblems(dataScope, orgIds)
    if (problems.length) throw OrganizationError.invalid(problems)
    await grantGuard.assertMayManageRole(actor.access, id)
    const shape = await loadRoleShape(id)
    await grantGuard.assertMayGrant(actor.access, [...(shape?.permissions ?? [])], {
      dataScope,
      orgIds,
    })

    const before = { dataScope: role.data_scope as DataScope, orgIds: await orgIdsOf(id) }
    const change: ScopeChange = { roleId: id, roleCode: role.code, before, dataScope, orgIds }
    return submitRoleChange(
      actor,
      'role.dataScope',
      change,
      `角色「${role.name}」数据权限：${before.dataScope} → ${dataScope}${orgIds.length ? `（${orgIds.length} 个机构）` : ''}`,
      id
    )
  },
}
