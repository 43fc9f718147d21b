/*
| Outcome totals per method for an org subtree and a completion period: what
| 目标管理 counts as done (清收 = cash recovered, 压降 = balance reduced) and
| what dashboards chart. Reversals are rows with negated amounts, so they net
| out in the sums. One grouped query.
*/
import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'
import { AMOUNTS } from './outcome_read.js'

export interface OutcomeTotalsFilter {
  /** orgs.path of the subtree's root (the loans' booking org); omitted = every org. */
  orgPath?: string
  /** Completion dates, inclusive, 'YYYY-MM-DD'. */
  completedFrom?: string
  completedTo?: string
  /** Only outcomes recorded on or before this business date (what was known then). */
  recordedBy?: string
  /** Only these customers' outcomes (e.g. 目标管理's 重点系列项目); [] = none. */
  customerIds?: number[]
}

export interface OutcomeFigures {
  /** Outcomes recorded, reversals not counted. */
  outcomes: number
  cashRecovered: string
  nonCashRecovered: string
  writtenOff: string
  relieved: string
  loss: string
  fees: string
  balanceReduced: string
}

export interface OutcomeTotals {
  byMethod: Array<OutcomeFigures & { method: string }>
  total: OutcomeFigures
}

const COLUMNS = [...AMOUNTS, { key: 'balanceReduced', column: 'balance_reduced_fen' }] as const

export async function outcomeTotals(filter: OutcomeTotalsFilter = {}): Promise<OutcomeTotals> {
  const query = db.from('disposal_outcomes as o')
  if (filter.orgPath) {
    query.whereIn(
      'o.org_id',
      db
        .from('orgs')
        .where('path', 'like', `${filter.orgPath}%`) // '/1/4/': never a LIKE wildcard
        .select('id')
    )
  }
  if (filter.completedFrom) query.where('o.completed_on', '>=', filter.completedFrom)
  if (filter.completedTo) query.where('o.completed_on', '<=', filter.completedTo)
  if (filter.recordedBy) query.where('o.recorded_on', '<=', filter.recordedBy)
  if (filter.customerIds) query.whereIn('o.customer_id', filter.customerIds)
  const rows = await query
    .groupBy('o.method')
    .orderBy('o.method')
    .select(
      'o.method',
      db.raw('SUM(CASE WHEN o.reverses_id IS NULL THEN 1 ELSE -1 END) as outcomes'),
      ...COLUMNS.map((c) => db.raw(`CAST(COALESCE(SUM(o.${c.column}), 0) AS CHAR) as ${c.column}`))
    )
  const figures = (row: any): OutcomeFigures =>
    ({
      outcomes: Number(row.outcomes ?? 0),
      ...Object.fromEntries(
        COLUMNS.map((c) => [c.key, Money.fromFen(String(row[c.column] ?? '0')).toYuan()])
      ),
    }) as OutcomeFigures
  const byMethod = rows.map((r) => ({ method: r.method as string, ...figures(r) }))
  const total = figures(
    Object.fromEntries([
      ['outcomes', byMethod.reduce((n, m) => n + m.outcomes, 0)],
      ...COLUMNS.map((c) => [
        c.column,
        Money.sum(byMethod.map((m) => Money.fromYuan((m as any)[c.key]))).toFen(),
      ]),
    ])
  )
  return { byMethod, total }
}
