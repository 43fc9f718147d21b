import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as authErrors } from '@adonisjs/auth'
import { securityLog } from '#core/security/security_log'

const SECRET_PARAMS = /([?&](?:token|password|secret|ticket)=)[^&]*/gi

/**
 * 安全日志 of refused API requests, in one place for core and plugin routes:
 * 401 (no or a dead session), 403 (permission), and 404 on a route that names a
 * record (`/…/:id`) — out of scope and absent look alike to the caller, not to
 * the log. Rate-limited per actor inside securityLog.denied.
 */
export default class SecurityLogMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.request.url().startsWith('/api/')) return next()
    try {
      await next()
    } catch (error) {
      if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS) {
        await securityLog.denied(ctx, 'security.unauthenticated', { detail: this.#target(ctx) })
      }
      throw error
    }
    const status = ctx.response.getStatus()
    if (status === 401) {
      await securityLog.denied(ctx, 'security.unauthenticated', { detail: this.#target(ctx) })
    } else if (status === 403) {
      await securityLog.denied(ctx, 'security.forbidden', { detail: this.#target(ctx) })
    } else if (status === 404 && Object.keys(ctx.params ?? {}).length) {
      await securityLog.denied(ctx, 'security.not_found', {
        entityType: ctx.route?.pattern,
        entityId: Object.values(ctx.params).join('/').slice(0, 64),
        detail: this.#target(ctx),
      })
    }
  }

  /** Method and URL with its query (masked like every audit text later); secrets in the query are cut here. */
  #target(ctx: HttpContext) {
    const url = ctx.request.url(true).replace(SECRET_PARAMS, '$1***')
    return `${ctx.request.method()} ${url}`.slice(0, 500)
  }
}
