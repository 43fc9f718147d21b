/*
| The recoveries plugin's public service (公开服务): confirmed recovery
| transactions, for plugins that attribute recoveries (委外清收 commissions).
| No data scope: callers pass loan ids of their own records.
|
|   import { confirmedRecoveries } from '../../recoveries/services/recoveries_api.js'
|   const rows = await confirmedRecoveries({ loanIds: [12], from: '2026-01-01', to: '2026-06-30' })
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { TRANSACTIONS } from './fetch_transactions.js'

export interface ConfirmedRecovery {
  transactionId: number
  txnNo: string
  loanId: number
  customerId: number
  postedOn: string
  /** Yuan text: principal + interest + penalty. */
  amount: string
  principal: string
  /** credit_assets_recovery_method code. */
  method: string
}

export async function confirmedRecoveries(filter: {
  loanIds: number[]
  from: string
  to: string
  client?: QueryClientContract
}): Promise<ConfirmedRecovery[]> {
  if (!filter.loanIds.length) return []
  const rows = await (filter.client ?? db)
    .from(TRANSACTIONS)
    .where('status', 'confirmed')
    .whereIn('loan_id', filter.loanIds)
    .whereBetween('posted_on', [filter.from, filter.to])
    .orderBy('posted_on')
    .orderBy('id')
  return rows.map((r) => ({
    transactionId: Number(r.id),
    txnNo: r.txn_no,
    loanId: Number(r.loan_id),
    customerId: Number(r.customer_id),
    postedOn: dateText(r.posted_on),
    amount: Money.fromFen(String(r.amount_fen)).toYuan(),
    principal: Money.fromFen(String(r.principal_fen)).toYuan(),
    method: r.method,
  }))
}
