/*
| The disposal plugin's public read service (公开服务): how other plugins —
| 诉讼, 核销, 减免, 转让, 目标管理 … — read approved 处置预案 without their own
| SQL on disposal_* tables. Documented in plugins/disposal/README.md and
| docs/plugins.md ("Sharing a plugin's data and services"). Only this file is
| public; everything else in the plugin may change without notice.
|
|   import { approvedPlans } from '../../disposal/services/plans_api.js'
|   const plans = await approvedPlans({ customerId: 42, method: 'litigation' })
|
| Amounts are yuan text with two decimals, dates 'YYYY-MM-DD' (Asia/Shanghai).
| No user's data scope applies unless `access` is given: pass the user's
| access when the result is shown to a user.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { fromDb } from '#core/db/db_time'

export interface ApprovedPlan {
  id: number
  planNo: string
  customerId: number
  customerNo: string
  customerName: string
  /** The customer's org (the asset's owning org). */
  orgId: number
  /** disposal_method dictionary code. */
  method: string
  principal: string
  interest: string
  expectedRecovery: string
  /** Business date of the final approval. */
  approvedOn: string
  applicantId: number
  loans: Array<{ loanId: number; loanNo: string; principal: string; interest: string }>
}

export interface ApprovedPlanFilter {
  planId?: number
  customerId?: number
  loanId?: number
  method?: string
  /** Approved on or after / on or before (inclusive). */
  approvedFrom?: string
  approvedTo?: string
  /** Limit to what this user may see (plans' org and applicant). */
  access?: UserAccess
  /** Default 500, at most 5000. */
  limit?: number
}

const day = (value: unknown) => fromDb(value)?.setZone('Asia/Shanghai').toISODate() ?? ''

function approvedQuery(filter: Omit<ApprovedPlanFilter, 'limit'>) {
  const query = db.from('disposal_plans as p').where('p.status', 'approved')
  if (filter.access) {
    applyDataScope(query, filter.access, { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' })
  }
  if (filter.planId) query.where('p.id', filter.planId)
  if (filter.customerId) query.where('p.customer_id', filter.customerId)
  if (filter.method) query.where('p.method', filter.method)
  if (filter.loanId) {
    query.whereExists(
      db
        .from('disposal_plan_loans as fl')
        .whereColumn('fl.plan_id', 'p.id')
        .where('fl.loan_id', filter.loanId)
    )
  }
  if (filter.approvedFrom) query.where('p.decided_at', '>=', `${filter.approvedFrom} 00:00:00`)
  if (filter.approvedTo) query.where('p.decided_at', '<=', `${filter.approvedTo} 23:59:59`)
  return query
}

/** Approved plans, newest approval first, with their loans and frozen figures. */
export async function approvedPlans(filter: ApprovedPlanFilter = {}): Promise<ApprovedPlan[]> {
  const rows = await approvedQuery(filter)
    .orderBy('p.decided_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(Math.min(filter.limit ?? 500, 5000))
    .select(
      'p.*',
      ...['principal_fen', 'interest_fen', 'expected_recovery_fen'].map((c) =>
        db.raw(`CAST(p.${c} AS CHAR) as ${c}`)
      )
    )
  if (!rows.length) return []
  const loans = await db
    .from('disposal_plan_loans')
    .whereIn(
      'plan_id',
      rows.map((r) => r.id)
    )
    .orderBy('id')
    .select(
      'plan_id',
      'loan_id',
      'loan_no',
      db.raw('CAST(principal_fen AS CHAR) as principal_fen'),
      db.raw('CAST(interest_fen AS CHAR) as interest_fen')
    )
  const yuan = (fen: unknown) => Money.fromFen(String(fen)).toYuan()
  return rows.map((r) => ({
    id: Number(r.id),
    planNo: r.plan_no,
    customerId: Number(r.customer_id),
    customerNo: r.customer_no,
    customerName: r.customer_name,
    orgId: Number(r.org_id),
    method: r.method,
    principal: yuan(r.principal_fen),
    interest: yuan(r.interest_fen),
    expectedRecovery: yuan(r.expected_recovery_fen),
    approvedOn: day(r.decided_at),
    applicantId: Number(r.created_by),
    loans: loans
      .filter((l) => Number(l.plan_id) === Number(r.id))
      .map((l) => ({
        loanId: Number(l.loan_id),
        loanNo: l.loan_no,
        principal: yuan(l.principal_fen),
        interest: yuan(l.interest_fen),
      })),
  }))
}

/**
 * Approved plans summed per org and method (for 计划完成情况 and other
 * dashboards): count, principal and expected recovery, in yuan text.
 */
export async function approvedPlanTotals(
  filter: Omit<ApprovedPlanFilter, 'limit' | 'planId'> = {}
): Promise<
  Array<{
    orgId: number
    method: string
    plans: number
    principal: string
    expectedRecovery: string
  }>
> {
  const rows = await approvedQuery(filter)
    .groupBy('p.org_id', 'p.method')
    .select(
      'p.org_id',
      'p.method',
      db.raw('COUNT(*) as plans'),
      db.raw('CAST(SUM(p.principal_fen) AS CHAR) as principal_fen'),
      db.raw('CAST(SUM(p.expected_recovery_fen) AS CHAR) as expected_recovery_fen')
    )
    .orderBy('p.org_id')
    .orderBy('p.method')
  return rows.map((r) => ({
    orgId: Number(r.org_id),
    method: r.method,
    plans: Number(r.plans),
    principal: Money.fromFen(String(r.principal_fen)).toYuan(),
    expectedRecovery: Money.fromFen(String(r.expected_recovery_fen)).toYuan(),
  }))
}
