/*
| 自主配置报表: a query published as a report with a layout, reachable from a
| menu entry. The menu row is an administrator-style row (source 'admin'), so
| the plugin sync leaves it alone (backend/plugins/sync.ts); it opens the
| generic console page `query/ReportPage` at /query/reports/<id> and carries
| `system:report:view`. Whoever opens a report runs it with THEIR access: the
| fields they may not use make it a 422, and their data scope applies.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { accessChanged } from '#core/identity/access_cache'
import type { UserAccess } from '#core/identity/user_access'
import type { Localized } from '#core/plugins/types'
import { dbNow } from '#core/db/db_time'
import { compileQuery, type CompiledQuery } from './compile_query.js'
import { QueryError } from './query_error.js'
import type { QuerySpec } from './query_spec.js'

export const REPORT_PAGE = 'query/ReportPage'
export const REPORT_VIEW_PERMISSION = 'system:report:view'
/** Where reports go unless the publisher picks another directory. */
export const DEFAULT_REPORT_PARENT = 'system:analysis'
const ADMIN_SOURCE = 'admin'

export interface ReportLayout {
  /** Result column keys in display order (a subset: the others are not shown). */
  columns: string[]
  /** 表头分组: a header spanning adjacent columns. */
  headers?: { label: Localized; keys: string[] }[]
  /** Show the totals row (amount/number columns of a detail report). */
  totals: boolean
}

export interface PublishInput {
  queryId?: number | null
  title: Localized
  parentMenuCode?: string | null
  sort?: number
  query: QuerySpec
  layout: ReportLayout
}

/** Checks the layout against the query's result columns (keys only; labels are the publisher's). */
export function checkLayout(compiled: CompiledQuery, layout: ReportLayout) {
  const keys = new Set(compiled.columns.map((c) => c.key))
  layout.columns.forEach((key, i) => {
    if (!keys.has(key)) throw new QueryError('query.layoutUnknownColumn', `layout.columns.${i}`)
  })
  const shown = layout.columns
  ;(layout.headers ?? []).forEach((header, h) => {
    const positions = header.keys.map((k) => shown.indexOf(k))
    if (positions.some((p) => p < 0))
      throw new QueryError('query.layoutUnknownColumn', `layout.headers.${h}.keys`)
    const sorted = [...positions].sort((a, b) => a - b)
    if (sorted.some((p, i) => i > 0 && p !== sorted[i - 1] + 1))
      throw new QueryError('query.layoutHeaderGap', `layout.headers.${h}.keys`)
  })
}

/** Live directories a report may be placed under (core, plugins', administrators'). */
export async function parentOptions() {
  const rows = await db
    .from('menus')
    .where('type', 'directory')
    .where((q) => q.where('active', true).orWhere('source', ADMIN_SOURCE))
    .select('code', 'parent_code', 'name_zh', 'name_en', 'custom_name_zh', 'custom_name_en')
    .orderBy('code')
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parent_code,
    name: { zh: r.custom_name_zh || r.name_zh, en: r.custom_name_en || r.name_en },
  }))
}

async function checkParent(code: string, trx: TransactionClientContract) {
  const parent = await trx
    .from('menus')
    .where('code', code)
    .where((q) => q.where('active', true).orWhere('source', ADMIN_SOURCE))
    .first()
  if (!parent || parent.type !== 'directory')
    throw new QueryError('query.parentNotDirectory', 'parentMenuCode')
}

export async function publishReport(access: UserAccess, input: PublishInput) {
  const compiled = await compileQuery(access, input.query)
  checkLayout(compiled, input.layout)
  if (input.queryId) {
    // Publishing from a saved query: it must be one the publisher can read.
    const own = await db.from('query_saved').where('id', input.queryId).first()
    const roleIds = access.roles.map((r) => r.id)
    if (!own || (own.owner_id !== access.user.id && !roleIds.includes(own.role_id)))
      throw new QueryError('query.unknownSaved', 'queryId')
  }
  const parent = input.parentMenuCode || DEFAULT_REPORT_PARENT
  return db.transaction(async (trx) => {
    await checkParent(parent, trx)
    const now = dbNow()
    // The code is unique before we know the id; renamed right after the insert.
    const pending = `${ADMIN_SOURCE}:report-new-${access.user.id}-${Date.now()}`
    const [rawId] = await trx.table('query_reports').insert({
      query_id: input.queryId ?? null,
      title_zh: input.title.zh,
      title_en: input.title.en,
      dataset: input.query.dataset,
      definition_json: JSON.stringify(input.query),
      layout_json: JSON.stringify(input.layout),
      menu_code: pending,
      parent_menu_code: parent,
      status: 'published',
      published_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    const id = Number(rawId)
    const menuCode = `${ADMIN_SOURCE}:report-${id}`
    await trx.from('query_reports').where('id', id).update({ menu_code: menuCode })
    const menu = {
      code: menuCode,
      parent_code: parent,
      source: ADMIN_SOURCE,
      type: 'page',
      name_zh: input.title.zh,
      name_en: input.title.en,
      permission: REPORT_VIEW_PERMISSION,
      page_key: REPORT_PAGE,
      path: `/query/reports/${id}`,
      icon: 'Document',
      sort: input.sort ?? 100,
      hidden: false,
      active: true,
    }
    await trx.table('menus').insert(menu)
    await accessChanged(trx)
    return { id, menu }
  })
}

export async function withdrawReport(id: number) {
  return db.transaction(async (trx) => {
    const report = await trx
      .from('query_reports')
      .where('id', id)
      .where('status', 'published')
      .first()
    if (!report) throw new QueryError('http.notFound', null, 404)
    await trx.from('menus').where('code', report.menu_code).where('source', ADMIN_SOURCE).delete()
    await accessChanged(trx)
    await trx
      .from('query_reports')
      .where('id', id)
      .update({ status: 'withdrawn', updated_at: dbNow() })
    return { before: report }
  })
}

export async function listReports() {
  const rows = await db
    .from('query_reports as r')
    .leftJoin('users as u', 'u.id', 'r.published_by')
    .where('r.status', 'published')
    .orderBy('r.id', 'desc')
    .select('r.*', 'u.real_name as publisher')
  return rows.map((r) => ({
    id: r.id,
    title: { zh: r.title_zh, en: r.title_en },
    dataset: r.dataset,
    menuCode: r.menu_code,
    parentMenuCode: r.parent_menu_code,
    path: `/query/reports/${r.id}`,
    publisher: r.publisher,
    createdAt: r.created_at,
  }))
}

/** A published report's definition (the console lays out the page from it). */
export async function loadReport(id: number) {
  const row = await db.from('query_reports').where('id', id).where('status', 'published').first()
  if (!row) throw new QueryError('http.notFound', null, 404)
  return {
    id: row.id as number,
    title: { zh: row.title_zh as string, en: row.title_en as string },
    query: JSON.parse(row.definition_json) as QuerySpec,
    layout: JSON.parse(row.layout_json) as ReportLayout,
  }
}
