/*
| Queued job `system:query-export`: a 综合查询 (or a published report, with its
| layout) to a streamed .xlsx through the core export writer
| (backend/exports/xlsx_export.ts). The query is compiled again when the job
| runs, with the access of the user who started it: a grant taken away while
| the job waited stops it, and the data scope is theirs. Rows are streamed from
| one statement in the user's sort order, so memory stays flat.
*/
import db from '@adonisjs/lucid/services/db'
import type { JobHandler } from '#core/plugins/types'
import User from '#core/identity/user'
import { UserAccess } from '#core/identity/user_access'
import { translate, type Locale } from '#core/i18n/messages'
import { exportFileName, writeXlsxExport, type XlsxColumn } from '#core/exports/xlsx_export'
import { compileQuery, type ResultColumn } from './compile_query.js'
import { cellValue } from './run_query.js'
import type { QuerySpec } from './query_spec.js'
import { loadReport, type ReportLayout } from './reports.js'

export const QUERY_EXPORT_JOB = 'system:query-export'
export const EXPORT_PERMISSION = 'system:query:export'

export interface QueryExportPayload {
  /** A published report (its stored query and layout), or a free query. */
  reportId?: number
  query?: QuerySpec
  /** A report viewed as of another date than it was published with. */
  asOf?: string
  locale: Locale
}

const XLSX_TYPE: Record<ResultColumn['type'], XlsxColumn['type']> = {
  amount: 'money',
  number: 'number',
  count: 'number',
  date: 'date',
  dict: 'dict',
  string: 'text',
}

/** Dictionary codes → labels in the export's language, for the dict columns only. */
async function dictionaryLabels(columns: ResultColumn[], locale: Locale) {
  const types = [...new Set(columns.map((c) => c.dictionary).filter(Boolean))] as string[]
  const labels = new Map<string, string>()
  if (!types.length) return labels
  const rows = await db.from('dict_items').whereIn('type_code', types)
  for (const r of rows) {
    const label =
      locale === 'en' ? r.custom_label_en || r.label_en : r.custom_label_zh || r.label_zh
    labels.set(`${r.type_code}\u0000${r.code}`, label)
  }
  return labels
}

const queryExportJob: JobHandler = async ({ jobId, payload, progress }) => {
  const { reportId, query, asOf, locale } = payload as QueryExportPayload
  const t = (key: string, data?: Record<string, unknown>) => translate(locale, key, data)
  const run = await db.from('job_runs').where('id', jobId).select('user_id').first()
  if (!run?.user_id) throw new Error('A query export needs the user who started it')
  const user = await User.findOrFail(run.user_id)
  const access = await UserAccess.load(user)
  if (!access.can(EXPORT_PERMISSION)) throw new Error(t('query.exportForbidden'))

  const report = reportId ? await loadReport(reportId) : null
  const stored = report ? report.query : query!
  const spec = asOf ? { ...stored, asOf } : stored
  const layout: ReportLayout | null = report ? report.layout : null
  const compiled = await compileQuery(access, spec)

  await progress(0, t('query.export.counting'))
  const counted = (await compiled.totals().first()) as Record<string, any> | null
  const total = compiled.grouped
    ? Number(
        (await db.from(compiled.rows().clearOrder().as('groups')).count('* as total').first())
          ?.total ?? 0
      )
    : Number(counted?.count ?? 0)

  const byKey = new Map(compiled.columns.map((c) => [c.key, c]))
  const shown = layout ? layout.columns.map((k) => byKey.get(k)!).filter(Boolean) : compiled.columns
  const labels = await dictionaryLabels(shown, locale)
  const lang = locale === 'en' ? 'en' : 'zh'

  async function* rows() {
    // One streamed statement (mysql2 row stream / SQLite iterator): flat memory, user's order.
    for await (const raw of compiled.rows().knexQuery.stream() as AsyncIterable<any>) {
      const row: Record<string, unknown> = {}
      for (const c of shown) {
        const value = cellValue(c, raw[c.key])
        row[c.key] =
          c.dictionary && value !== null
            ? (labels.get(`${c.dictionary}\u0000${value}`) ?? value)
            : value
      }
      yield row
    }
  }

  let footer: Record<string, unknown> | undefined
  if (!layout || layout.totals) {
    footer = {}
    for (const c of shown) {
      if (c.type === 'amount') footer[c.key] = cellValue(c, counted?.[c.key] ?? '0')
      else if (c.type === 'number') footer[c.key] = counted?.[c.key] ?? null
      else if (c.type === 'count') footer[c.key] = Number(counted?.count ?? 0)
    }
    if (shown[0] && footer[shown[0].key] === undefined) footer[shown[0].key] = t('query.total')
  }

  const name = report ? report.title[lang] : compiled.dataset.definition.name[lang]
  const lines = [name]
  if (spec.asOf) lines.push(t('query.export.asOf', { date: spec.asOf }))
  lines.push(
    t('query.export.by', { user: user.realName || user.username, at: new Date().toISOString() })
  )
  const headerOf = (c: ResultColumn) => c.label[lang]

  const result = await writeXlsxExport({
    fileName: exportFileName(spec.asOf ? `${name}_${spec.asOf}` : name),
    sheetName: name,
    columns: shown.map((c) => ({ key: c.key, header: headerOf(c), type: XLSX_TYPE[c.type] })),
    rows: rows(),
    total,
    titleLines: lines,
    footer,
    progress,
    progressText: (done, all) => t('query.export.progress', { done, total: all }),
  })
  await progress(100, t('query.export.done', { total: result.rows }))
  return result
}

export default queryExportJob
