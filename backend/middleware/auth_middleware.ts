import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Requires a valid, unrevoked bearer token; anything else is 401. */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.authenticateUsing(['api'])
    const user = ctx.auth.user!
    if (user.status !== 'active') {
      return ctx.response.unauthorized({ message: ctx.i18n('auth.disabled') })
    }
    return next()
  }
}
