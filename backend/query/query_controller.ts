import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { queue } from '#core/queue/queue'
import { catalogueFor } from '#core/query/catalogue'
import { compileQuery } from '#core/query/compile_query'
import { runQueryPage } from '#core/query/run_query'
import { runQueryValidator, type QuerySpec } from '#core/query/query_spec'
import { exportQueryValidator } from '#core/query/query_validators'
import { QUERY_EXPORT_JOB, type QueryExportPayload } from '#core/query/query_export_job'

/**
 * 综合查询 (/api/query, `system:query:run`): the field catalogue the user may
 * use, running a query one page at a time, and the queued xlsx export
 * (`system:query:export`). The file is fetched through the core exports
 * download (GET /api/exports/:jobId/download, owner only).
 */
export default class QueryController {
  async catalogue(ctx: HttpContext) {
    return { datasets: await catalogueFor(await accessOf(ctx)) }
  }

  async run(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(runQueryValidator)
    const compiled = await compileQuery(await accessOf(ctx), input.query as QuerySpec)
    return runQueryPage(compiled, input.page ?? 1, input.perPage ?? 50, input.count ?? true)
  }

  async export(ctx: HttpContext) {
    const { query } = await ctx.request.validateUsing(exportQueryValidator)
    // Refuse a bad query now (422), not in the queue.
    await compileQuery(await accessOf(ctx), query as QuerySpec)
    const payload: QueryExportPayload = { query: query as QuerySpec, locale: ctx.locale }
    const jobId = await queue.dispatch(QUERY_EXPORT_JOB, payload, { userId: ctx.auth.user!.id })
    // Data leaving the system is an audited action.
    await audit.record(ctx, {
      action: 'query.export',
      entityType: 'query',
      entityId: jobId,
      after: { query },
    })
    return ctx.response.accepted({ jobId })
  }
}
