/*
| Reading 律师选聘申请: every query starts from the data scope (the customer's org and
| the applicant), so an engagement out of scope is a 404 like a missing one.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { dateText } from '#core/holidays/calendar_date'
import { fromDb } from '#core/db/db_time'
import { LIKE, likeContains, likePrefix } from '#core/db/like'

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
const iso = (value: unknown) => fromDb(value)?.toISO() ?? null

export const scopedEngagements = (access: UserAccess) =>
  applyDataScope(db.from('lit_engagements as e'), access, {
    orgColumn: 'e.org_id',
    ownerColumn: 'e.created_by',
  })

function engagementQuery(access: UserAccess) {
  return scopedEngagements(access)
    .join('lit_law_firms as f', 'f.id', 'e.firm_id')
    .join('lit_lawyers as l', 'l.id', 'e.lawyer_id')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .select(
      'e.*',
      'f.name as firm_name',
      'l.name as lawyer_name',
      'l.licence_no as lawyer_licence_no',
      'u.real_name as applicant_name',
      ...['fixed_fee_fen', 'fee_cap_fen', 'expected_recovery_fen', 'estimated_fee_fen'].map((c) =>
        db.raw(`CAST(e.${c} AS CHAR) as ${c}_text`)
      )
    )
}

function engagementRow(r: any) {
  return {
    id: Number(r.id),
    engagementNo: r.engagement_no as string,
    planId: r.plan_id === null ? null : Number(r.plan_id),
    caseId: r.case_id === null ? null : Number(r.case_id),
    subjectNo: r.subject_no as string,
    customerId: Number(r.customer_id),
    customerNo: r.customer_no as string,
    customerName: r.customer_name as string,
    createdBy: Number(r.created_by),
    applicantName: (r.applicant_name as string) ?? null,
    firmId: Number(r.firm_id),
    firmName: r.firm_name as string,
    lawyerId: Number(r.lawyer_id),
    lawyerName: r.lawyer_name as string,
    lawyerLicenceNo: r.lawyer_licence_no as string,
    feeType: r.fee_type as string,
    fixedFee: yuan(r.fixed_fee_fen_text),
    riskRate: String(r.risk_rate).replace(/\.?0+$/, '') || '0',
    feeCap: r.fee_cap_fen_text === null ? null : yuan(r.fee_cap_fen_text),
    expectedRecovery: yuan(r.expected_recovery_fen_text),
    estimatedFee: yuan(r.estimated_fee_fen_text),
    scope: r.scope as string,
    engagementReason: r.reasons as string,
    status: r.status as string,
    workflowInstanceId: r.workflow_instance_id === null ? null : Number(r.workflow_instance_id),
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    createdAt: iso(r.created_at),
  }
}

export async function listEngagements(
  access: UserAccess,
  filters: {
    keyword?: string
    status?: string
    planId?: number
    caseId?: number
    page?: number
    perPage?: number
  }
) {
  const query = engagementQuery(access).orderBy('e.id', 'desc')
  if (filters.keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['e.engagement_no', likePrefix(filters.keyword)])
        .orWhereRaw(LIKE, ['e.customer_name', likeContains(filters.keyword)])
        .orWhereRaw(LIKE, ['e.subject_no', likeContains(filters.keyword)])
        .orWhereRaw(LIKE, ['f.name', likeContains(filters.keyword)])
    )
  if (filters.status) query.where('e.status', filters.status)
  if (filters.planId) query.where('e.plan_id', filters.planId)
  if (filters.caseId) query.where('e.case_id', filters.caseId)
  const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: page.all().map(engagementRow),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function engagementDetail(access: UserAccess, id: number) {
  const row = await engagementQuery(access).where('e.id', id).first()
  if (!row) return null
  const payments = await db
    .from('lit_engagement_payments')
    .where('engagement_id', id)
    .orderBy('id')
    .select(
      '*',
      db.raw('CAST(amount_fen AS CHAR) as amount_fen'),
      db.raw('CAST(recovered_fen AS CHAR) as recovered_fen'),
      db.raw('CAST(fee_due_fen AS CHAR) as fee_due_fen')
    )
  const events = await db
    .from('lit_engagement_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_id')
    .where('ev.engagement_id', id)
    .orderBy('ev.id')
    .select('ev.*', 'u.real_name as actor_name')
  return {
    ...engagementRow(row),
    paid: Money.sum(payments.map((p) => Money.fromFen(String(p.amount_fen)))).toYuan(),
    payments: payments.map((p) => ({
      id: Number(p.id),
      amount: yuan(p.amount_fen),
      paidOn: dateText(p.paid_on),
      remark: (p.remark as string) ?? null,
      expenseNo: (p.expense_no as string) ?? null,
      // The basis the payment was checked against (null before it was kept).
      recovered: p.recovered_fen === null ? null : yuan(p.recovered_fen),
      recoveredSource: (p.recovered_source as string) ?? null,
      recoveredReason: (p.recovered_reason as string) ?? null,
      feeDue: p.fee_due_fen === null ? null : yuan(p.fee_due_fen),
      createdAt: iso(p.created_at),
    })),
    timeline: events.map((e) => ({
      id: Number(e.id),
      eventType: e.event_type as string,
      toStatus: e.to_status as string,
      actorName: (e.actor_name as string) ?? null,
      createdAt: iso(e.created_at),
    })),
  }
}
