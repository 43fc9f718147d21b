/*
| Turns a ledger definition plus a user's validated input into SQL: the
| plugin's FROM/JOIN, the data scope, the declared filters (values bound), a
| whitelisted sort with the row key as tie-breaker, and paging. Every SQL
| fragment here comes from a manifest; a user supplies only bound values and
| keys that were checked against the definition (ledger_input.ts).
*/
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { applyDataScope, resolveSubtreeOrgIds } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import type { LedgerColumn, LedgerFilter } from '#core/plugins/types'
import type { RegisteredLedger } from './registry.js'
import type { LedgerInput } from './ledger_input.js'
import { escapeLike } from '#core/db/like'
import type { KeysetOrder } from '#core/db/keyset_cursor'

const pick = (
  sql: string | string[],
  asOfSql: string | string[] | undefined,
  asOf: string | null
) => (asOf && asOfSql ? asOfSql : sql)

export const scopeOf = (ledger: RegisteredLedger, asOf: string | null) =>
  (asOf && ledger.asOfScope) || ledger.scope

export const columnSql = (column: LedgerColumn, asOf: string | null) =>
  pick(column.sql, column.asOfSql, asOf) as string

/**
 * The org filters' subtrees as id lists, looked up before the (synchronous) query
 * is built: a list lets a sorted page walk its index and stop (see
 * resolveSubtreeOrgIds in #core/identity/data_scope). null = no such org.
 */
export async function orgPaths(ledger: RegisteredLedger, input: LedgerInput) {
  const paths: Record<string, number[] | null> = {}
  for (const filter of ledger.filters ?? []) {
    const id = input.filters[filter.key]
    if (filter.type !== 'org' || id === undefined) continue
    const org = await db.from('orgs').where('id', Number(id)).select('path').first()
    paths[filter.key] = org
      ? (await db.from('orgs').where('path', 'like', `${org.path}%`).select('id')).map((o) =>
          Number(o.id)
        )
      : null
  }
  return paths
}

export function applyFilter(
  query: DatabaseQueryBuilderContract,
  filter: LedgerFilter,
  input: LedgerInput,
  asOf: string | null,
  paths: Record<string, number[] | null>
) {
  const sql = pick(filter.sql, filter.asOfSql, asOf)
  const expr = Array.isArray(sql) ? sql[0] : sql
  const value = input.filters[filter.key]
  switch (filter.type) {
    case 'eq':
      if (value !== undefined) query.whereRaw(`${expr} = ?`, [value])
      return
    case 'keyword': {
      if (value === undefined) return
      const [prefix, ...contains] = Array.isArray(sql) ? sql : [sql]
      // '!' as the LIKE escape (#core/db/like): typed % and _ are literal.
      const escaped = escapeLike(String(value))
      // The first expression (an account number) by prefix, which its index serves.
      query.where((q) => {
        q.whereRaw(`${prefix} LIKE ? ESCAPE '!'`, [`${escaped}%`])
        for (const other of contains) q.orWhereRaw(`${other} LIKE ? ESCAPE '!'`, [`%${escaped}%`])
      })
      return
    }
    case 'org': {
      if (value === undefined) return
      const ids = paths[filter.key]
      if (!ids?.length) query.whereRaw('1 = 0')
      else query.whereIn(db.raw(expr) as any, ids)
      return
    }
    default: {
      const from = input.filters[`${filter.key}From`]
      const to = input.filters[`${filter.key}To`]
      // Money filters arrive in yuan and compare with fen columns.
      const bound = (v: string | number) =>
        filter.type === 'moneyRange' ? Money.fromYuan(String(v)).toFen() : v
      if (from !== undefined) query.whereRaw(`${expr} >= ?`, [bound(from)])
      if (to !== undefined) query.whereRaw(`${expr} <= ?`, [bound(to)])
    }
  }
}

/** Which lookup aliases these SQL fragments name (`o.name` names `o`). */
export function aliasesIn(ledger: RegisteredLedger, fragments: string[]): Set<string> {
  const text = fragments.join(' ')
  return new Set(
    (ledger.lookups ?? [])
      .map((l) => l.alias)
      .filter((alias) => new RegExp(`(^|[^\\w])${alias}\\.`).test(text))
  )
}

/** SQL of the filters the input uses, the scope columns and any extra fragments. */
export function activeSql(
  ledger: RegisteredLedger,
  input: LedgerInput,
  asOf: string | null,
  extra: string[] = []
) {
  const used = (ledger.filters ?? []).filter((f) =>
    [f.key, `${f.key}From`, `${f.key}To`].some((name) => input.filters[name] !== undefined)
  )
  return [
    ...used.flatMap((f) => [pick(f.sql, f.asOfSql, asOf)].flat()),
    scopeOf(ledger, asOf).orgColumn,
    scopeOf(ledger, asOf).ownerColumn ?? '',
    ...extra,
  ]
}

export type BuildLedgerQuery = (lookups: Set<string> | 'all') => DatabaseQueryBuilderContract

