/*
| 委外清收: accounts assigned to an agency for a period, with a target; the
| recoveries confirmed on those loans inside the period (交易流水确认, the
| recoveries plugin's public service) are attributed to the assignment — each
| transaction once, to one agency (commission row unique per transaction) —
| with the commission computed per recovery (commission.ts, half-up to the fen).
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dateText } from '#core/holidays/calendar_date'
import { dbNow } from '#core/db/db_time'
import { Money } from '#core/money/money'
import { confirmedRecoveries } from '../../recoveries/services/recoveries_api.js'
import { commissionFen } from './commission.js'
import { isDuplicateKey } from '#core/db/db_errors'

/** 归集回款: attributes the assignment's new confirmed recoveries; returns what was added. */
export async function attributeRecoveries(ctx: HttpContext | null, assignmentId: number) {
  const assignment = await db.from('collection_assignments').where('id', assignmentId).first()
  if (!assignment) return { added: 0, commission: '0.00', recovered: '0.00' }
  const loanIds = (
    await db
      .from('collection_assignment_loans')
      .where('assignment_id', assignmentId)
      .select('loan_id')
  ).map((l) => Number(l.loan_id))
  const recoveries = await confirmedRecoveries({
    loanIds,
    from: dateText(assignment.period_from),
    to: dateText(assignment.period_to),
  })
  const rate = String(assignment.commission_rate)
  let added = 0
  let recovered = Money.zero()
  let commission = Money.zero()
  for (const r of recoveries) {
    const recoveredFen = Money.fromYuan(r.amount).toFen()
    const fee = commissionFen(recoveredFen, rate)
    try {
      await db.table('collection_commissions').insert({
        assignment_id: assignment.id,
        agency_id: assignment.agency_id,
        transaction_id: r.transactionId,
        txn_no: r.txnNo,
        loan_id: r.loanId,
        posted_on: r.postedOn,
        recovered_fen: recoveredFen,
        commission_rate: rate,
        commission_fen: fee,
        status: 'accrued',
        org_id: assignment.org_id,
        manager_id: assignment.manager_id,
        created_at: dbNow(),
      })
    } catch (error) {
      // Already attributed (here or to another agency): never twice.
      if (isDuplicateKey(error)) continue
      throw error
    }
    added++
    recovered = recovered.plus(Money.fromFen(recoveredFen))
    commission = commission.plus(Money.fromFen(fee))
  }
  const result = { added, recovered: recovered.toYuan(), commission: commission.toYuan() }
  if (ctx)
    await audit.record(ctx, {
      action: 'collection.assignment.attribute',
      entityType: 'collection_assignment',
      entityId: assignment.id,
      after: result,
    })
  return result
}

/** Sums per assignment: recovered, commission accrued / paid (fen text). */
export async function assignmentFigures(ids: number[]) {
  if (!ids.length) return new Map<number, { recovered: string; accrued: string; paid: string }>()
  const rows = await db
    .from('collection_commissions')
    .whereIn('assignment_id', ids)
    .groupBy('assignment_id')
    .select(
      'assignment_id',
      db.raw('CAST(SUM(recovered_fen) AS CHAR) as recovered'),
      db.raw(
        "CAST(SUM(CASE WHEN status = 'accrued' THEN commission_fen ELSE 0 END) AS CHAR) as accrued"
      ),
      db.raw(
        "CAST(SUM(CASE WHEN status = 'claimed' THEN commission_fen ELSE 0 END) AS CHAR) as paid"
      )
    )
  return new Map(
    rows.map((r) => [
      Number(r.assignment_id),
      { recovered: String(r.recovered), accrued: String(r.accrued), paid: String(r.paid) },
    ])
  )
}
