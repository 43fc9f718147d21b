import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { securityLog } from '#core/security/security_log'
import { renderPdf } from '#core/documents/pdf'
import { queue } from '#core/queue/queue'
import { planDetail } from '../plans/plan_queries.js'
import { planDocumentData } from '../plans/plan_document.js'
import { planIdParam } from '../plans/plan_scope.js'
import { planListValidator } from '../validators/plan.js'

/**
 * 处置预案审批表 as PDF (download, or `?inline=1` to view and print in the
 * browser) and the list's xlsx export (a queued job: see plans/plan_export_job.ts).
 */
export default class PlanDocumentController {
  async pdf(ctx: HttpContext) {
    const plan = await planDetail(await accessOf(ctx), planIdParam(ctx.params.id))
    if (!plan) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const user = ctx.auth.getUserOrFail()
    const pdf = await renderPdf({
      plugin: 'disposal',
      template: 'plan',
      data: await planDocumentData(plan, user.realName ?? user.username),
      options: { footer: `处置预案 ${plan.planNo}` },
    })
    await audit.record(ctx, {
      action: 'disposal.plan.print',
      entityType: 'disposal_plan',
      entityId: plan.id,
      detail: plan.planNo,
    })
    const inline = ctx.request.input('inline') === '1'
    await securityLog.download(ctx, {
      entityType: 'disposal_plan',
      entityId: plan.id,
      detail: `处置预案_${plan.planNo}.pdf`,
    })
    ctx.response
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}; filename="${plan.planNo}.pdf"; filename*=UTF-8''${encodeURIComponent(`处置预案_${plan.planNo}.pdf`)}`
      )
      .header('cache-control', 'no-store')
    return ctx.response.send(pdf)
  }

  /** Queues the export of the list as filtered; 202 `{ jobId }`, progress at /api/jobs/:id. */
  async export(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(planListValidator)
    const user = ctx.auth.getUserOrFail()
    const jobId = await queue.dispatch(
      'disposal:plan-export',
      { userId: user.id, filters },
      { userId: user.id }
    )
    await audit.record(ctx, {
      action: 'disposal.plan.export',
      entityType: 'disposal_plan',
      detail: JSON.stringify(filters),
    })
    return ctx.response.accepted({ jobId })
  }
}
