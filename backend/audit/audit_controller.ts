import type { HttpContext } from '@adonisjs/core/http'
import { access as fsAccess } from 'node:fs/promises'
import { sendDownload, XLSX_TYPE } from '#core/security/downloads'
import { timingSafeEqual } from 'node:crypto'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import type { AuditCategory } from '#core/audit/categories'
import { diffRecords } from '#core/audit/diff'
import { exportPath } from '#core/audit/export_files'
import type { AuditExportPayload, AuditExportResult } from '#core/audit/export_job'
import {
  LIST_COLUMNS,
  applySort,
  auditLogQuery,
  toLogRow,
  type AuditFilters,
} from '#core/audit/log_query'
import { queue } from '#core/queue/queue'
import { jobRuns } from '#core/queue/job_runs'
import {
  auditExportValidator,
  auditListValidator,
  exportDownloadValidator,
} from '#core/audit/validators'

export const AUDIT_EXPORT_JOB = 'system:audit-export'

const parseJson = (text: string | null) =>
  text ? (JSON.parse(text) as Record<string, unknown>) : null

/**
 * 登录日志 and 操作日志: data-scoped lists, the operation entry's before/after
 * diff, and the queued xlsx export with its owner-only download.
 */
export default class AuditController {
  loginLogs(ctx: HttpContext) {
    return this.list(ctx, 'login')
  }

  operationLogs(ctx: HttpContext) {
    return this.list(ctx, 'operation')
  }

  /** 安全日志: denials, refused uploads, lockouts and every file download (security/security_log.ts). */
  securityLogs(ctx: HttpContext) {
    return this.list(ctx, 'security')
  }

  private async list(ctx: HttpContext, category: AuditCategory) {
    const { page, perPage, ...filters } = await ctx.request.validateUsing(auditListValidator)
    const access = await accessOf(ctx)
    const query = applySort(auditLogQuery(category, filters, access).select(LIST_COLUMNS), filters)
    const result = await query.paginate(page ?? 1, perPage ?? 20)
    return {
      data: result.all().map(toLogRow),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }

  /** One operation entry with its masked before/after; outside the user's scope it does not exist (404). */
  async operationLog(ctx: HttpContext) {
    const id = String(ctx.params.id)
    if (!/^\d{1,19}$/.test(id)) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const access = await accessOf(ctx)
    const row = await auditLogQuery('operation', {}, access)
      .where('audit_logs.id', id)
      .select('audit_logs.*')
      .first()
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const before = parseJson(row.before_json)
    const after = parseJson(row.after_json)
    return { ...toLogRow(row), before, after, changes: diffRecords(before, after) }
  }

  /** Distinct actions in the user's scope, for the 操作日志 action filter. */
  async operationActions(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const rows = await auditLogQuery('operation', {}, access)
      .distinct('audit_logs.action')
      .orderBy('audit_logs.action')
      .limit(500)
    return rows.map((r) => r.action as string)
  }

  exportLoginLogs(ctx: HttpContext) {
    return this.startExport(ctx, 'login')
  }

  exportOperationLogs(ctx: HttpContext) {
    return this.startExport(ctx, 'operation')
  }

  private async startExport(ctx: HttpContext, category: AuditCategory) {
    const filters: AuditFilters = await ctx.request.validateUsing(auditExportValidator)
    const userId = ctx.auth.user!.id
    const payload: AuditExportPayload = { category, filters, locale: ctx.locale }
    const jobId = await queue.dispatch(AUDIT_EXPORT_JOB, payload, { userId })
    // Exporting logs takes data out of the system: it is an audited action itself.
    await audit.record(ctx, {
      action: 'audit.export',
      entityType: category === 'login' ? 'login_log' : 'operation_log',
      entityId: jobId,
      after: { ...filters },
    })
    return ctx.response.accepted({ jobId })
  }

  /** Streams a finished export, only to the user who started it, with the token from the job's result. */
  async download(ctx: HttpContext) {
    const { token } = await ctx.request.validateUsing(exportDownloadValidator)
    const notReady = () => ctx.response.notFound({ message: ctx.i18n('audit.export.notReady') })
    const run = await jobRuns.find(String(ctx.params.jobId))
    if (!run || run.name !== AUDIT_EXPORT_JOB || run.userId !== ctx.auth.user!.id) return notReady()
    const result = run.result as AuditExportResult | null
    if (run.status !== 'completed' || !result?.token) return notReady()
    const expected = Buffer.from(result.token)
    const given = Buffer.from(token)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return notReady()
    const file = exportPath(result.token)
    try {
      await fsAccess(file)
    } catch {
      return notReady()
    }
    await sendDownload(ctx, {
      absolutePath: file,
      fileName: result.fileName,
      contentType: XLSX_TYPE,
      entityType: 'audit_export',
      entityId: run.id,
    })
  }
}
