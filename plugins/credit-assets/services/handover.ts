/*
| 风险资产移交 by the local rule, in bulk: every active loan meeting the
| handover rule that is not yet a risk asset becomes one on the business date,
| with a `handover` event on its timeline, in one transaction; a rerun for the
| same date finds nothing new. The demo generator and banks without a data
| platform feed use it; the daily feed from 数据中台 is platform_sync.ts.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { handoverSql } from '../rules/handover.js'
import { classRank, isFiveClass } from '../rules/five_class.js'
import { recordRiskEvents } from './risk_events.js'
import { yuan } from './serialize.js'

const CANDIDATES = (threshold: number) => `FROM ca_loans l
  WHERE l.status = 'active' AND ${handoverSql('l', threshold)}
    AND NOT EXISTS (SELECT 1 FROM ca_risk_assets r WHERE r.loan_id = l.id)`

export async function syncHandover(
  businessDate: string,
  overdueDaysThreshold: number,
  client?: QueryClientContract
): Promise<number> {
  const work = async (trx: QueryClientContract) => {
    const now = dbNow()
    // Events first: afterwards the NOT EXISTS no longer finds these loans.
    const candidates = await trx.rawQuery(
      `SELECT l.id, l.customer_id, l.five_class, l.overdue_days, CAST(l.balance_fen AS CHAR) AS balance_text
       ${CANDIDATES(overdueDaysThreshold)} ORDER BY l.id`
    )
    const rows: any[] = trx.dialect.name === 'mysql' ? candidates[0] : candidates
    if (!rows.length) return 0
    await recordRiskEvents(
      trx,
      rows.map((l) => ({
        type: 'handover' as const,
        businessDate,
        loanId: Number(l.id),
        customerId: Number(l.customer_id),
        after: {
          reason: handoverReason(l.five_class),
          fiveClass: l.five_class,
          overdueDays: Number(l.overdue_days),
          balance: yuan(l.balance_text),
        },
      }))
    )
    await trx.rawQuery(
      `INSERT INTO ca_risk_assets (loan_id, customer_id, org_id, manager_id, status, entered_on, created_at, updated_at)
       SELECT l.id, l.customer_id, l.org_id, l.manager_id, 'managed', ?, ?, ? ${CANDIDATES(overdueDaysThreshold)}`,
      [businessDate, now, now]
    )
    return rows.length
  }
  return client ? work(client) : db.transaction(work)
}

/** Why the rule took the loan: its class (次级 or worse) or, failing that, its overdue days. */
function handoverReason(fiveClass: unknown): 'classification' | 'overdue' {
  return isFiveClass(fiveClass) && classRank(fiveClass) >= classRank('substandard')
    ? 'classification'
    : 'overdue'
}
