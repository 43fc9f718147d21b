import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { scopeCovers } from '#core/identity/record_recipients'
import { SUPER_ADMIN_ROLE } from '#core/identity/user_access'
import { LIKE, likeContains } from '#core/db/like'
import { MANAGE, VOTE } from '../meetings/meeting_service.js'

const peopleValidator = vine.compile(
  vine.object({
    keyword: vine.string().trim().maxLength(50).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 50]).optional(),
    ids: vine
      .string()
      .trim()
      .regex(/^\d+(,\d+){0,49}$/)
      .optional(),
    voters: vine.boolean().optional(),
  })
)
const orgValidator = vine.compile(vine.object({ meetingType: vine.enum(['hq', 'branch']) }))

/**
 * Pickers of the meeting form: people (active users; `voters` = those holding
 * the vote permission, the only ones who may be members) and the orgs that may
 * organise a meeting of a type, in the organiser's scope.
 */
export default class OptionsController {
  async people(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(peopleValidator)
    const perPage = input.perPage ?? 20
    const page = input.page ?? 1
    const query = db
      .from('users as u')
      .leftJoin('orgs as o', 'o.id', 'u.org_id')
      .where('u.status', 'active')
    if (input.ids) query.whereIn('u.id', input.ids.split(',').map(Number))
    if (input.keyword)
      query.where((q) =>
        q
          .whereRaw(LIKE, ['u.real_name', likeContains(input.keyword)])
          .orWhereRaw(LIKE, ['u.username', likeContains(input.keyword)])
      )
    if (input.voters)
      query.whereExists((q) =>
        q
          .from('user_roles as ur')
          .join('roles as r', 'r.id', 'ur.role_id')
          .leftJoin('role_permissions as rp', (j) =>
            j.on('rp.role_id', '=', 'ur.role_id').andOnVal('rp.permission', '=', VOTE)
          )
          .whereColumn('ur.user_id', 'u.id')
          .where('r.status', 'active')
          .where((w) => w.where('r.code', SUPER_ADMIN_ROLE).orWhereNotNull('rp.role_id'))
      )
    const [{ total }] = await query.clone().count('* as total')
    const rows = await query
      .select('u.id', 'u.real_name', 'u.username', 'o.name as org_name')
      .orderBy('u.id')
      .limit(perPage)
      .offset((page - 1) * perPage)
    return {
      data: rows.map((r) => ({
        value: r.id,
        label: r.real_name || r.username,
        hint: `${r.username} · ${r.org_name ?? ''}`,
      })),
      total: Number(total),
    }
  }

  async orgs(ctx: HttpContext) {
    const { meetingType } = await ctx.request.validateUsing(orgValidator)
    const access = await accessOf(ctx)
    const rows = await db
      .from('orgs')
      .where('status', 'active')
      .where('level', meetingType === 'hq' ? 1 : 2)
      .orderBy('sort')
      .orderBy('id')
    return rows
      .filter((o) =>
        scopeCovers(access, { orgId: o.id, orgPath: o.path, ownerId: access.user.id }, MANAGE)
      )
      .map((o) => ({ id: o.id, name: o.name }))
  }
}
