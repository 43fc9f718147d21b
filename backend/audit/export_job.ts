/*
| Queued job `system:audit-export`: writes the 登录日志 / 操作日志 rows matching
| the user's filters to an .xlsx file through the shared streaming writer
| (writeXlsxExport: backpressure on the zip stream, row cap), reading in
| id-keyed batches, so memory stays flat on millions of rows.
|
| The data scope is the one of the user who started the job (job_runs.user_id),
| loaded when the job runs. Rows go out newest first (id order), whatever column
| the screen was sorted by: keyset paging needs a unique key.
*/
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { translate, type Locale } from '#core/i18n/messages'
import {
  exportFileName,
  keysetBatches,
  MAX_ROWS,
  writeXlsxExport,
  type XlsxColumn,
  type XlsxExportResult,
} from '#core/exports/xlsx_export'
import type { AuditCategory } from './categories.js'
import { auditLogQuery, storedTime, type AuditFilters } from './log_query.js'

export interface AuditExportPayload {
  category: AuditCategory
  filters: AuditFilters
  locale: Locale
}

/** The download route reads `token` and `fileName` from job_runs.result. */
export type AuditExportResult = XlsxExportResult

/** The list permission whose data scope an export of each log follows. */
export const LIST_PERMISSION: Record<AuditCategory, string> = {
  login: 'system:audit:login-log',
  operation: 'system:audit:operation-log',
  security: 'system:audit:security-log',
}

/** Rows per read: an operation-log row may carry two 32 KB JSON snapshots. */
const BATCH = 500

function columnsFor(category: AuditCategory, t: (key: string) => string): XlsxColumn[] {
  const common: XlsxColumn[] = [
    { key: 'id', header: t('audit.col.id'), width: 10, type: 'number' },
    { key: 'occurredAt', header: t('audit.col.occurredAt'), width: 20 },
    { key: 'username', header: t('audit.col.username'), width: 16 },
    { key: 'orgName', header: t('audit.col.orgName'), width: 20 },
    { key: 'ip', header: t('audit.col.ip'), width: 16 },
    { key: 'action', header: t('audit.col.action'), width: 22 },
    { key: 'result', header: t('audit.col.result'), width: 8 },
    { key: 'detail', header: t('audit.col.detail'), width: 40 },
  ]
  if (category === 'login') {
    return [...common, { key: 'userAgent', header: t('audit.col.userAgent'), width: 40 }]
  }
  return [
    ...common,
    { key: 'entityType', header: t('audit.col.entityType'), width: 14 },
    { key: 'entityId', header: t('audit.col.entityId'), width: 14 },
    { key: 'before', header: t('audit.col.before'), width: 50 },
    { key: 'after', header: t('audit.col.after'), width: 50 },
    { key: 'requestId', header: t('audit.col.requestId'), width: 24 },
  ]
}

const auditExportJob: JobHandler = async ({ jobId, payload, progress }) => {
  const { category, filters, locale } = payload as AuditExportPayload
  const t = (key: string, data?: Record<string, unknown>) => translate(locale, key, data)

  const run = await db.from('job_runs').where('id', jobId).select('user_id').first()
  if (!run?.user_id) throw new Error('An audit export needs the user who started it')
  const access = await UserAccess.load(await User.findOrFail(run.user_id))
  // The scope of the roles that grant the list, exactly as the screen applied it.
  access.activePermission = LIST_PERMISSION[category]

  await progress(0, t('audit.export.counting'))
  const counted = await auditLogQuery(category, filters, access).count('* as total').first()
  const available = Number(counted?.total ?? 0)

  const rows = async function* () {
    const batches = keysetBatches(
      async (beforeId, limit) => {
        const query = auditLogQuery(category, filters, access)
          .select('audit_logs.*')
          .orderBy('audit_logs.id', 'desc')
          .limit(limit)
        if (beforeId !== null) query.where('audit_logs.id', '<', beforeId)
        return query
      },
      (row) => String(row.id),
      BATCH
    )
    for await (const row of batches) {
      yield {
        id: row.id,
        occurredAt: storedTime(row.occurred_at),
        username: row.username ?? t('audit.system'),
        orgName: row.org_name,
        ip: row.ip,
        action: row.action,
        result: t(`audit.result.${row.result}`),
        detail: row.detail,
        userAgent: row.user_agent,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before_json,
        after: row.after_json,
        requestId: row.request_id,
      }
    }
  }

  const sheetName = t(`audit.sheet.${category}`)
  const written = await writeXlsxExport({
    fileName: exportFileName(sheetName),
    sheetName,
    columns: columnsFor(category, t),
    rows: rows(),
    total: available,
    progress,
    progressText: (done, total) => t('audit.export.progress', { done, total }),
  })

  const truncated = written.truncated || available > MAX_ROWS
  await progress(
    100,
    t(truncated ? 'audit.export.truncated' : 'audit.export.done', { total: written.rows })
  )
  const result: AuditExportResult = { ...written, truncated }
  return result
}

export default auditExportJob
