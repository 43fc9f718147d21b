/*
| 台账合计的日汇总: the snapshot step sums the day's risk assets per (org,
| manager, product, class, risk status) into ca_book_totals, so the
| 风险资产台账's count and 合计 read a few thousand groups instead of every
| loan row (seconds on a book larger than the buffer pool).
| - As of a snapshot date: that date's groups, exactly the snapshot's sums.
| - Live: the newest snapshot's groups, minus the snapshot rows of every loan
|   changed since it was taken, plus those loans' current rows. "Changed" is
|   `updated_at >= taken_at` on ca_loans or ca_risk_assets: every writer of
|   those tables sets updated_at (book_writer, classification, handover,
|   platform import; a rule in docs/performance.md), and taking in a loan that
|   did not change costs a little work but never a wrong fen.
| Money is BIGINT fen: SUM is exact integer arithmetic in the database.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'

export const TOTAL_MONEY_COLUMNS = [
  'amount_fen',
  'balance_fen',
  'overdue_principal_fen',
  'overdue_interest_fen',
  'penalty_interest_fen',
  'compound_interest_fen',
  'on_balance_interest_fen',
  'off_balance_interest_fen',
] as const

const DIMENSIONS = ['org_id', 'manager_id', 'product', 'five_class', 'risk_status'] as const

/**
 * Writes without their transactions committing in these seconds before the
 * snapshot's first read could be missed by both the snapshot and the
 * correction; a margin of a few seconds covers a writer's own transaction.
 */
const MARGIN_SECONDS = 5

/** The moment to record before a snapshot starts reading (same clock and format as updated_at). */
export const snapshotTakenAt = () =>
  DateTime.now().minus({ seconds: MARGIN_SECONDS }).toFormat('yyyy-MM-dd HH:mm:ss')

/** (Re)writes the groups of one snapshot date from its ca_loan_snapshots rows. */
export async function writeBookTotals(
  client: QueryClientContract,
  snapshotDate: string,
  takenAt: string
): Promise<number> {
  await client.from('ca_book_totals').where('snapshot_date', snapshotDate).delete()
  await client.from('ca_book_total_runs').where('snapshot_date', snapshotDate).delete()
  const dims = DIMENSIONS.map((d) => `s.${d}`).join(', ')
  // amount_fen is a static fact of the loan (ca_loans), as in the as-of ledger.
  const sums = TOTAL_MONEY_COLUMNS.map((c) => `SUM(${c === 'amount_fen' ? 'ln' : 's'}.${c})`)
  await client.rawQuery(
    `INSERT INTO ca_book_totals (snapshot_date, ${DIMENSIONS.join(', ')}, loans, ${TOTAL_MONEY_COLUMNS.join(', ')})
     SELECT ?, ${dims}, COUNT(*), ${sums.join(', ')}
     FROM ca_loan_snapshots s JOIN ca_loans ln ON ln.id = s.loan_id
     WHERE s.snapshot_date = ? AND s.risk_status IS NOT NULL
     GROUP BY ${dims}`,
    [snapshotDate, snapshotDate]
  )
  const counted = await client
    .from('ca_book_totals')
    .where('snapshot_date', snapshotDate)
    .count('* as n')
    .first()
  const groups = Number(counted?.n ?? 0)
  await client
    .table('ca_book_total_runs')
    .insert({ snapshot_date: snapshotDate, taken_at: takenAt, groups })
  return groups
}

/** Removes the groups of purged snapshot dates. */
export async function purgeBookTotals(client: QueryClientContract, dates: string[]) {
  if (!dates.length) return
  await client.from('ca_book_totals').whereIn('snapshot_date', dates).delete()
  await client.from('ca_book_total_runs').whereIn('snapshot_date', dates).delete()
}

type Source = { sql: string; bindings: unknown[] }
const columns = `${DIMENSIONS.join(', ')}, loans, ${TOTAL_MONEY_COLUMNS.join(', ')}`
const stored = (date: string): Source => ({
  sql: `SELECT ${columns} FROM ca_book_totals WHERE snapshot_date = ?`,
  bindings: [date],
})

/**
 * The groups summing to the 风险资产台账's rows: as of `asOf` (null when that
 * date has no groups), or live (null before the first snapshot).
 */
export async function bookTotalsSource(
  client: Pick<QueryClientContract, 'from'>,
  asOf: string | null
): Promise<Source | null> {
  if (asOf) {
    const run = await client.from('ca_book_total_runs').where('snapshot_date', asOf).first()
    return run ? stored(asOf) : null
  }
  const run = await newestRun(client)
  if (!run) return null
  const { date, takenAt } = run
  // The changed loans as a derived table that drives primary-key lookups.
  const changed = `(SELECT id AS loan_id FROM ca_loans WHERE updated_at >= ?
     UNION SELECT loan_id FROM ca_risk_assets WHERE updated_at >= ?) ch`
  const negative = TOTAL_MONEY_COLUMNS.map((c) => `-${c === 'amount_fen' ? 'ln' : 's'}.${c}`)
  const current = TOTAL_MONEY_COLUMNS.map((c) => `l.${c}`)
  const sql = `${stored(date).sql}
    UNION ALL
    SELECT ${DIMENSIONS.map((d) => `s.${d}`).join(', ')}, -1, ${negative.join(', ')}
    FROM ${changed}
    JOIN ca_loan_snapshots s ON s.snapshot_date = ? AND s.loan_id = ch.loan_id
    JOIN ca_loans ln ON ln.id = s.loan_id
    WHERE s.risk_status IS NOT NULL
    UNION ALL
    SELECT l.org_id, l.manager_id, l.product, l.five_class, r.status, 1, ${current.join(', ')}
    FROM ${changed}
    JOIN ca_risk_assets r ON r.loan_id = ch.loan_id
    JOIN ca_loans l ON l.id = r.loan_id`
  return { sql, bindings: [date, takenAt, takenAt, date, takenAt, takenAt] }
}

/** The newest snapshot with groups and when it started reading (null before the first). */
export async function newestRun(
  client: Pick<QueryClientContract, 'from'>
): Promise<{ date: string; takenAt: string } | null> {
  const run = await client.from('ca_book_total_runs').orderBy('taken_at', 'desc').first()
  if (!run) return null
  const date = String(
    run.snapshot_date instanceof Date ? isoDate(run.snapshot_date) : run.snapshot_date
  ).slice(0, 10)
  const takenAt = run.taken_at instanceof Date ? sqlTime(run.taken_at) : String(run.taken_at)
  return { date, takenAt }
}

const pad = (n: number) => String(n).padStart(2, '0')
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const sqlTime = (d: Date) =>
  `${isoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
