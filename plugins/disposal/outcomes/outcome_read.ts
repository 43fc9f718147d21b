/*
| Reading disposal outcomes: one outcome with its loans and plan (the public
| API's shape), and the by-id read of the console, which checks the user's
| data scope (out of scope = null → 404, like a missing id).
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** The database service or a transaction. */
type Client = Pick<QueryClientContract, 'from' | 'raw'>
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { fromDb } from '#core/db/db_time'
import { dateText } from './credit_assets.js'

/** The amounts of an outcome: API key ↔ fen column. */
export const AMOUNTS = [
  { key: 'cashRecovered', column: 'cash_recovered_fen' },
  { key: 'nonCashRecovered', column: 'non_cash_recovered_fen' },
  { key: 'writtenOff', column: 'written_off_fen' },
  { key: 'relieved', column: 'relieved_fen' },
  { key: 'loss', column: 'loss_fen' },
  { key: 'fees', column: 'fees_fen' },
] as const

export interface DisposalOutcome {
  id: number
  sourcePlugin: string
  sourceRef: string
  sourceLink: string | null
  customerId: number
  customerNo: string
  customerName: string
  orgId: number
  method: string
  completedOn: string
  /** Business date it was written (the ledger's as-of date reads by it). */
  recordedOn: string
  /** Yuan text, negative on a reversal. */
  cashRecovered: string
  nonCashRecovered: string
  writtenOff: string
  relieved: string
  loss: string
  fees: string
  balanceReduced: string
  planId: number | null
  planNo: string | null
  /** On a reversal: the outcome it cancels. */
  reversesId: number | null
  /** On an outcome that was reversed: the reversal. */
  reversedById: number | null
  remark: string | null
  loans: Array<{ loanId: number; loanNo: string }>
  createdAt: string | null
}

const MONEY = [...AMOUNTS.map((a) => a.column), 'balance_reduced_fen']

function selectOutcome(client: Client) {
  return client
    .from('disposal_outcomes as o')
    .leftJoin('disposal_plans as pl', 'pl.id', 'o.plan_id')
    .select(
      'o.*',
      'pl.plan_no',
      ...MONEY.map((c) => client.raw(`CAST(o.${c} AS CHAR) as ${c}`)),
      client.raw(
        '(SELECT MIN(r.id) FROM disposal_outcomes r WHERE r.reverses_id = o.id) as reversed_by_id'
      )
    )
}

async function serialize(client: Client, row: any): Promise<DisposalOutcome> {
  const loans = await client
    .from('disposal_outcome_loans')
    .where('outcome_id', row.id)
    .orderBy('id')
  const yuan = (column: string) => Money.fromFen(String(row[column])).toYuan()
  const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    id: Number(row.id),
    sourcePlugin: row.source_plugin,
    sourceRef: row.source_ref,
    sourceLink: row.source_link ?? null,
    customerId: Number(row.customer_id),
    customerNo: row.customer_no,
    customerName: row.customer_name,
    orgId: Number(row.org_id),
    method: row.method,
    completedOn: dateText(row.completed_on),
    recordedOn: dateText(row.recorded_on),
    ...(Object.fromEntries(AMOUNTS.map((a) => [a.key, yuan(a.column)])) as Record<
      (typeof AMOUNTS)[number]['key'],
      string
    >),
    balanceReduced: yuan('balance_reduced_fen'),
    planId: idOrNull(row.plan_id),
    planNo: row.plan_no ?? null,
    reversesId: idOrNull(row.reverses_id),
    reversedById: idOrNull(row.reversed_by_id),
    remark: row.remark ?? null,
    loans: loans.map((l) => ({ loanId: Number(l.loan_id), loanNo: l.loan_no })),
    createdAt: fromDb(row.created_at)?.toISO() ?? null,
  }
}

export async function loadOutcome(client: Client, id: number): Promise<DisposalOutcome | null> {
  const row = await selectOutcome(client).where('o.id', id).first()
  return row ? serialize(client, row) : null
}

/** One outcome if the user's data scope covers it (the loans' org and manager), else null. */
export async function scopedOutcome(access: UserAccess, id: number) {
  const query = selectOutcome(db).where('o.id', id)
  applyDataScope(query, access, { orgColumn: 'o.org_id', ownerColumn: 'o.manager_id' })
  const row = await query.first()
  return row ? serialize(db, row) : null
}
