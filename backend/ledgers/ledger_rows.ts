/*
| One page of a ledger, its row count and its totals row (合计) over every
| filtered row, not just the page. Count and sums come from the ledger's maintained
| groups when they cover the filters (ledger_aggregate.ts), else from the rows.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import type { LedgerColumn } from '#core/plugins/types'
import type { RegisteredLedger } from './registry.js'
import type { LedgerInput } from './ledger_input.js'
import {
  activeSql,
  aliasesIn,
  applySort,
  columnSql,
  fenToYuan,
  filteredQuery,
  formatRow,
  keysetOrder,
  selectColumns,
  sortColumn,
} from './ledger_query.js'
import { aggregateTotals } from './ledger_aggregate.js'
import { decodeCursor, encodeCursor, keysetSql, scanOrder } from '#core/db/keyset_cursor'

export interface LedgerPage {
  data: Record<string, unknown>[]
  meta: {
    total: number
    page: number
    perPage: number
    asOf: string | null
    /** Keyset cursors of the next / previous page (null: none that way). */
    nextCursor: string | null
    prevCursor: string | null
  }
}

export interface LedgerTotals {
  total: number
  asOf: string | null
  /** Sums of the `total` columns over all filtered rows (money in yuan). */
  totals: Record<string, string | number>
}

const totalColumns = (ledger: RegisteredLedger) =>
  ledger.columns.filter((c) => c.total && (c.type === 'money' || c.type === 'number'))

/** Index-friendly alias for an aggregate (the column key, prefixed so it cannot clash). */
const sumAlias = (column: LedgerColumn) => `sum_${column.key}`

export async function listLedgerRows(
  ledger: RegisteredLedger,
  input: LedgerInput,
  access: UserAccess,
  defaultPerPage = 20
): Promise<LedgerPage> {
  const { build, asOf } = await filteredQuery(ledger, input, access)
  const page = input.page ?? 1
  const perPage = input.perPage ?? defaultPerPage

  // A bad cursor is refused before any query starts (none may outlive the 422).
  const sorted = sortColumn(ledger, input)
  const order = keysetOrder(ledger, input, asOf)
  const context = { list: `ledger:${ledger.id}`, sort: sorted?.key ?? null, order: order.sortOrder }
  const cursor = decodeCursor(context, input)

  // The count from the maintained groups when they cover the filters (ledger_aggregate.ts);
  // else one joining only the lookups a filter needs, so it can stay inside indexes.
  const counting = aggregateTotals(ledger, input, access).then(
    (groups) =>
      groups ??
      build(aliasesIn(ledger, activeSql(ledger, input, asOf)))
        .select(db.raw('COUNT(*) as ??', ['count']))
        .first()
  )

  // The page in two steps (a deferred join): the keys of the page, sorted and cut
  // with only what the filters and the sort need; then the columns of those keys.
  // Next / previous by one page continue from a cursor (keyset) instead of OFFSET.
  const keysQuery = build(
    aliasesIn(ledger, activeSql(ledger, input, asOf, sorted ? [columnSql(sorted, asOf)] : []))
  ).select(db.raw(`${ledger.rowKey} as ??`, ['__key']))
  if (order.sortSql) keysQuery.select(db.raw(`${order.sortSql} as ??`, ['__sort']))
  if (cursor) {
    const { sql, bindings } = keysetSql(scanOrder(order, cursor.direction), cursor)
    keysQuery.whereRaw(sql, bindings)
    applySort(keysQuery, ledger, input, asOf, scanOrder(order, cursor.direction))
    keysQuery.limit(perPage + 1)
  } else {
    applySort(keysQuery, ledger, input, asOf)
    keysQuery.limit(perPage + 1).offset((page - 1) * perPage)
  }

  const [counted, read] = await Promise.all([counting, keysQuery])
  // One row past the page tells whether there is a page beyond it in the reading direction.
  const more = read.length > perPage
  const keys = read.slice(0, perPage)
  if (cursor?.direction === 'before') keys.reverse()
  const cursorOf = (row: any) => encodeCursor(context, row.__sort ?? null, row.__key)
  const hasNext = cursor?.direction === 'before' ? true : more
  const hasPrev = cursor ? (cursor.direction === 'after' ? true : more) : page > 1
  const byKey = new Map(keys.map((k: any, i: number) => [String(k.__key), i]))
  const rows = keys.length
    ? await selectColumns(build('all'), ledger.columns, asOf)
        .select(db.raw(`${ledger.rowKey} as ??`, ['__key']))
        .whereIn(db.raw(ledger.rowKey) as any, [...byKey.keys()])
    : []
  rows.sort((a: any, b: any) => byKey.get(String(a.__key))! - byKey.get(String(b.__key))!)
  return {
    data: rows.map((row: Record<string, unknown>) => formatRow(ledger.columns, row)),
    meta: {
      total: Number(counted?.count ?? 0),
      page,
      perPage,
      asOf,
      nextCursor: hasNext && keys.length ? cursorOf(keys[keys.length - 1]) : null,
      prevCursor: hasPrev && keys.length ? cursorOf(keys[0]) : null,
    },
  }
}

/**
 * The 合计 row: sums of the `total` columns over every filtered row (money in
 * yuan). Separate from the page because it reads every matching row, while the
 * count and the page stay inside indexes; the console asks for both at once.
 */
export async function ledgerTotals(
  ledger: RegisteredLedger,
  input: LedgerInput,
  access: UserAccess
): Promise<LedgerTotals> {
  const { build, asOf } = await filteredQuery(ledger, input, access)
  const sums = totalColumns(ledger)
  const groups = await aggregateTotals(ledger, input, access)
  if (groups) {
    const totals: LedgerTotals['totals'] = {}
    for (const column of sums) {
      const raw = groups.sums[column.key]
      totals[column.key] = column.type === 'money' ? fenToYuan(raw) : Number(raw)
    }
    return { total: groups.count, asOf, totals }
  }
  const sumSql = sums.map((c) => columnSql(c, asOf))
  const aggregate = build(aliasesIn(ledger, activeSql(ledger, input, asOf, sumSql))).select(
    db.raw('COUNT(*) as ??', ['row_count'])
  )
  sums.forEach((column, i) =>
    aggregate.select(
      db.raw(`CAST(COALESCE(SUM(${sumSql[i]}), 0) AS CHAR) as ??`, [sumAlias(column)])
    )
  )
  const counted = await aggregate.first()
  const totals: LedgerTotals['totals'] = {}
  for (const column of sums) {
    const raw = String(counted?.[sumAlias(column)] ?? '0')
    totals[column.key] = column.type === 'money' ? fenToYuan(raw) : Number(raw)
  }
  return { total: Number(counted?.row_count ?? 0), asOf, totals }
}

/** What the console needs to draw a ledger page (no SQL leaves the server). */
export function describeLedger(ledger: RegisteredLedger, access: UserAccess) {
  return {
    id: ledger.id,
    name: ledger.name,
    asOf: Boolean(ledger.asOf),
    canExport: access.can(ledger.exportPermission ?? ledger.permission),
    defaultSort: ledger.defaultSort ?? null,
    columns: ledger.columns.map((c) => ({
      key: c.key,
      label: c.label,
      type: c.type,
      dict: c.dict ?? null,
      sortable: Boolean(c.sortable),
      total: Boolean(c.total),
      visible: c.visible !== false,
      width: c.width ?? null,
      link: c.link ? { path: c.link.path ?? null, param: c.link.param ?? null } : null,
    })),
    filters: (ledger.filters ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      dict: f.dict ?? null,
    })),
  }
}
