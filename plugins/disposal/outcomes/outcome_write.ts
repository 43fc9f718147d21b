/*
| The write side shared by recording and reversing an outcome: the lookup by
| source, the insert (a concurrent twin with the same source wins) and the
| risk-asset timeline events.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { addDisposalEvents } from './credit_assets.js'
import type { DisposalOutcome } from './outcome_read.js'

export function bySource(trx: TransactionClientContract, sourcePlugin: string, sourceRef: string) {
  return trx
    .from('disposal_outcomes')
    .where({ source_plugin: sourcePlugin, source_ref: sourceRef })
    .select('id')
    .first()
}

const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' || String(error?.code ?? '').startsWith('SQLITE_CONSTRAINT')

/** Inserts the row and its loans; a concurrent twin (same source) wins and is returned. */
export async function insertOutcome(
  trx: TransactionClientContract,
  row: Record<string, unknown>,
  loans: Array<{ id: number; loanNo: string }>
): Promise<{ id: number; created: boolean }> {
  let id: number
  try {
    const [inserted] = await trx.table('disposal_outcomes').insert(row)
    id = Number(inserted)
  } catch (error) {
    const twin = isDuplicate(error)
      ? await bySource(trx, String(row.source_plugin), String(row.source_ref))
      : null
    if (!twin) throw error
    return { id: Number(twin.id), created: false }
  }
  await trx
    .table('disposal_outcome_loans')
    .multiInsert(loans.map((l) => ({ outcome_id: id, loan_id: l.id, loan_no: l.loanNo })))
  return { id, created: true }
}

export async function timeline(
  trx: TransactionClientContract,
  outcome: DisposalOutcome,
  operatorId: number | null
) {
  await addDisposalEvents(
    trx,
    outcome.loans.map((l) => ({
      loanId: l.loanId,
      customerId: outcome.customerId,
      // The day the disposal happened; a reversal happens the day it is recorded.
      businessDate: outcome.reversesId ? outcome.recordedOn : outcome.completedOn,
      operatorId,
      after: {
        outcomeId: outcome.id,
        method: outcome.method,
        completedOn: outcome.completedOn,
        cashRecovered: outcome.cashRecovered,
        balanceReduced: outcome.balanceReduced,
        planNo: outcome.planNo,
        reversesId: outcome.reversesId,
      },
    }))
  )
}
