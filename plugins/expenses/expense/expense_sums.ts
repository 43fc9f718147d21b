/*
| Fee sums per source record as a derived table, for another plugin's ledger
| (诉讼台账's 费用): the core ledger framework is SQL, so a ledger cannot call
| totalsFor per row. The caller joins the table on its own record ids and
| selects `total_fen` / `paid_fen`; the expense rows and their rules stay here.
|
| As of a date: expenses dated (expense_date) by then, paid ones paid (paid_on)
| by then. Rejected and withdrawn applications never count (their status is
| today's: an application rejected later counted as pending on earlier days is
| not kept as history).
*/
import { TABLE } from './tables.js'

export interface ExpenseSumsQuery {
  /** The source plugin whose records the expenses name (e.g. 'litigation'). */
  plugin: string
  /** Source kinds to include (e.g. ['case', 'engagement']). */
  kinds: string[]
  /** 'YYYY-MM-DD' for a ledger read as of a date; null for today. */
  asOf: string | null
}

/**
 * `{ sql, bindings }` of `(SELECT source_kind, source_id, total_fen, paid_fen …)`:
 * one row per source record (source_id is text). `total_fen`: every application
 * not rejected or withdrawn; `paid_fen`: 已支付 and 已收回. Both BIGINT fen.
 */
export function expenseSumsBySource(q: ExpenseSumsQuery): { sql: string; bindings: string[] } {
  if (!q.kinds.length) throw new Error('expenseSumsBySource needs at least one source kind')
  const kinds = q.kinds.map(() => '?').join(', ')
  const paidBy = q.asOf ? ' AND paid_on <= ?' : ''
  const datedBy = q.asOf ? ' AND expense_date <= ?' : ''
  const sql =
    `(SELECT source_kind, source_id, SUM(amount_fen) AS total_fen, ` +
    `SUM(CASE WHEN status IN ('paid', 'recovered')${paidBy} THEN amount_fen ELSE 0 END) AS paid_fen ` +
    `FROM ${TABLE} WHERE source_plugin = ? AND source_kind IN (${kinds}) ` +
    `AND status NOT IN ('rejected', 'withdrawn')${datedBy} GROUP BY source_kind, source_id)`
  const bindings: string[] = []
  if (q.asOf) bindings.push(q.asOf)
  bindings.push(q.plugin, ...q.kinds)
  if (q.asOf) bindings.push(q.asOf)
  return { sql, bindings }
}
