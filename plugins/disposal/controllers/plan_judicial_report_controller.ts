import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { securityLog } from '#core/security/security_log'
import { renderPdf } from '#core/documents/pdf'
import { customerSearchValidator } from '../validators/plan.js'
import { judicialReport } from '../plans/judicial_report.js'
import { searchPlanCustomers } from '../plans/plan_form.js'
import { planIdParam } from '../plans/plan_scope.js'

/** 动态司法流程报告 of a customer in scope: JSON for the page, PDF to download. */
export default class PlanJudicialReportController {
  async customers(ctx: HttpContext) {
    const { keyword } = await ctx.request.validateUsing(customerSearchValidator)
    return { data: await searchPlanCustomers(await accessOf(ctx), keyword) }
  }

  async show(ctx: HttpContext) {
    const report = await judicialReport(await accessOf(ctx), planIdParam(ctx.params.customerId))
    if (!report) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return report
  }

  async pdf(ctx: HttpContext) {
    const report = await judicialReport(await accessOf(ctx), planIdParam(ctx.params.customerId))
    if (!report) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const user = ctx.auth.getUserOrFail()
    const pdf = await renderPdf({
      plugin: 'disposal',
      template: 'judicial-report',
      data: {
        ...report,
        litigation: {
          ...report.litigation,
          fetchedAt: DateTime.fromISO(report.litigation.fetchedAt)
            .setZone('Asia/Shanghai')
            .toFormat('yyyy-MM-dd HH:mm'),
        },
        printedBy: user.realName,
        printedAt: DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm'),
      },
      options: { footer: `动态司法流程报告 ${report.customer.customerNo}` },
    })
    await audit.record(ctx, {
      action: 'disposal.judicial-report.print',
      entityType: 'customer',
      entityId: report.customer.id,
      detail: report.customer.customerNo,
    })
    const name = `动态司法流程报告_${report.customer.customerNo}_${report.asOf}.pdf`
    await securityLog.download(ctx, {
      entityType: 'customer',
      entityId: report.customer.id,
      detail: name,
    })
    ctx.response
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `${ctx.request.input('inline') === '1' ? 'inline' : 'attachment'}; filename="judicial-report-${report.customer.customerNo}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`
      )
      .header('cache-control', 'no-store')
    return ctx.response.send(pdf)
  }
}
