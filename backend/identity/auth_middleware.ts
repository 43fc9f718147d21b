import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { CHANGE_PASSWORD_ABILITY } from '#core/identity/login_service'
import { isCsrfRejected } from '#core/identity/session_cookie'

/**
 * Requires a valid, unrevoked bearer token (the header, or the console's
 * session cookie with its CSRF token: auth/session_cookie.ts); anything else is 401. A session
 * whose password must be changed first may only reach routes marked
 * `allowPasswordChangeOnly` (me, logout, change password).
 */
export default class AuthMiddleware {
  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { allowPasswordChangeOnly?: boolean } = {}
  ) {
    // A cookie session's state-changing request without its CSRF token (possibly forged by another site).
    if (isCsrfRejected(ctx)) {
      return ctx.response.forbidden({ message: ctx.i18n('security.csrfRejected'), code: 'CSRF' })
    }
    await ctx.auth.authenticateUsing(['api'])
    const user = ctx.auth.user!
    if (user.status !== 'active') {
      return ctx.response.unauthorized({ message: ctx.i18n('auth.disabled') })
    }
    const abilities = user.currentAccessToken?.abilities ?? []
    if (
      !abilities.includes('*') &&
      !(options.allowPasswordChangeOnly && abilities.includes(CHANGE_PASSWORD_ABILITY))
    ) {
      return ctx.response.forbidden({
        message: ctx.i18n('identity.passwordChangeRequired'),
        code: 'PASSWORD_CHANGE_REQUIRED',
      })
    }
    return next()
  }
}
