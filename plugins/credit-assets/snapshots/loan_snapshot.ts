/*
| Writes every loan's state for a business date into ca_loan_snapshots with
| INSERT … SELECT, one statement per id range (chunks keep each statement's
| undo log and lock time small on MariaDB; on SQLite they are just statements
| inside the caller's transaction). Re-runnable: the date's rows are deleted
| first, so a second run gives the same rows, never duplicates.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { purgeBookTotals, snapshotTakenAt, writeBookTotals } from './book_totals.js'
import { purgeDashboardTotals, writeDashboardTotals } from './dashboard_totals.js'

/** The state columns, named as in ca_loans (the contract the as-of queries rely on). */
export const SNAPSHOT_STATE_COLUMNS = [
  'customer_id',
  'org_id',
  'manager_id',
  'product',
  'five_class',
  'status',
  'balance_fen',
  'overdue_days',
  'overdue_principal_fen',
  'overdue_interest_fen',
  'penalty_interest_fen',
  'compound_interest_fen',
  'on_balance_interest_fen',
  'off_balance_interest_fen',
] as const

export const SNAPSHOT_CHUNK = 50_000

export interface SnapshotReport {
  snapshotDate: string
  rows: number
  chunks: number
  ms: number
}

export async function snapshotLoans(
  client: QueryClientContract,
  snapshotDate: string,
  options: { chunk?: number; onChunk?: (done: number, total: number) => Promise<void> } = {}
): Promise<SnapshotReport> {
  const started = Date.now()
  const chunk = options.chunk ?? SNAPSHOT_CHUNK
  // Before the first read: loans changed from here on are corrected live (book_totals.ts).
  const takenAt = snapshotTakenAt()
  await client.from('ca_loan_snapshots').where('snapshot_date', snapshotDate).delete()
  const range = await client.from('ca_loans').min('id as low').max('id as high').first()
  const low = Number(range?.low ?? 0)
  const high = Number(range?.high ?? 0)
  const columns = SNAPSHOT_STATE_COLUMNS.join(', ')
  const selected = SNAPSHOT_STATE_COLUMNS.map((c) => `l.${c}`).join(', ')
  let rows = 0
  let chunks = 0
  for (let from = low; range?.low !== null && from <= high; from += chunk) {
    const result = await client.rawQuery(
      `INSERT INTO ca_loan_snapshots (snapshot_date, loan_id, ${columns}, risk_status)
       SELECT ?, l.id, ${selected}, r.status
       FROM ca_loans l LEFT JOIN ca_risk_assets r ON r.loan_id = l.id
       WHERE l.id >= ? AND l.id < ?`,
      [snapshotDate, from, from + chunk]
    )
    rows += affectedRows(result)
    chunks++
    await options.onChunk?.(Math.min(from + chunk - low, high - low + 1), high - low + 1)
  }
  // The day's 合计 groups, in the same transaction as the rows they sum.
  await writeBookTotals(client, snapshotDate, takenAt)
  // 五级分类分布 and 风险客户排名's groups, same transaction and same taken_at.
  await writeDashboardTotals(client, snapshotDate)
  return { snapshotDate, rows, chunks, ms: Date.now() - started }
}

/** Rows an INSERT wrote: mysql2 gives [ResultSetHeader], better-sqlite3 { changes }. */
function affectedRows(result: any): number {
  if (Array.isArray(result)) return Number(result[0]?.affectedRows ?? 0)
  return Number(result?.changes ?? result?.affectedRows ?? 0)
}

/**
 * Retention (credit-assets.snapshot.retentionDays): daily rows older than that
 * many days are deleted, except month-end dates, which regulatory and board
 * reports ask for as of 月末 for years. 0 keeps everything.
 */
export async function purgeOldSnapshots(
  client: QueryClientContract,
  snapshotDate: string,
  retentionDays: number
): Promise<number> {
  if (retentionDays <= 0) return 0
  const cutoff = new Date(`${snapshotDate}T00:00:00Z`)
  cutoff.setUTCDate(cutoff.getUTCDate() - retentionDays)
  const before = cutoff.toISOString().slice(0, 10)
  const dates = await client
    .from('ca_loan_snapshots')
    .where('snapshot_date', '<', before)
    .distinct('snapshot_date')
  const doomed = dates
    .map((r) => String(r.snapshot_date).slice(0, 10))
    .filter((d) => !isMonthEnd(d))
  if (!doomed.length) return 0
  await client.from('ca_loan_snapshots').whereIn('snapshot_date', doomed).delete()
  await purgeBookTotals(client, doomed)
  await purgeDashboardTotals(client, doomed)
  return doomed.length
}

export function isMonthEnd(date: string) {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.getUTCDate() === 1
}

/** Dates that have a snapshot, newest first (for the as-of date picker). */
export async function snapshotDates(
  client: Pick<QueryClientContract, 'from'>,
  limit = 400
): Promise<string[]> {
  const rows = await client
    .from('ca_loan_snapshots')
    .distinct('snapshot_date')
    .orderBy('snapshot_date', 'desc')
    .limit(limit)
  return rows.map((r) => String(r.snapshot_date).slice(0, 10))
}
