/*
| 风险资产总额: the principal balance of the loans under risk-asset management
| (ca_risk_assets.status = managed) in the user's scope, with a 12-month trend.
|
| Trend source, best first:
| 1. ca_loan_snapshots (the daily snapshot, when the plugin's end of day has
|    written it): per month, the latest snapshot date in that month, summing
|    balance_fen of rows whose risk_status is 'managed' — from that date's
|    groups (ca_book_totals) when the snapshot step wrote them. Exact history.
| 2. Otherwise it is rebuilt from the current state: a loan counts at month end
|    M when its 风险起始日 (services/risk_since.ts: the earlier of handover and
|    first 不良 classification) is on or before M and it had not exited by M,
|    with balance(M) = today's balance + principal repaid after M. Exact for
|    balances that only move by repayments (the common case); a write-off or a
|    data correction after M is not seen, hence `source: 'rebuilt'`.
*/
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import type { WidgetDataHandler } from '#core/plugins/types'
import { Money } from '#core/money/money'
import { fenSum, yuanOf } from './fen_sum.js'
import { monthEnds } from './months.js'
import { joinRiskSince, riskSinceSql } from '../services/risk_since.js'
import { bookTotalsSource } from '../snapshots/book_totals.js'

const SCOPE = { orgColumn: 'l.org_id', ownerColumn: 'l.manager_id' }

const handler: WidgetDataHandler = async ({ scope }) => {
  const asOf = await businessDate.current()
  const points = monthEnds(asOf)

  const current = await currentFigures(scope)
  const fromSnapshots = await snapshotTrend(scope, points)
  const trend = fromSnapshots ?? (await rebuiltTrend(scope, points))
  return {
    asOf,
    total: yuanOf(current?.balance_fen),
    loans: Number(current?.loans ?? 0),
    customers: Number(current?.customers ?? 0),
    source: fromSnapshots ? 'snapshots' : 'rebuilt',
    trend,
  }
}

type Scope = Parameters<WidgetDataHandler>[0]['scope']

/**
 * Loans, customers and balance under management now. After the first snapshot
 * with groups, the loans and the balance come from the live groups (book_totals.ts:
 * the newest snapshot's sums corrected by the loans changed since — exact), and
 * the customers from the risk assets alone; before, from every managed risk
 * asset's loan row (200 000 random row reads on the 1 M book).
 */
async function currentFigures(scope: Scope) {
  const source = await bookTotalsSource(db, null)
  if (!source) {
    const row = await scope(
      db
        .from('ca_risk_assets as r')
        .join('ca_loans as l', 'l.id', 'r.loan_id')
        .where('r.status', 'managed'),
      SCOPE
    )
      .select(db.raw('COUNT(*) as loans'), db.raw('COUNT(DISTINCT r.customer_id) as customers'))
      .select(fenSum('l.balance_fen', 'balance_fen'))
      .first()
    return { loans: row?.loans, customers: row?.customers, balance_fen: row?.balance_fen }
  }
  const [sums, people] = await Promise.all([
    scope(
      db
        .from(db.raw(`(${source.sql}) as g`, source.bindings as any[]) as any)
        .where('g.risk_status', 'managed'),
      { orgColumn: 'g.org_id', ownerColumn: 'g.manager_id' }
    )
      .select(fenSum('g.loans', 'loans'))
      .select(fenSum('g.balance_fen', 'balance_fen'))
      .first(),
    // The risk asset's org / manager are kept equal to the loan's (handover, daily sync).
    scope(db.from('ca_risk_assets as r').where('r.status', 'managed'), {
      orgColumn: 'r.org_id',
      ownerColumn: 'r.manager_id',
    })
      .select(db.raw('COUNT(DISTINCT r.customer_id) as customers'))
      .first(),
  ])
  return { loans: sums?.loans, customers: people?.customers, balance_fen: sums?.balance_fen }
}

