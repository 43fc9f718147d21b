/*
| Dashboard groups written by the snapshot step (same transaction, same
| taken_at as ca_book_totals), so 五级分类分布 and 风险客户排名 read a few
| thousand groups instead of the whole book:
| - ca_class_totals: the ACTIVE loan book (not only risk assets) per (org,
|   manager, 五级分类): loans and principal balance.
| - ca_customer_risk_totals: the loans under management (risk status
|   'managed') per (customer, org, manager): loans and balance.
| Live like the 台账's 合计 (book_totals.ts): the newest snapshot's groups,
| minus the snapshot rows of every loan changed since (updated_at >=
| taken_at on ca_loans, and on ca_risk_assets for the ranking), plus those
| loans' current rows. A dashboard is read as "now", and a bank expects it to
| agree with the lists a click away, so live-corrected rather than 截至 the
| snapshot date. Exact: BIGINT fen summed by the database.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { newestRun } from './book_totals.js'

type Source = { sql: string; bindings: unknown[] }

/**
 * The newest run, when its date has rows in `table`: a snapshot taken before
 * these tables existed (or a date with no such loans) is read from the rows.
 */
async function runWith(client: Pick<QueryClientContract, 'from'>, table: string) {
  const run = await newestRun(client)
  if (!run) return null
  const any = await client.from(table).where('snapshot_date', run.date).select('id').first()
  return any ? run : null
}

/** (Re)writes one snapshot date's dashboard groups from its ca_loan_snapshots rows. */
export async function writeDashboardTotals(client: QueryClientContract, snapshotDate: string) {
  await purgeDashboardTotals(client, [snapshotDate])
  await client.rawQuery(
    `INSERT INTO ca_class_totals (snapshot_date, org_id, manager_id, five_class, loans, balance_fen)
     SELECT ?, s.org_id, s.manager_id, s.five_class, COUNT(*), SUM(s.balance_fen)
     FROM ca_loan_snapshots s
     WHERE s.snapshot_date = ? AND s.status = 'active'
     GROUP BY s.org_id, s.manager_id, s.five_class`,
    [snapshotDate, snapshotDate]
  )
  await client.rawQuery(
    `INSERT INTO ca_customer_risk_totals (snapshot_date, customer_id, org_id, manager_id, loans, balance_fen)
     SELECT ?, s.customer_id, s.org_id, s.manager_id, COUNT(*), SUM(s.balance_fen)
     FROM ca_loan_snapshots s
     WHERE s.snapshot_date = ? AND s.risk_status = 'managed'
     GROUP BY s.customer_id, s.org_id, s.manager_id`,
    [snapshotDate, snapshotDate]
  )
}

/** Removes the dashboard groups of purged snapshot dates. */
export async function purgeDashboardTotals(client: QueryClientContract, dates: string[]) {
  if (!dates.length) return
  await client.from('ca_class_totals').whereIn('snapshot_date', dates).delete()
  await client.from('ca_customer_risk_totals').whereIn('snapshot_date', dates).delete()
}

/** Active loans per (org_id, manager_id, five_class) now: loans, balance_fen; null without groups. */
export async function classTotalsSource(
  client: Pick<QueryClientContract, 'from'>
): Promise<Source | null> {
  const run = await runWith(client, 'ca_class_totals')
  if (!run) return null
  const changed = `(SELECT id AS loan_id FROM ca_loans WHERE updated_at >= ?) ch`
  const sql = `SELECT org_id, manager_id, five_class, loans, balance_fen
    FROM ca_class_totals WHERE snapshot_date = ?
    UNION ALL
    SELECT s.org_id, s.manager_id, s.five_class, -1, -s.balance_fen
    FROM ${changed}
    JOIN ca_loan_snapshots s ON s.snapshot_date = ? AND s.loan_id = ch.loan_id
    WHERE s.status = 'active'
    UNION ALL
    SELECT l.org_id, l.manager_id, l.five_class, 1, l.balance_fen
    FROM ${changed}
    JOIN ca_loans l ON l.id = ch.loan_id
    WHERE l.status = 'active'`
  return { sql, bindings: [run.date, run.takenAt, run.date, run.takenAt] }
}

/** Managed risk assets per (customer_id, org_id, manager_id) now: loans, balance_fen; null without groups. */
export async function customerRiskTotalsSource(
  client: Pick<QueryClientContract, 'from'>
): Promise<Source | null> {
  const run = await runWith(client, 'ca_customer_risk_totals')
  if (!run) return null
  const changed = `(SELECT id AS loan_id FROM ca_loans WHERE updated_at >= ?
     UNION SELECT loan_id FROM ca_risk_assets WHERE updated_at >= ?) ch`
  const sql = `SELECT customer_id, org_id, manager_id, loans, balance_fen
    FROM ca_customer_risk_totals WHERE snapshot_date = ?
    UNION ALL
    SELECT s.customer_id, s.org_id, s.manager_id, -1, -s.balance_fen
    FROM ${changed}
    JOIN ca_loan_snapshots s ON s.snapshot_date = ? AND s.loan_id = ch.loan_id
    WHERE s.risk_status = 'managed'
    UNION ALL
    SELECT r.customer_id, l.org_id, l.manager_id, 1, l.balance_fen
    FROM ${changed}
    JOIN ca_risk_assets r ON r.loan_id = ch.loan_id
    JOIN ca_loans l ON l.id = r.loan_id
    WHERE r.status = 'managed'`
  const t = run.takenAt
  return { sql, bindings: [run.date, t, t, run.date, t, t] }
}
