/*
| Serves the built console (public/) like @adonisjs/static's middleware, but not
| for /api/ requests: the stock middleware, a server middleware, looks every URL
| up on disk first (an fs.stat per API request: 12 % of the server's CPU under
| the authenticated-throughput bench, docs/performance.md) and builds its
| serve-static handler anew on every request. No file under public/ is served
| below /api/, so API requests go straight on; the handler is built once.
*/
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

let shared: Promise<StaticMiddleware> | null = null

export default class ConsoleStaticMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.request.url().startsWith('/api/')) return next()
    shared ??= app.container.make(StaticMiddleware)
    return (await shared).handle(ctx, next)
  }
}