async function snapshotTrend(scope: Scope, points: string[]) {
  if (!(await db.connection().schema.hasTable('ca_loan_snapshots'))) return null
  const dates = await db
    .from('ca_loan_snapshots')
    .where('snapshot_date', '>', points[0].slice(0, 8) + '01')
    .where('snapshot_date', '<=', points[points.length - 1])
    .distinct('snapshot_date')
  if (!dates.length) return null
  const asText = (d: unknown) =>
    d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10)
  // The latest snapshot in each month stands for that month.
  const latestInMonth = new Map<string, string>()
  for (const row of dates) {
    const date = asText(row.snapshot_date)
    const month = date.slice(0, 7)
    if (!latestInMonth.has(month) || latestInMonth.get(month)! < date)
      latestInMonth.set(month, date)
  }
  const chosen = [...latestInMonth.values()]
  // A date the snapshot step also summed into groups (ca_book_totals, same
  // sums of the same rows) reads a few hundred groups instead of every risk
  // asset's snapshot row; older dates read the rows.
  const grouped = new Set(
    (
      await db.from('ca_book_total_runs').whereIn('snapshot_date', chosen).select('snapshot_date')
    ).map((r) => asText(r.snapshot_date))
  )
  const ungrouped = chosen.filter((d) => !grouped.has(d))
  const [fromGroups, fromRows] = await Promise.all([
    grouped.size
      ? scope(
          db
            .from('ca_book_totals as g')
            .whereIn('g.snapshot_date', [...grouped])
            .where('g.risk_status', 'managed'),
          { orgColumn: 'g.org_id', ownerColumn: 'g.manager_id' }
        )
          .groupBy('g.snapshot_date')
          .select('g.snapshot_date')
          .select(fenSum('g.balance_fen', 'balance_fen'))
      : [],
    ungrouped.length
      ? scope(
          db
            .from('ca_loan_snapshots as l')
            .whereIn('l.snapshot_date', ungrouped)
            .where('l.risk_status', 'managed'),
          SCOPE
        )
          .groupBy('l.snapshot_date')
          .select('l.snapshot_date')
          .select(fenSum('l.balance_fen', 'balance_fen'))
      : [],
  ])
  const rows = [...fromGroups, ...fromRows]
  const byMonth = new Map(rows.map((r) => [asText(r.snapshot_date).slice(0, 7), r.balance_fen]))
  return points.map((point) => ({
    date: latestInMonth.get(point.slice(0, 7)) ?? point,
    balance: byMonth.has(point.slice(0, 7)) ? yuanOf(byMonth.get(point.slice(0, 7))) : null,
  }))
}

async function rebuiltTrend(scope: Scope, points: string[]) {
  const inManagement = `${riskSinceSql()} <= ? AND (r.exited_on IS NULL OR r.exited_on > ?)`
  const balances = scope(
    joinRiskSince(db.from('ca_risk_assets as r').join('ca_loans as l', 'l.id', 'r.loan_id')),
    SCOPE
  )
  const repaid = scope(
    joinRiskSince(
      db
        .from('ca_repayments as p')
        .join('ca_risk_assets as r', 'r.loan_id', 'p.loan_id')
        .join('ca_loans as l', 'l.id', 'p.loan_id')
        .where('p.paid_on', '>', points[0])
    ),
    SCOPE
  )
  points.forEach((point, index) => {
    balances.select(
      fenSum(`CASE WHEN ${inManagement} THEN l.balance_fen ELSE 0 END`, `b${index}`, [point, point])
    )
    repaid.select(
      fenSum(
        `CASE WHEN ${inManagement} AND p.paid_on > ? THEN p.principal_fen ELSE 0 END`,
        `p${index}`,
        [point, point, point]
      )
    )
  })
  const [b, p] = await Promise.all([balances.first(), repaid.first()])
  return points.map((point, index) => ({
    date: point,
    balance: Money.fromFen(String(b?.[`b${index}`] ?? '0'))
      .plus(Money.fromFen(String(p?.[`p${index}`] ?? '0')))
      .toYuan(),
  }))
}

export default handler
