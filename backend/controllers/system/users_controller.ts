import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/auth/user_access'
import { applyDataScope } from '#core/auth/data_scope'
import { pageValidator } from '#core/validators/page'

/** 用户管理 list, data-scoped: a branch manager sees their subtree's staff only. */
export default class UsersController {
  async index(ctx: HttpContext) {
    const { page, perPage, keyword } = await ctx.request.validateUsing(pageValidator)
    const access = await accessOf(ctx)
    const query = db
      .from('users')
      .join('orgs', 'orgs.id', 'users.org_id')
      .select(
        'users.id',
        'users.username',
        'users.real_name',
        'users.org_id',
        'orgs.name as org_name',
        'users.status',
        'users.last_login_at'
      )
      .orderBy('orgs.path')
      .orderBy('users.username')
    applyDataScope(query, access, { orgColumn: 'users.org_id', ownerColumn: 'users.id' })
    if (keyword) {
      query.where((q) =>
        q
          .where('users.username', 'like', `%${keyword}%`)
          .orWhere('users.real_name', 'like', `%${keyword}%`)
      )
    }
    const result = await query.paginate(page ?? 1, perPage ?? 20)
    const rows = result.all()
    const roles = rows.length
      ? await db
          .from('user_roles')
          .join('roles', 'roles.id', 'user_roles.role_id')
          .whereIn(
            'user_roles.user_id',
            rows.map((r) => r.id)
          )
          .select('user_roles.user_id', 'roles.name')
      : []
    return {
      data: rows.map((r) => ({
        id: r.id,
        username: r.username,
        realName: r.real_name,
        orgId: r.org_id,
        orgName: r.org_name,
        status: r.status,
        lastLoginAt: r.last_login_at,
        roles: roles.filter((x) => x.user_id === r.id).map((x) => x.name),
      })),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }
}
