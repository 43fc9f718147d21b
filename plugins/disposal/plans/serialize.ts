/* Plan rows → API shape: money as yuan text with two decimals, timestamps ISO. */
import { Money } from '#core/money/money'
import { fromDb } from '#core/db/db_time'

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
const iso = (value: unknown) => fromDb(value)?.toISO() ?? null

export function planListRow(r: any) {
  const principal = Money.fromFen(String(r.principal_fen))
  const interest = Money.fromFen(String(r.interest_fen))
  return {
    id: Number(r.id),
    planNo: r.plan_no as string,
    customerId: Number(r.customer_id),
    customerNo: r.customer_no as string,
    customerName: r.customer_name as string,
    orgId: Number(r.org_id),
    orgName: (r.org_name as string) ?? null,
    createdBy: Number(r.created_by),
    applicantName: (r.applicant_name as string) ?? null,
    method: r.method as string,
    /** 债权本金 (the approval tiers use it). */
    principal: principal.toYuan(),
    interest: interest.toYuan(),
    /** 债权本息合计 */
    claimTotal: principal.plus(interest).toYuan(),
    expectedRecovery: yuan(r.expected_recovery_fen),
    status: r.status as string,
    workflowInstanceId: r.workflow_instance_id === null ? null : Number(r.workflow_instance_id),
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

export function planLoanRow(r: any) {
  return {
    loanId: Number(r.loan_id),
    loanNo: r.loan_no as string,
    principal: yuan(r.principal_fen),
    interest: yuan(r.interest_fen),
    fiveClass: r.five_class as string,
    overdueDays: Number(r.overdue_days),
    figuresSource: r.figures_source as 'core-banking' | 'book',
  }
}
