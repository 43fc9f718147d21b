/*
| Test DSL for disposal outcomes: record one in its own transaction, an
| approved plan straight into the tables (the plan flow itself is covered by
| plan_flow.spec.ts), and the ledger's rows for a user.
*/
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import {
  recordDisposalOutcome,
  reverseDisposalOutcome,
  type DisposalOutcomeInput,
  type ReversalInput,
} from '../services/outcomes_api.js'

let counter = 0

export const record = (input: Partial<DisposalOutcomeInput> & { loanIds: number[] }) =>
  db.transaction((trx) =>
    recordDisposalOutcome(trx, {
      method: 'collection',
      completedOn: '2026-03-10',
      sourcePlugin: 'test-plugin',
      sourceRef: `ref-${process.pid}-${++counter}`,
      ...input,
    })
  )

export const reverse = (input: Partial<ReversalInput> & { outcomeId: number }) =>
  db.transaction((trx) =>
    reverseDisposalOutcome(trx, {
      sourcePlugin: 'test-plugin',
      sourceRef: `rev-${process.pid}-${++counter}`,
      remark: '金额录入错误，冲正',
      ...input,
    })
  )

/** An approved plan of `method` for one customer's loans, as the workflow would leave it. */
export async function approvedPlan(
  customerId: number,
  orgId: number,
  loanIds: number[],
  method = 'collection'
) {
  const now = dbNow()
  const [id] = await db.table('disposal_plans').insert({
    plan_no: `TPLAN${process.pid}${++counter}`,
    customer_id: customerId,
    customer_no: 'C',
    customer_name: '测试客户',
    org_id: orgId,
    created_by: 1,
    method,
    principal_fen: '100000000',
    interest_fen: '1234567',
    expected_recovery_fen: '60000000',
    reasons: '担保人有可执行财产，拟清收。',
    status: 'approved',
    prefill_json: JSON.stringify([{ section: 'principal', status: 'ok', data: { x: 1 } }]),
    submitted_at: now,
    decided_at: now,
    created_at: now,
    updated_at: now,
  })
  for (const loanId of loanIds)
    await db.table('disposal_plan_loans').insert({
      plan_id: id,
      loan_id: loanId,
      loan_no: `L${loanId}`,
      principal_fen: '100000000',
      interest_fen: '1234567',
      five_class: 'doubtful',
      overdue_days: 200,
      figures_source: 'book',
    })
  return Number(id)
}
