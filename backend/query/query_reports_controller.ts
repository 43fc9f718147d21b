import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { queue } from '#core/queue/queue'
import { compileQuery } from '#core/query/compile_query'
import { runQueryPage } from '#core/query/run_query'
import * as reports from '#core/query/reports'
import { publishReportValidator, reportRunValidator } from '#core/query/query_validators'
import { QUERY_EXPORT_JOB, type QueryExportPayload } from '#core/query/query_export_job'
import type { QuerySpec } from '#core/query/query_spec'

const idOf = (ctx: HttpContext) => Number(ctx.params.id)

/**
 * 自主配置报表 (/api/query/reports): publishing and withdrawing need
 * `system:report:publish`; opening a report from its menu needs
 * `system:report:view`, and runs it with the viewer's own access.
 */
export default class QueryReportsController {
  async index() {
    return { data: await reports.listReports() }
  }

  async parentOptions() {
    return reports.parentOptions()
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(publishReportValidator)
    const { id, menu } = await reports.publishReport(await accessOf(ctx), {
      ...input,
      query: input.query as QuerySpec,
    })
    await audit.record(ctx, {
      action: 'report.publish',
      entityType: 'query_report',
      entityId: id,
      after: {
        title: input.title,
        menu: menu.code,
        parent: menu.parent_code,
        query: input.query,
      },
    })
    ctx.response.status(201)
    return { id, menuCode: menu.code, path: menu.path }
  }

  async destroy(ctx: HttpContext) {
    const id = idOf(ctx)
    const { before } = await reports.withdrawReport(id)
    await audit.record(ctx, {
      action: 'report.withdraw',
      entityType: 'query_report',
      entityId: id,
      before,
    })
    return ctx.response.noContent()
  }

  /** The report's title and layout, plus the result columns the viewer gets. */
  async show(ctx: HttpContext) {
    const report = await reports.loadReport(idOf(ctx))
    const compiled = await compileQuery(await accessOf(ctx), report.query)
    return {
      id: report.id,
      title: report.title,
      layout: report.layout,
      asOf: report.query.asOf ?? null,
      asOfSupported: Boolean(compiled.dataset.definition.asOf),
      grouped: compiled.grouped,
    }
  }

  async run(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(reportRunValidator)
    const report = await reports.loadReport(idOf(ctx))
    const spec: QuerySpec = input.asOf ? { ...report.query, asOf: input.asOf } : report.query
    const compiled = await compileQuery(await accessOf(ctx), spec)
    return runQueryPage(compiled, input.page ?? 1, input.perPage ?? 50, input.count ?? true)
  }

  async export(ctx: HttpContext) {
    const { asOf } = await ctx.request.validateUsing(reportRunValidator)
    const id = idOf(ctx)
    const report = await reports.loadReport(id)
    await compileQuery(await accessOf(ctx), asOf ? { ...report.query, asOf } : report.query)
    const payload: QueryExportPayload = { reportId: id, asOf, locale: ctx.locale }
    const jobId = await queue.dispatch(QUERY_EXPORT_JOB, payload, { userId: ctx.auth.user!.id })
    await audit.record(ctx, {
      action: 'query.export',
      entityType: 'query_report',
      entityId: id,
      detail: `job ${jobId}`,
    })
    return ctx.response.accepted({ jobId })
  }
}
