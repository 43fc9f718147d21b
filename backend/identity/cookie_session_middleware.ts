import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { cookieSession, markCsrfRejected } from '#core/identity/session_cookie'

/**
 * Lets the console's HttpOnly session cookie stand in for the bearer header
 * (backend/identity/session_cookie.ts); runs before the auth initializer so the
 * tokens guard sees it. A state-changing request without the matching CSRF
 * token is not authenticated by the cookie: the auth middleware answers 403
 * CSRF on protected routes, and public ones (sign-in after an expired session,
 * whose HttpOnly cookie the console cannot delete) work as for a stranger.
 */
export default class CookieSessionMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const session = cookieSession(ctx)
    if (session.state === 'csrf') markCsrfRejected(ctx)
    if (session.state === 'ok')
      ctx.request.request.headers.authorization = `Bearer ${session.token}`
    return next()
  }
}