/** The ledger's rows for this user and input, without select, order or paging. */
export async function filteredQuery(
  ledger: RegisteredLedger,
  input: LedgerInput,
  access: UserAccess
): Promise<{ build: BuildLedgerQuery; asOf: string | null }> {
  const asOf = ledger.asOf ? (input.asOf ?? null) : null
  const paths = await orgPaths(ledger, input)
  await resolveSubtreeOrgIds(access)
  // A function, not a builder: an async function must never return a thenable builder.
  const build: BuildLedgerQuery = (lookups) => {
    const query = ledger.query({ db, asOf })
    for (const lookup of ledger.lookups ?? []) {
      if (lookups !== 'all' && !lookups.has(lookup.alias)) continue
      const on = asOf && lookup.asOfOn ? lookup.asOfOn : lookup.on
      query.leftJoin(`${lookup.table} as ${lookup.alias}`, `${lookup.alias}.id`, on)
    }
    applyDataScope(query, access, scopeOf(ledger, asOf))
    for (const filter of ledger.filters ?? []) applyFilter(query, filter, input, asOf, paths)
    return query
  }
  return { build, asOf }
}

/** SELECT list of the given columns; money as exact text (SQLite gives numbers, MySQL strings). */
export function selectColumns(
  query: DatabaseQueryBuilderContract,
  columns: LedgerColumn[],
  asOf: string | null
) {
  for (const column of columns) {
    const expr = columnSql(column, asOf)
    query.select(
      column.type === 'money'
        ? db.raw(`CAST(${expr} AS CHAR) as ??`, [column.key])
        : db.raw(`${expr} as ??`, [column.key])
    )
    if (column.link) query.select(db.raw(`${column.link.sql} as ??`, [linkKey(column)]))
  }
  return query
}

/** The column the rows are sorted by: the user's (whitelisted) choice or the default. */
export function sortColumn(ledger: RegisteredLedger, input: LedgerInput) {
  const key = input.sort ?? ledger.defaultSort?.key
  return ledger.columns.find(
    (c) => c.key === key && (c.sortable || key === ledger.defaultSort?.key)
  )
}

/** The order of the rows: the user's, or the default sort's (descending when it names none). */
export const sortOrder = (ledger: RegisteredLedger, input: LedgerInput): 'asc' | 'desc' =>
  input.order ?? (input.sort ? 'asc' : (ledger.defaultSort?.order ?? 'desc'))

/** The sort as keyset paging needs it: the column, then the row key, in one direction. */
export function keysetOrder(
  ledger: RegisteredLedger,
  input: LedgerInput,
  asOf: string | null
): KeysetOrder {
  const column = sortColumn(ledger, input)
  const order = sortOrder(ledger, input)
  return {
    sortSql: column ? columnSql(column, asOf) : null,
    sortOrder: order,
    keySql: ledger.rowKey,
    keyOrder: order,
  }
}

export function applySort(
  query: DatabaseQueryBuilderContract,
  ledger: RegisteredLedger,
  input: LedgerInput,
  asOf: string | null,
  // Reversed when reading the rows before a cursor (keyset paging backwards).
  order: KeysetOrder = keysetOrder(ledger, input, asOf)
) {
  const dir = (o: 'asc' | 'desc') => (o === 'asc' ? 'ASC' : 'DESC')
  if (order.sortSql) query.orderByRaw(`${order.sortSql} ${dir(order.sortOrder)}`)
  // Rows with equal sort values keep one order from page to page.
  query.orderByRaw(`${order.keySql} ${dir(order.keyOrder)}`)
  return query
}

/** A database value as the API shows it: money in yuan, dates as 'YYYY-MM-DD'. */
export function formatCell(column: LedgerColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (column.type) {
    case 'money':
      return fenToYuan(String(value))
    case 'number':
      return Number(value)
    case 'date':
      return value instanceof Date ? isoDate(value) : String(value).slice(0, 10)
    case 'datetime':
      return value instanceof Date ? value.toISOString() : String(value)
    default:
      return String(value)
  }
}

/**
 * Fen digits → yuan with two decimals by moving the decimal point: exact, the
 * same text as Money.fromFen(fen).toYuan(), and an order of magnitude cheaper
 * on an export's million cells. Anything but an integer goes through Money.
 */
export function fenToYuan(fen: string): string {
  if (!/^-?\d+$/.test(fen)) return Money.fromFen(fen).toYuan()
  const negative = fen.startsWith('-')
  const digits = (negative ? fen.slice(1) : fen).padStart(3, '0')
  const yuan = `${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`
  return negative && yuan !== '0.00' ? `-${yuan}` : yuan
}

const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** Row field holding a linked column's target (id or console path). */
export const linkKey = (column: LedgerColumn) => `${column.key}__link`

export function formatRow(columns: LedgerColumn[], row: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const column of columns) {
    out[column.key] = formatCell(column, row[column.key])
    const target = column.link ? row[linkKey(column)] : undefined
    if (target !== undefined && target !== null) out[linkKey(column)] = String(target)
  }
  return out
}
