/*
| 综合查询's count and 合计 from a dataset's pre-summed groups (its declaration's
| `aggregate`, e.g. credit-assets' per-day ca_book_totals, live-corrected): a
| few hundred group rows instead of every matching row, which on a book larger
| than the buffer pool means random reads of every loan row (seconds). The
| compiler decides when the groups carry every field the query uses; the
| conditions are the same compiled clauses, over the groups' expressions.
*/
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import type { QueryDatasetAggregate } from './dataset_types.js'

export interface AggregatePlan {
  aggregate: QueryDatasetAggregate
  asOf: string | null
  /** The access whose active permission is the dataset's (its scope applies). */
  access: UserAccess
  where: (query: DatabaseQueryBuilderContract) => void
  /** Grouping expressions over the groups (empty for a detail query). */
  groups: string[]
  sums: { alias: string; expr: string }[]
}

/**
 * `{ count, groups?, <alias>: sum text }` like the rows' totals row, or null
 * when the dataset has no groups for this date (no snapshot yet).
 */
export async function aggregateTotals(
  plan: AggregatePlan
): Promise<Record<string, unknown> | null> {
  const { aggregate } = plan
  const source = await aggregate.source({ db, asOf: plan.asOf })
  if (!source) return null
  const inner = db.from(db.raw(`(${source.sql}) as a`, source.bindings as any[]) as any)
  aggregate.join?.(inner)
  applyDataScope(inner, plan.access, aggregate.scope)
  plan.where(inner)
  inner.select(db.raw(`SUM(${aggregate.count}) as ??`, ['n']))
  plan.sums.forEach((s, i) => inner.select(db.raw(`SUM(${s.expr}) as ??`, [`s${i}`])))
  const sums = (alias: string) =>
    plan.sums.map((s, i) => db.raw(`CAST(SUM(${alias}.??) AS CHAR) as ??`, [`s${i}`, s.alias]))
  if (!plan.groups.length) {
    const row = await db
      .from(inner.as('t'))
      .select(db.raw('CAST(COALESCE(SUM(t.n), 0) AS CHAR) as ??', ['count']))
      .select(...sums('t'))
      .first()
    return { ...row, count: integerText(row?.count) }
  }
  // A group whose rows all moved away since the snapshot nets to 0 rows: not a result group.
  inner.groupByRaw(plan.groups.join(', ')).havingRaw(`SUM(${aggregate.count}) <> 0`)
  const row = await db
    .from(inner.as('g'))
    .select(db.raw('COUNT(*) as ??', ['groups']))
    .select(db.raw('CAST(COALESCE(SUM(g.n), 0) AS CHAR) as ??', ['count']))
    .select(...sums('g'))
    .first()
  return { ...row, count: integerText(row?.count), groups: Number(row?.groups ?? 0) }
}

/** SUM of integers as text (MariaDB's DECIMAL text carries no fraction here; guard anyway). */
function integerText(value: unknown): string {
  const text = String(value ?? '0')
  return /^-?\d+$/.test(text) ? text : text.replace(/\.0*$/, '')
}
