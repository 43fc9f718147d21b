/*
| Count and 合计 from a ledger's maintained group sums (LedgerAggregate): the
| same integers a SUM over every filtered row gives, read from a few thousand
| pre-summed groups instead of every matching row (which, on a book larger
| than the buffer pool, means random reads of every loan row: seconds).
| Used only when every active filter is one the groups carry; otherwise the
| caller sums the rows as before.
*/
import db from '@adonisjs/lucid/services/db'
import { applyDataScope, resolveSubtreeOrgIds } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import type { RegisteredLedger } from './registry.js'
import type { LedgerInput } from './ledger_input.js'
import { applyFilter, orgPaths } from './ledger_query.js'

export interface AggregateResult {
  count: number
  /** Column key → sum as integer text (fen for money). */
  sums: Record<string, string>
}

/** Filters the input sets (by filter key). */
function usedFilters(ledger: RegisteredLedger, input: LedgerInput) {
  return (ledger.filters ?? []).filter((f) =>
    [f.key, `${f.key}From`, `${f.key}To`].some((name) => input.filters[name] !== undefined)
  )
}

/** Can the groups answer this input? (every used filter mapped; every total column summed) */
export function aggregateCovers(ledger: RegisteredLedger, input: LedgerInput): boolean {
  const aggregate = ledger.aggregate
  if (!aggregate) return false
  const totals = ledger.columns.filter((c) => c.total)
  if (totals.some((c) => !aggregate.sums[c.key])) return false
  return usedFilters(ledger, input).every(
    (f) => (f.type === 'eq' || f.type === 'org') && aggregate.filters[f.key]
  )
}

/** The count and the sums from the groups, or null when they cannot answer this input. */
export async function aggregateTotals(
  ledger: RegisteredLedger,
  input: LedgerInput,
  access: UserAccess
): Promise<AggregateResult | null> {
  const aggregate = ledger.aggregate
  if (!aggregate || !aggregateCovers(ledger, input)) return null
  const asOf = ledger.asOf ? (input.asOf ?? null) : null
  const source = await aggregate.source({ db, asOf })
  if (!source) return null
  const paths = await orgPaths(ledger, input)
  await resolveSubtreeOrgIds(access)
  const query = db.from(db.raw(`(${source.sql}) as a`, source.bindings as any[]) as any)
  const col = (name: string) => `a.${name}`
  applyDataScope(query, access, {
    orgColumn: col(aggregate.scope.orgColumn),
    ownerColumn: aggregate.scope.ownerColumn ? col(aggregate.scope.ownerColumn) : undefined,
  })
  for (const filter of usedFilters(ledger, input)) {
    // The same filter code as the rows', over the group's column.
    const mapped = { ...filter, sql: col(aggregate.filters[filter.key]), asOfSql: undefined }
    applyFilter(query, mapped, input, asOf, paths)
  }
  query.select(db.raw(`CAST(COALESCE(SUM(${col(aggregate.count)}), 0) AS CHAR) as ??`, ['n']))
  const keys = Object.keys(aggregate.sums)
  keys.forEach((key, i) =>
    query.select(
      db.raw(`CAST(COALESCE(SUM(${col(aggregate.sums[key])}), 0) AS CHAR) as ??`, [`s${i}`])
    )
  )
  const row = await query.first()
  const sums: Record<string, string> = {}
  keys.forEach((key, i) => (sums[key] = integerText(row?.[`s${i}`])))
  return { count: Number(integerText(row?.n)), sums }
}

/** SUM of integers as text: MariaDB gives DECIMAL text ('12' or '12.0000' never; guard anyway). */
function integerText(value: unknown): string {
  const text = String(value ?? '0')
  return /^-?\d+$/.test(text) ? text : text.replace(/\.0*$/, '')
}
