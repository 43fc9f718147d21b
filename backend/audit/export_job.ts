/*
| Queued job `system:audit-export`: writes the 登录日志 / 操作日志 rows matching
| the user's filters to an .xlsx file under tmp/exports, streaming (exceljs
| WorkbookWriter commits each row to disk), reading in id-keyed batches, so
| memory stays flat on millions of rows.
|
| The data scope is the one of the user who started the job (job_runs.user_id),
| loaded when the job runs. Rows go out newest first (id order), whatever column
| the screen was sorted by: keyset paging needs a unique key.
*/
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import User from '#core/models/user'
import { UserAccess } from '#core/auth/user_access'
import { translate, type Locale } from '#core/i18n/messages'
import type { AuditCategory } from './categories.js'
import { auditLogQuery, storedTime, type AuditFilters } from './log_query.js'
import {
  ensureExportDir,
  exportPath,
  newExportToken,
  removeExpiredExports,
} from './export_files.js'

export interface AuditExportPayload {
  category: AuditCategory
  filters: AuditFilters
  locale: Locale
}

export interface AuditExportResult {
  token: string
  fileName: string
  rows: number
  truncated: boolean
}

/** The list permission whose data scope an export of each log follows. */
export const LIST_PERMISSION: Record<AuditCategory, string> = {
  login: 'system:audit:login-log',
  operation: 'system:audit:operation-log',
  security: 'system:audit:security-log',
}

const BATCH = 1000
/** One sheet holds 1,048,576 rows, the header included. */
export const MAX_ROWS = 1_048_575
/** Excel refuses a cell longer than this. */
const MAX_CELL = 32_767

const cell = (value: string | null) =>
  value !== null && value.length > MAX_CELL ? value.slice(0, MAX_CELL - 1) + '…' : value

function columnsFor(category: AuditCategory, t: (key: string) => string) {
  const common = [
    { key: 'id', header: t('audit.col.id'), width: 10 },
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

export function exportFileName(category: AuditCategory, locale: Locale, at = new Date()) {
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}_${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`
  return `${translate(locale, `audit.sheet.${category}`)}_${stamp}.xlsx`
}

const auditExportJob: JobHandler = async ({ jobId, payload, progress }) => {
  const { category, filters, locale } = payload as AuditExportPayload
  const t = (key: string, data?: Record<string, unknown>) => translate(locale, key, data)

  const run = await db.from('job_runs').where('id', jobId).select('user_id').first()
  if (!run?.user_id) throw new Error('An audit export needs the user who started it')
  const access = await UserAccess.load(await User.findOrFail(run.user_id))
  // The scope of the roles that grant the list, exactly as the screen applied it.
  access.activePermission = LIST_PERMISSION[category]

  await removeExpiredExports()
  await ensureExportDir()
  await progress(0, t('audit.export.counting'))
  const counted = await auditLogQuery(category, filters, access).count('* as total').first()
  const available = Number(counted?.total ?? 0)
  const total = Math.min(available, MAX_ROWS)

  const token = newExportToken()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: exportPath(token),
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(t(`audit.sheet.${category}`))
  sheet.columns = columnsFor(category, t)
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()

  let done = 0
  let beforeId: string | null = null
  while (done < total) {
    const query = auditLogQuery(category, filters, access)
      .select('audit_logs.*')
      .orderBy('audit_logs.id', 'desc')
      .limit(Math.min(BATCH, total - done))
    if (beforeId !== null) query.where('audit_logs.id', '<', beforeId)
    const rows = await query
    if (!rows.length) break
    for (const row of rows) {
      sheet
        .addRow({
          id: Number(row.id),
          occurredAt: storedTime(row.occurred_at),
          username: row.username ?? t('audit.system'),
          orgName: row.org_name,
          ip: row.ip,
          action: row.action,
          result: t(`audit.result.${row.result}`),
          detail: cell(row.detail),
          userAgent: row.user_agent,
          entityType: row.entity_type,
          entityId: row.entity_id,
          before: cell(row.before_json),
          after: cell(row.after_json),
          requestId: row.request_id,
        })
        .commit()
    }
    done += rows.length
    beforeId = String(rows[rows.length - 1].id)
    await progress(total ? (done / total) * 99 : 99, t('audit.export.progress', { done, total }))
  }
  await sheet.commit()
  await workbook.commit()

  const truncated = available > total
  await progress(
    100,
    t(truncated ? 'audit.export.truncated' : 'audit.export.done', { total: done })
  )
  const result: AuditExportResult = {
    token,
    fileName: exportFileName(category, locale),
    rows: done,
    truncated,
  }
  return result
}

export default auditExportJob
