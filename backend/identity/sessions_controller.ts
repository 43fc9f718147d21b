import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { pageValidator } from '#core/validation/page'
import { audit } from '#core/audit/audit'
import { liveSessionsQuery, tokenTime } from '#core/identity/live_sessions'
import { sessionsChanged } from '#core/identity/session_cache'

/** 在线用户: live sessions in the viewer's data scope; an administrator can end one. */
export default class SessionsController {
  async index(ctx: HttpContext) {
    const { page, perPage, keyword } = await ctx.request.validateUsing(pageValidator)
    const access = await accessOf(ctx)
    const query = liveSessionsQuery(db.connection(), { keyword })
    applyDataScope(query, access, { orgColumn: 'u.org_id', ownerColumn: 'u.id' })
    const result = await query.paginate(page ?? 1, perPage ?? 20)
    const current = String(ctx.auth.user!.currentAccessToken.identifier)
    return {
      data: result.all().map((r) => ({
        id: r.id,
        userId: r.user_id,
        username: r.username,
        realName: r.real_name,
        orgName: r.org_name,
        ip: r.ip_address,
        userAgent: r.user_agent,
        clientMac: r.client_mac,
        loginAt: tokenTime(r.created_at),
        lastActivityAt: tokenTime(r.last_used_at ?? r.created_at),
        current: String(r.id) === current,
      })),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }

  /** 强制下线: deleting the token row ends the session on every app node at its next request. */
  async destroy(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const query = db
      .from('auth_access_tokens as t')
      .join('users as u', 'u.id', 't.tokenable_id')
      .where('t.id', ctx.params.id)
      .select('t.id', 'u.id as user_id', 'u.username')
    applyDataScope(query, access, { orgColumn: 'u.org_id', ownerColumn: 'u.id' })
    const session = await query.first()
    if (!session) return ctx.response.notFound({ message: ctx.i18n('identity.sessionNotFound') })
    if (String(session.id) === String(ctx.auth.user!.currentAccessToken.identifier)) {
      return ctx.response.unprocessableEntity({ message: ctx.i18n('identity.cannotKickSelf') })
    }
    await db.from('auth_access_tokens').where('id', session.id).delete()
    // App nodes hold token rows: this node drops its copy now, the others through the cache bus.
    await sessionsChanged()
    await audit.record(ctx, {
      action: 'session.kick',
      entityType: 'user',
      entityId: session.user_id,
      result: 'success',
      detail: session.username,
    })
    return ctx.response.noContent()
  }
}
