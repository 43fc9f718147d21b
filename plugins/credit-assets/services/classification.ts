/*
| 五级分类调整: a loan's class changes only through here, so every change
| appends a history row (never overwritten) and, for a risk asset, a
| `classification` event on its timeline — all in one transaction.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import type { FiveClass } from '../rules/five_class.js'
import { recordRiskEvent } from './risk_events.js'

export interface Reclassification {
  loanId: number
  to: FiveClass
  businessDate: string
  reason: string | null
  operatorId: number | null
}

type Trx = import('@adonisjs/lucid/types/database').TransactionClientContract

/** Returns the previous class, or null when the class did not change (nothing written). */
export async function reclassifyLoan(
  change: Reclassification,
  /** Runs inside the transaction (the audit row commits with the change). */
  alsoInTransaction?: (trx: Trx, from: string) => Promise<void>
): Promise<{ from: string; to: string } | null> {
  return db.transaction(async (trx) => {
    const loan = await trx.from('ca_loans').where('id', change.loanId).forUpdate().first()
    if (!loan) throw new Error(`Loan ${change.loanId} not found`)
    if (loan.five_class === change.to) return null
    const now = dbNow()
    await trx.from('ca_loans').where('id', loan.id).update({
      five_class: change.to,
      classified_on: change.businessDate,
      updated_at: now,
    })
    await trx.table('ca_classification_history').insert({
      loan_id: loan.id,
      from_class: loan.five_class,
      to_class: change.to,
      changed_on: change.businessDate,
      reason: change.reason,
      operator_id: change.operatorId,
      created_at: now,
    })
    const isRiskAsset = await trx.from('ca_risk_assets').where('loan_id', loan.id).first()
    if (isRiskAsset)
      await recordRiskEvent(trx, {
        type: 'classification',
        businessDate: change.businessDate,
        loanId: loan.id,
        customerId: loan.customer_id,
        before: { fiveClass: loan.five_class },
        after: { fiveClass: change.to, reason: change.reason },
        operatorId: change.operatorId,
      })
    await alsoInTransaction?.(trx, loan.five_class)
    return { from: loan.five_class as string, to: change.to }
  })
}
