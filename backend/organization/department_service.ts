/*
| 部门管理: departments belong to one org; they are seen and managed through
| the data scope on their org, like the staff in them.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import { grantGuard } from '#core/identity/grant_guard'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import type { Actor } from './actor.js'
import { OrganizationError } from './errors.js'
import { countOf, scopedDepartment, scopedOrg } from './scope.js'
import { LIKE, likeContains } from '#core/db/like'

export interface DepartmentQuery {
  page?: number
  perPage?: number
  keyword?: string
  orgId?: number
  status?: 'active' | 'disabled'
  sort?: 'code' | 'name' | 'sort'
  order?: 'asc' | 'desc'
}

export interface DepartmentInput {
  orgId: number
  code: string
  name: string
  sort?: number
  status?: 'active' | 'disabled'
}

export type DepartmentPatch = Partial<Omit<DepartmentInput, 'orgId'>>

const toDepartment = (r: any) => ({
  id: Number(r.id),
  orgId: Number(r.org_id),
  orgName: r.org_name ?? null,
  code: r.code,
  name: r.name,
  sort: Number(r.sort),
  status: r.status,
  createdAt: r.created_at,
})

const snapshot = (r: any) => ({
  orgId: Number(r.org_id),
  code: r.code,
  name: r.name,
  sort: Number(r.sort),
  status: r.status,
})

async function assertCodeFree(orgId: number, code: string, exceptId?: number) {
  const query = db.from('departments').where('org_id', orgId).where('code', code)
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) {
    throw OrganizationError.field('code', 'unique', 'organization.department.codeTaken', { code })
  }
}

export const departmentService = {
  async list(actor: Actor, q: DepartmentQuery) {
    const query = db
      .from('departments')
      .join('orgs', 'orgs.id', 'departments.org_id')
      .select('departments.*', 'orgs.name as org_name')
    applyDataScope(query, actor.access, { orgColumn: 'departments.org_id' })
    if (q.orgId) query.where('departments.org_id', q.orgId)
    if (q.status) query.where('departments.status', q.status)
    if (q.keyword) {
      query.where((w) =>
        w
          .whereRaw(LIKE, ['departments.name', likeContains(q.keyword)])
          .orWhereRaw(LIKE, ['departments.code', likeContains(q.keyword)])
      )
    }
    if (q.sort) query.orderBy(`departments.${q.sort}`, q.order ?? 'asc')
    query.orderBy('orgs.path').orderBy('departments.sort').orderBy('departments.id')
    const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(toDepartment),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  },

  /** Active departments of one visible org, for pickers. */
  async options(actor: Actor, orgId: number) {
    await scopedOrg(actor.access, orgId)
    const rows = await db
      .from('departments')
      .where('org_id', orgId)
      .where('status', 'active')
      .orderBy('sort')
      .orderBy('id')
    return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name }))
  },

  async show(actor: Actor, id: number) {
    const row = await scopedDepartment(actor.access, id)
    const org = await db.from('orgs').where('id', row.org_id).select('name').first()
    return toDepartment({ ...row, org_name: org?.name })
  },

  async create(actor: Actor, input: DepartmentInput) {
    await grantGuard.assertOrgInScope(actor.access, input.orgId)
    await assertCodeFree(input.orgId, input.code)
    const now = dbNow()
    const [id] = await db.table('departments').insert({
      org_id: input.orgId,
      code: input.code,
      name: input.name,
      sort: input.sort ?? 0,
      status: input.status ?? 'active',
      created_at: now,
      updated_at: now,
    })
    const after = await db.from('departments').where('id', id).first()
    await audit.record(actor.ctx, {
      action: 'department.create',
      entityType: 'department',
      entityId: Number(id),
      after: snapshot(after),
    })
    return departmentService.show(actor, Number(id))
  },

  async update(actor: Actor, id: number, patch: DepartmentPatch) {
    const before = await scopedDepartment(actor.access, id)
    if (patch.code !== undefined) await assertCodeFree(Number(before.org_id), patch.code, id)
    const fields: Record<string, unknown> = { updated_at: dbNow() }
    for (const key of ['code', 'name', 'sort', 'status'] as const) {
      if (patch[key] !== undefined) fields[key] = patch[key]
    }
    await db.from('departments').where('id', id).update(fields)
    const after = await db.from('departments').where('id', id).first()
    await audit.record(actor.ctx, {
      action: 'department.update',
      entityType: 'department',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    })
    return departmentService.show(actor, id)
  },

  /** A department with staff stays: move them first. */
  async destroy(actor: Actor, id: number) {
    const before = await scopedDepartment(actor.access, id)
    const users = await countOf(db.from('users').where('department_id', id))
    if (users) throw OrganizationError.blocked('organization.department.hasUsers', { n: users })
    await db.from('departments').where('id', id).delete()
    await audit.record(actor.ctx, {
      action: 'department.delete',
      entityType: 'department',
      entityId: id,
      before: snapshot(before),
    })
  },
}
