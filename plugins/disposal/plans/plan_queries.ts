/*
| Reading plans: the list with its filters and whitelisted sort, the detail
| with loans, facts and timeline. Every query starts from `scopedPlans`, so
| what a user cannot see does not exist for them (404 on the detail).
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { addCalendarDays } from '#core/business_day/business_date'
import { scopedPlans } from './plan_scope.js'
import { planListRow, planLoanRow } from './serialize.js'
import { planTimeline } from './plan_events.js'
import { LIKE, likeContains, likePrefix } from '#core/db/like'

/** Columns a list may sort by; user input never reaches SQL any other way. */
const SORTABLE: Record<string, string> = {
  planNo: 'p.plan_no',
  customerName: 'p.customer_name',
  principal: 'p.principal_fen',
  expectedRecovery: 'p.expected_recovery_fen',
  status: 'p.status',
  method: 'p.method',
  createdAt: 'p.created_at',
  submittedAt: 'p.submitted_at',
}

export interface PlanFilters {
  keyword?: string
  status?: string
  method?: string
  orgId?: number
  createdFrom?: string
  createdTo?: string
  mine?: boolean
  customerId?: number
  /** Path of `orgId` (see `withOrgPath`). */
  orgPath?: string | null
  sort?: string
  order?: 'asc' | 'desc'
}

const MONEY = ['principal_fen', 'interest_fen', 'expected_recovery_fen'].map((c) =>
  db.raw(`CAST(p.${c} AS CHAR) as ${c}`)
)

/** The filtered, scoped query with the list's columns (not awaited: a builder). */
export function planListQuery(access: UserAccess, filters: PlanFilters) {
  const query = scopedPlans(access)
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
      'p.method',
      'p.status',
      'p.workflow_instance_id',
      'p.submitted_at',
      'p.decided_at',
      'p.created_at',
      'p.updated_at',
      'o.name as org_name',
      'u.real_name as applicant_name',
      ...MONEY
    )
  if (filters.keyword) {
    // A typed % or _ only widens the match (inside the scope); LIKE escapes differ between MariaDB and SQLite.
    const like = likeContains(filters.keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['p.plan_no', likePrefix(filters.keyword)])
        .orWhereRaw(LIKE, ['p.customer_name', like])
        .orWhereRaw(LIKE, ['p.customer_no', likePrefix(filters.keyword)])
    )
  }
  if (filters.customerId) query.where('p.customer_id', filters.customerId)
  if (filters.status) query.where('p.status', filters.status)
  if (filters.method) query.where('p.method', filters.method)
  if (filters.mine) query.where('p.created_by', access.user.id)
  if (filters.orgId) {
    // The org's path was resolved by `withOrgPath`; an unknown org matches nothing.
    if (!filters.orgPath) query.whereRaw('1 = 0')
    else
      query.whereIn(
        'p.org_id',
        db.from('orgs').where('path', 'like', `${filters.orgPath}%`).select('id')
      )
  }
  if (filters.createdFrom) query.where('p.created_at', '>=', `${filters.createdFrom} 00:00:00`)
  if (filters.createdTo) {
    query.where('p.created_at', '<', `${addCalendarDays(filters.createdTo, 1)} 00:00:00`)
  }
  query.orderBy(SORTABLE[filters.sort ?? ''] ?? 'p.id', filters.order ?? 'desc')
  if (filters.sort && SORTABLE[filters.sort]) query.orderBy('p.id', 'desc')
  return query
}

/** Adds the path of the filter's org (the subtree is matched by path prefix, as the data scope does). */
export async function withOrgPath<F extends PlanFilters>(filters: F): Promise<F> {
  if (!filters.orgId) return filters
  const org = await db.from('orgs').where('id', filters.orgId).select('path').first()
  return { ...filters, orgPath: org?.path ?? null }
}

export async function listPlans(
  access: UserAccess,
  filters: PlanFilters & { page?: number; perPage?: number }
) {
  const result = await planListQuery(access, await withOrgPath(filters)).paginate(
    filters.page ?? 1,
    filters.perPage ?? 20
  )
  return {
    data: result.all().map(planListRow),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

/** One plan in scope with everything the detail page and the PDF show, or null. */
export async function planDetail(access: UserAccess, planId: number) {
  const row = await planListQuery(access, {})
    .where('p.id', planId)
    .select('p.reasons', 'p.prefill_json')
    .first()
  if (!row) return null
  const loans = await db
    .from('disposal_plan_loans as pl')
    .where('pl.plan_id', planId)
    .orderBy('pl.id')
    .select(
      'pl.*',
      db.raw('CAST(pl.principal_fen AS CHAR) as principal_fen'),
      db.raw('CAST(pl.interest_fen AS CHAR) as interest_fen')
    )
  let sections: unknown[] = []
  try {
    sections = JSON.parse(row.prefill_json ?? '[]')
  } catch {
    sections = []
  }
  return {
    ...planListRow(row),
    reasons: row.reasons as string,
    loans: loans.map(planLoanRow),
    sections,
    timeline: await planTimeline(planId),
  }
}
