/*
| 风险资产移交 in bulk: every active loan meeting the handover rule that is not
| yet a risk asset becomes one on the business date, with a `handover` event on
| its timeline. Both writes are INSERT … SELECT in one transaction; a rerun for
| the same date finds nothing new.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/support/db_time'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { handoverSql } from '../rules/handover.js'

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
    const eventSql = `INSERT INTO ca_risk_events (loan_id, customer_id, event_type, business_date, before_json, after_json, operator_id, created_at)
      SELECT l.id, l.customer_id, 'handover', ?, NULL, ${afterJson(trx.dialect.name)}, NULL, ? ${CANDIDATES(overdueDaysThreshold)}`
    await trx.rawQuery(eventSql, [businessDate, now])
    const before = await trx.from('ca_risk_assets').count('* as total').first()
    await trx.rawQuery(
      `INSERT INTO ca_risk_assets (loan_id, customer_id, org_id, status, entered_on, created_at, updated_at)
       SELECT l.id, l.customer_id, l.org_id, 'managed', ?, ?, ? ${CANDIDATES(overdueDaysThreshold)}`,
      [businessDate, now, now]
    )
    const after = await trx.from('ca_risk_assets').count('* as total').first()
    return Number(after?.total ?? 0) - Number(before?.total ?? 0)
  }
  return client ? work(client) : db.transaction(work)
}

/** The timeline payload, built in SQL with string concatenation both dialects accept. */
function afterJson(dialect: string) {
  const concat = dialect === 'mysql' ? 'CONCAT' : null
  const parts = [
    `'{"fiveClass":"'`,
    'l.five_class',
    `'","overdueDays":'`,
    'CAST(l.overdue_days AS CHAR)',
    `',"balanceFen":"'`,
    'CAST(l.balance_fen AS CHAR)',
    `'"}'`,
  ]
  return concat ? `CONCAT(${parts.join(', ')})` : parts.join(' || ')
}
