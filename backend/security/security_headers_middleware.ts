import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { securityHeaders } from '#core/security/security_headers'

/**
 * Sets the security headers (issue 12, defect 6) on every answer: the console's
 * static files, the SPA fallback and the API. Runs first among the server
 * middleware and writes on the raw Node response, because the static middleware
 * answers from there without passing through AdonisJS' response object.
 */
export default class SecurityHeadersMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const { request } = ctx
    const headers = securityHeaders({
      api: request.url() === '/api' || request.url().startsWith('/api/'),
      https: request.protocol() === 'https',
    })
    for (const [name, value] of Object.entries(headers))
      ctx.response.response.setHeader(name, value)
    return next()
  }
}
