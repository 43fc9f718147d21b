/* Reading 重组方案 rows in the caller's data scope; plain data out (yuan text, 'YYYY-MM-DD'). */
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money, decimalText } from '#core/money/money'
import { RestructuringError } from './restructuring_error.js'

export const PLANS = 'restructuring_plans'
export const LOANS = 'restructuring_loans'
export const LOCKS = 'restructuring_locks'
export const CHECKS = 'restructuring_checks'

const yuan = (fen: unknown) =>
  fen === null || fen === undefined ? null : Money.fromFen(String(fen)).toYuan()
export const day = (v: unknown) =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? DateTime.fromJSDate(v).toISODate()!
      : String(v).slice(0, 10)

export function scopedPlans(access: UserAccess, client: Pick<QueryClientContract, 'from'> = db) {
  return applyDataScope(
    client
      .from(`${PLANS} as p`)
      .select(
        'p.*',
        db.raw('CAST(p.balance_fen AS CHAR) as balance_fen'),
        db.raw('CAST(p.equity_fen AS CHAR) as equity_fen')
      ),
    access,
    { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' }
  )
}

export async function planRow(access: UserAccess, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new RestructuringError(404, '重组方案不存在或无权访问')
  const row = await scopedPlans(access).where('p.id', id).first()
  if (!row) throw new RestructuringError(404, '重组方案不存在或无权访问')
  return row
}

export const planPlain = (r: any) => ({
  id: Number(r.id),
  planNo: r.plan_no,
  orgId: Number(r.org_id),
  createdBy: Number(r.created_by),
  customerId: Number(r.customer_id),
  customerName: r.customer_name,
  method: r.method,
  balance: yuan(r.balance_fen)!,
  effectiveOn: day(r.effective_on),
  newMaturityDate: day(r.new_maturity_date),
  newRate: r.new_rate === null || r.new_rate === undefined ? null : decimalText(r.new_rate, 6),
  newLoanNo: r.new_loan_no ?? null,
  equityAmount: yuan(r.equity_fen),
  terms: r.terms,
  reasons: r.reasons,
  status: r.status,
  observationMonths: r.observation_months === null ? null : Number(r.observation_months),
  approvedOn: day(r.approved_on),
  observationEnd: day(r.observation_end),
  closedOn: day(r.closed_on),
  closeRemark: r.close_remark ?? null,
  createdAt: new Date(r.created_at).toISOString(),
})

export async function planDetail(access: UserAccess, id: number) {
  const row = await planRow(access, id)
  const loans = await db
    .from(LOANS)
    .where('plan_id', id)
    .orderBy('id')
    .select('loan_id', 'loan_no', db.raw('CAST(balance_fen AS CHAR) as balance_fen'))
  const checks = await db.from(CHECKS).where('plan_id', id).orderBy('checked_on').orderBy('id')
  return {
    ...planPlain(row),
    loans: loans.map((l: any) => ({
      loanId: Number(l.loan_id),
      loanNo: l.loan_no,
      balance: yuan(l.balance_fen),
    })),
    checks: checks.map((c: any) => ({
      id: Number(c.id),
      checkedOn: day(c.checked_on),
      performing: Boolean(c.performing),
      overdueDays: Number(c.overdue_days),
      remark: c.remark,
    })),
  }
}
