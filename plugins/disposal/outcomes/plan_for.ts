/*
| The approved 处置预案 behind a disposal: the newest plan of a method that
| covers every one of the given loans. Later plugins pre-fill their reports
| from it (核销报告, 抵债申请, 重组方案 — figures, sections, reasons, and which
| plan it came from); recordDisposalOutcome links an outcome to it.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { fromDb } from '#core/db/db_time'
import type { PrefillSection } from '../plans/prefill.js'

export interface PlanForDisposal {
  id: number
  planNo: string
  /** approved, or implemented (a disposal of its method was already recorded). */
  status: 'approved' | 'implemented'
  customerId: number
  customerNo: string
  customerName: string
  orgId: number
  method: string
  /** Figures frozen at application, yuan text. */
  principal: string
  interest: string
  expectedRecovery: string
  reasons: string
  /** Business date (Asia/Shanghai) of the final approval. */
  approvedOn: string
  loans: Array<{ loanId: number; loanNo: string; principal: string; interest: string }>
  /** The bank systems' sections as the approvers saw them (source, fetch time, data). */
  sections: PrefillSection[]
}

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()

/** Plans of `method` covering all `loanIds`: approved ones, and implemented ones if asked. */
export async function approvedPlanFor(
  loanIds: number[],
  method: string,
  options: { includeImplemented?: boolean; client?: QueryClientContract } = {}
): Promise<PlanForDisposal | null> {
  const ids = [...new Set(loanIds.map(Number))].filter((id) => Number.isSafeInteger(id) && id > 0)
  if (!ids.length) return null
  const client = options.client ?? db
  const statuses = options.includeImplemented ? ['approved', 'implemented'] : ['approved']
  const covering = client
    .from('disposal_plan_loans')
    .whereIn('loan_id', ids)
    .groupBy('plan_id')
    .havingRaw('COUNT(DISTINCT loan_id) = ?', [ids.length])
    .select('plan_id')
  const plan = await client
    .from('disposal_plans')
    .whereIn('id', covering)
    .whereIn('status', statuses)
    .where('method', method)
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .first()
  if (!plan) return null
  const loans = await client
    .from('disposal_plan_loans')
    .where('plan_id', plan.id)
    .orderBy('id')
    .select('loan_id', 'loan_no', 'principal_fen', 'interest_fen')
  let sections: PrefillSection[] = []
  try {
    sections = plan.prefill_json ? JSON.parse(plan.prefill_json) : []
  } catch {
    sections = []
  }
  return {
    id: Number(plan.id),
    planNo: plan.plan_no,
    status: plan.status,
    customerId: Number(plan.customer_id),
    customerNo: plan.customer_no,
    customerName: plan.customer_name,
    orgId: Number(plan.org_id),
    method: plan.method,
    principal: yuan(plan.principal_fen),
    interest: yuan(plan.interest_fen),
    expectedRecovery: yuan(plan.expected_recovery_fen),
    reasons: plan.reasons,
    approvedOn: fromDb(plan.decided_at)?.setZone('Asia/Shanghai').toISODate() ?? '',
    loans: loans.map((l) => ({
      loanId: Number(l.loan_id),
      loanNo: l.loan_no,
      principal: yuan(l.principal_fen),
      interest: yuan(l.interest_fen),
    })),
    sections: Array.isArray(sections) ? sections : [],
  }
}
