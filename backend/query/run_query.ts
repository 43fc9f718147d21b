/*
| Runs a compiled 综合查询 for one page: the rows, the total count and (for a
| detail query) the totals of its amount/number columns over the whole result.
| Values leave in the API's shapes: amounts as yuan text, dates 'YYYY-MM-DD'.
*/
import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'
import type { CompiledQuery, ResultColumn } from './compile_query.js'

const yuan = (fen: unknown) =>
  fen === null || fen === undefined ? null : Money.fromFen(String(fen)).toYuan()

/** One cell in the API's shape. */
export function cellValue(column: ResultColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (column.type) {
    case 'amount':
      return yuan(value)
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
    case 'count':
      return Number(value)
    case 'number':
      // Integers as numbers; decimals and sums as exact text.
      return typeof value === 'number' || /^-?\d{1,15}$/.test(String(value))
        ? Number(value)
        : String(value)
    default:
      return String(value)
  }
}

export const rowValues = (columns: ResultColumn[], row: Record<string, unknown>) =>
  Object.fromEntries(columns.map((c) => [c.key, cellValue(c, row[c.key])]))

export interface QueryPage {
  columns: { key: string; label: ResultColumn['label']; type: string; dictionary: string | null }[]
  data: Record<string, unknown>[]
  /** null when the caller asked for rows only (`count: false`). */
  totals: Record<string, unknown> | null
  meta: { total: number | null; page: number; perPage: number; grouped: boolean }
}

export async function runQueryPage(
  compiled: CompiledQuery,
  page: number,
  perPage: number,
  withCount = true
): Promise<QueryPage> {
  const rows = await compiled
    .rows()
    .limit(perPage)
    .offset((page - 1) * perPage)
  let total: number | null = null
  let totals: Record<string, unknown> | null = null
  if (withCount) {
    // The dataset's groups when they can answer (milliseconds), else a SUM over every row.
    const fromGroups = await compiled.aggregateTotals()
    const row = fromGroups ?? ((await compiled.totals().first()) as Record<string, unknown> | null)
    if (fromGroups && compiled.grouped) total = Number(fromGroups.groups ?? 0)
    else if (compiled.grouped) {
      const counted = await db
        .from(compiled.rows().clearOrder().as('groups'))
        .count('* as total')
        .first()
      total = Number(counted?.total ?? 0)
    } else total = Number(row?.count ?? 0)
    totals = {}
    for (const c of compiled.columns) {
      if (c.type === 'amount') totals[c.key] = yuan(row?.[c.key] ?? '0')
      else if (c.type === 'number') totals[c.key] = row?.[c.key] == null ? null : String(row[c.key])
      // A grouped result's 合计 counts rows, not groups.
      else if (c.type === 'count') totals[c.key] = Number(row?.count ?? 0)
    }
  }
  return {
    columns: compiled.columns.map((c) => ({
      key: c.key,
      label: c.label,
      type: c.type,
      dictionary: c.dictionary,
    })),
    data: rows.map((r: Record<string, unknown>) => rowValues(compiled.columns, r)),
    totals,
    meta: { total, page, perPage, grouped: compiled.grouped },
  }
}
