/*
| Reading 诉前方案: the list with filters and a whitelisted sort, and the detail with
| loans, 催收 records, the linked 处置预案 and the timeline. Every query starts from
| `scopedLitPlans`, so what a user cannot see does not exist for them (404).
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { addCalendarDays } from '#core/business_day/business_date'
import { dateText } from '#core/holidays/calendar_date'
import { fromDb } from '#core/db/db_time'
import { LIKE, likeContains, likePrefix } from '#core/db/like'
import { scopedLitPlans } from './plan_scope.js'
import { litPlanTimeline } from './plan_events.js'

const SORTABLE: Record<string, string> = {
  planNo: 'p.plan_no',
  customerName: 'p.customer_name',
  claimTotal: 'claim_total_fen',
  status: 'p.status',
  applicationDate: 'p.application_date',
  createdAt: 'p.created_at',
}

export interface LitPlanFilters {
  keyword?: string
  status?: string
  caseType?: string
  judicialMethod?: string
  customerId?: number
  createdFrom?: string
  createdTo?: string
  mine?: boolean
  sort?: string
  order?: 'asc' | 'desc'
}

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
const iso = (value: unknown) => fromDb(value)?.toISO() ?? null

export function litPlanQuery(access: UserAccess, filters: LitPlanFilters) {
  const query = scopedLitPlans(access)
    .leftJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .select(
      'p.id',
      'p.plan_no',
      'p.customer_id',
      'p.customer_no',
      'p.customer_name',
      'p.org_id',
      'p.created_by',
      'p.case_type',
      'p.judicial_method',
      'p.bank_role',
      'p.business_segment',
      'p.application_date',
      'p.figures_source',
      'p.cause',
      'p.status',
      'p.workflow_instance_id',
      'p.submitted_at',
      'p.decided_at',
      'p.created_at',
      'p.updated_at',
      'o.name as org_name',
      'u.real_name as applicant_name',
      db.raw('CAST(p.principal_fen AS CHAR) as principal_fen'),
      db.raw('CAST(p.interest_fen AS CHAR) as interest_fen'),
      db.raw('CAST(p.principal_fen + p.interest_fen AS CHAR) as claim_total_fen')
    )
  if (filters.keyword) {
    query.where((q) =>
      q
        .whereRaw(LIKE, ['p.plan_no', likePrefix(filters.keyword)])
        .orWhereRaw(LIKE, ['p.customer_name', likeContains(filters.keyword)])
        .orWhereRaw(LIKE, ['p.customer_no', likePrefix(filters.keyword)])
    )
  }
  if (filters.customerId) query.where('p.customer_id', filters.customerId)
  if (filters.status) query.where('p.status', filters.status)
  if (filters.caseType) query.where('p.case_type', filters.caseType)
  if (filters.judicialMethod) query.where('p.judicial_method', filters.judicialMethod)
  if (filters.mine) query.where('p.created_by', access.user.id)
  if (filters.createdFrom) query.where('p.created_at', '>=', `${filters.createdFrom} 00:00:00`)
  if (filters.createdTo)
    query.where('p.created_at', '<', `${addCalendarDays(filters.createdTo, 1)} 00:00:00`)
  const sort = SORTABLE[filters.sort ?? '']
  query.orderBy(sort ?? 'p.id', filters.order ?? 'desc')
  if (sort) query.orderBy('p.id', 'desc')
  return query
}

export function litPlanRow(r: any) {
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
    caseType: r.case_type as string,
    judicialMethod: r.judicial_method as string,
    bankRole: r.bank_role as string,
    businessSegment: r.business_segment as string,
    applicationDate: dateText(r.application_date),
    /** 标的本金 + 标的利息 = 申请日标的金额 */
    claimPrincipal: yuan(r.principal_fen),
    claimInterest: yuan(r.interest_fen),
    claimTotal: yuan(r.claim_total_fen),
    figuresSource: r.figures_source as string,
    cause: r.cause as string,
    status: r.status as string,
    workflowInstanceId: r.workflow_instance_id === null ? null : Number(r.workflow_instance_id),
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

export async function listLitPlans(
  access: UserAccess,
  filters: LitPlanFilters & { page?: number; perPage?: number }
) {
  const result = await litPlanQuery(access, filters).paginate(
    filters.page ?? 1,
    filters.perPage ?? 20
  )
  return {
    data: result.all().map(litPlanRow),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

function parseJson(text: unknown): any {
  try {
    return JSON.parse(String(text ?? 'null'))
  } catch {
    return null
  }
}

/** One plan in scope with everything the detail page shows, or null. */
export async function litPlanDetail(access: UserAccess, planId: number) {
  const row = await litPlanQuery(access, {})
    .where('p.id', planId)
    .select(
      'p.reasons',
      'p.amount_reason',
      'p.disposal_plan_id',
      'p.disposal_plan_no',
      'p.collections_json',
      db.raw('CAST(p.system_principal_fen AS CHAR) as system_principal_fen'),
      db.raw('CAST(p.system_interest_fen AS CHAR) as system_interest_fen')
    )
    .first()
  if (!row) return null
  const loans = await db
    .from('lit_plan_loans')
    .where('plan_id', planId)
    .orderBy('id')
    .select(
      'loan_id',
      'loan_no',
      'figures_source',
      db.raw('CAST(principal_fen AS CHAR) as principal_fen'),
      db.raw('CAST(interest_fen AS CHAR) as interest_fen')
    )
  const stored = parseJson(row.collections_json) ?? {}
  const { figures, ...collections } = stored
  return {
    ...litPlanRow(row),
    applicationReason: row.reasons as string,
    amountReason: (row.amount_reason as string) ?? null,
    systemPrincipal: yuan(row.system_principal_fen),
    systemInterest: yuan(row.system_interest_fen),
    disposalPlanId: row.disposal_plan_id === null ? null : Number(row.disposal_plan_id),
    disposalPlanNo: (row.disposal_plan_no as string) ?? null,
    figures: figures ?? null,
    collections,
    loans: loans.map((l) => ({
      loanId: Number(l.loan_id),
      loanNo: l.loan_no as string,
      principal: yuan(l.principal_fen),
      interest: yuan(l.interest_fen),
      figuresSource: l.figures_source as string,
    })),
    timeline: await litPlanTimeline(planId),
  }
}
