/*
| 用户管理 reads: the staff list (data-scoped: a branch manager sees their
| subtree's staff only), one user, and the pickers of the user editor.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import { loadGranter, loadRoleShape, roleExcess } from '#core/identity/grant_guard'
import type { Actor } from './actor.js'
import { orgTreeFor } from './org_service.js'
import { postService } from './post_service.js'
import { scopedOrg, scopedUser } from './scope.js'
import { LIKE, likeContains } from '#core/db/like'

export interface UserQuery {
  page?: number
  perPage?: number
  keyword?: string
  sort?: 'username' | 'realName' | 'status' | 'lastLoginAt' | 'createdAt'
  order?: 'asc' | 'desc'
  orgId?: number
  status?: 'active' | 'disabled'
  roleId?: number
}

/** The list's sort whitelist: API name → column. */
const SORT_COLUMNS: Record<NonNullable<UserQuery['sort']>, string> = {
  username: 'users.username',
  realName: 'users.real_name',
  status: 'users.status',
  lastLoginAt: 'users.last_login_at',
  createdAt: 'users.created_at',
}

async function rolesOf(userIds: number[]) {
  if (!userIds.length) return []
  return db
    .from('user_roles')
    .join('roles', 'roles.id', 'user_roles.role_id')
    .whereIn('user_roles.user_id', userIds)
    .orderBy('roles.sort')
    .select('user_roles.user_id', 'roles.id', 'roles.code', 'roles.name')
}

async function postsOf(userIds: number[]) {
  if (!userIds.length) return []
  return db
    .from('user_posts')
    .join('posts', 'posts.id', 'user_posts.post_id')
    .whereIn('user_posts.user_id', userIds)
    .orderBy('posts.sort')
    .select('user_posts.user_id', 'posts.id', 'posts.code', 'posts.name')
}

const toUser = (r: any) => ({
  id: Number(r.id),
  username: r.username,
  realName: r.real_name,
  orgId: Number(r.org_id),
  orgName: r.org_name ?? null,
  departmentId: r.department_id === null ? null : Number(r.department_id),
  departmentName: r.department_name ?? null,
  phone: r.phone,
  email: r.email,
  status: r.status,
  mustChangePassword: Boolean(Number(r.must_change_password)),
  lastLoginAt: r.last_login_at,
  createdAt: r.created_at,
})

function baseQuery() {
  return db
    .from('users')
    .join('orgs', 'orgs.id', 'users.org_id')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select(
      'users.*',
      'orgs.name as org_name',
      'orgs.path as org_path',
      'departments.name as department_name'
    )
}

export const userQueries = {
  async list(actor: Actor, q: UserQuery) {
    const query = baseQuery()
    applyDataScope(query, actor.access, { orgColumn: 'users.org_id', ownerColumn: 'users.id' })
    if (q.orgId) {
      // The chosen org and everything under it; an org outside the scope shows nothing.
      const org = await scopedOrg(actor.access, q.orgId).catch(() => null)
      if (!org) query.whereRaw('1 = 0')
      else query.where('orgs.path', 'like', `${org.path}%`)
    }
    if (q.status) query.where('users.status', q.status)
    if (q.roleId) {
      query.whereExists((sub) =>
        sub
          .from('user_roles')
          .whereColumn('user_roles.user_id', 'users.id')
          .where('user_roles.role_id', q.roleId!)
      )
    }
    if (q.keyword) {
      query.where((w) =>
        w
          .whereRaw(LIKE, ['users.username', likeContains(q.keyword)])
          .orWhereRaw(LIKE, ['users.real_name', likeContains(q.keyword)])
          .orWhereRaw(LIKE, ['users.phone', likeContains(q.keyword)])
      )
    }
    if (q.sort) query.orderBy(SORT_COLUMNS[q.sort], q.order ?? 'asc')
    query.orderBy('orgs.path').orderBy('users.username')
    const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
    const rows = page.all()
    const roles = await rolesOf(rows.map((r) => Number(r.id)))
    return {
      data: rows.map((r) => ({
        ...toUser(r),
        roles: roles.filter((x) => Number(x.user_id) === Number(r.id)).map((x) => x.name as string),
      })),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  },

  async show(actor: Actor, id: number) {
    await scopedUser(actor.access, id)
    const row = await baseQuery().where('users.id', id).first()
    const roles = await rolesOf([id])
    const posts = await postsOf([id])
    const pick = (x: any) => ({ id: Number(x.id), code: x.code, name: x.name })
    return {
      ...toUser(row),
      roles: roles.map(pick),
      roleIds: roles.map((x) => Number(x.id)),
      posts: posts.map(pick),
      postIds: posts.map((x) => Number(x.id)),
    }
  },

  /**
   * What the user editor offers: the org tree the actor reaches, active posts,
   * and roles, each marked whether the actor may assign it (授权防越权).
   */
  async options(actor: Actor) {
    const granter = await loadGranter(actor.access)
    // Disabled roles are listed too, so a user who still holds one shows it by name.
    const roles = await db.from('roles').orderBy('sort').orderBy('id')
    const assignable = new Map<number, boolean>()
    for (const role of roles) {
      const shape = granter.superAdmin ? null : await loadRoleShape(Number(role.id))
      assignable.set(Number(role.id), granter.superAdmin || !roleExcess(granter, shape!))
    }
    return {
      orgs: await orgTreeFor(actor.access),
      posts: await postService.options(),
      roles: roles.map((r) => ({
        id: Number(r.id),
        code: r.code,
        name: r.name,
        dataScope: r.data_scope,
        status: r.status,
        assignable: assignable.get(Number(r.id)) ?? false,
      })),
    }
  },
}
