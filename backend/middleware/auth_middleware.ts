import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { CHANGE_PASSWORD_ABILITY } from '#core/auth/login_service'

/**
 * Requires a valid, unrevoked bearer token; anything else is 401. A session
 * whose password must be changed first may only reach routes marked
 * `allowPasswordChangeOnly` (me, logout, change password).
 */
export default class AuthMiddleware {
  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { allowPasswordChangeOnly?: boolean } = {}
  ) {
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
