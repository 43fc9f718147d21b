import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { jobRuns, toJobRun } from '#core/queue/job_runs'
import { accessOf } from '#core/identity/user_access'
import { pageValidator } from '#core/validation/page'

/** Job progress for the console's progress bars; a user sees their own jobs, admins all. */
export default class JobsController {
  async show(ctx: HttpContext) {
    const run = await jobRuns.find(ctx.params.id)
    const access = await accessOf(ctx)
    if (!run || (run.userId !== ctx.auth.user!.id && !access.can('system:job:list'))) {
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    }
    return run
  }

  async index({ request }: HttpContext) {
    const { page, perPage } = await request.validateUsing(pageValidator)
    const result = await db
      .from('job_runs')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .paginate(page ?? 1, perPage ?? 20)
    return {
      data: result.all().map(toJobRun),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }
}
