import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit/audit'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { applyRun, computeRun, findRun, listRuns } from './runs.js'

/**
 * 目录同步 (/api/system/directory-sync): runs with their difference, a new
 * comparison on demand, applying a reviewed run. Writes are audited (each
 * applied change has its own audit row, written by apply.ts).
 */
export default class DirectorySyncController {
  async runs() {
    return { data: await listRuns() }
  }

  async show(ctx: HttpContext) {
    const run = await findRun(Number(ctx.params.id))
    if (!run) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return run
  }

  async compute(ctx: HttpContext) {
    refuseUnknownFields(ctx, [])
    const { run } = await computeRun('manual', ctx.auth.user!.id)
    await audit.record(ctx, {
      action: 'directory.sync.compute',
      entityType: 'directory_sync_run',
      entityId: run.id,
      result: run.status === 'failed' ? 'failure' : 'success',
      detail: run.status === 'failed' ? run.error : `${run.changes} changes`,
    })
    if (run.status === 'failed')
      return ctx.response.status(502).send({ message: ctx.i18n('directorySync.unavailable'), run })
    return run
  }

  async apply(ctx: HttpContext) {
    refuseUnknownFields(ctx, [])
    const outcome = await applyRun(Number(ctx.params.id), ctx, ctx.auth.user!.id)
    if (outcome.outcome === 'notApplicable') {
      if (!outcome.run) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
      return ctx.response.conflict({
        message: ctx.i18n('directorySync.notApplicable'),
        code: 'NOT_APPLICABLE',
      })
    }
    if (outcome.outcome === 'failed')
      return ctx.response
        .status(502)
        .send({ message: ctx.i18n('directorySync.unavailable'), run: outcome.run })
    if (outcome.outcome === 'stale')
      return ctx.response.conflict({
        message: ctx.i18n('directorySync.stale'),
        code: 'STALE',
        run: outcome.run,
      })
    return { run: outcome.run, ...outcome.result }
  }
}
