import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { observeRequest } from './http_latency.js'

/**
 * Times every request for `GET /metrics`. A server middleware, so the time includes
 * session, auth and body parsing; the route pattern is known once `next()` returns.
 */
export default class LatencyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const started = process.hrtime.bigint()
    try {
      await next()
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      observeRequest(
        ctx.request.method(),
        ctx.route?.pattern ?? 'unmatched',
        ctx.response.getStatus(),
        seconds
      )
    }
  }
}
