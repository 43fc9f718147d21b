/*
| Reading 核销方案 rows: the plan in the caller's data scope (org of the plan, or
| the applicant for 仅本人), its items, and plain data out (money as yuan text).
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { WriteOffError } from './write_off_error.js'

export const PLANS = 'write_off_plans'
export const ITEMS = 'write_off_plan_items'
export const LOCKS = 'write_off_locks'

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
/** A DATE column as 'YYYY-MM-DD' (the driver's Date is local midnight, as the core reads it). */
export const day = (v: unknown) =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? DateTime.fromJSDate(v).toISODate()!
      : String(v).slice(0, 10)

const PLAN_MONEY = ['total_fen']
const ITEM_MONEY = [
  'principal_fen',
  'on_balance_interest_fen',
  'off_balance_interest_fen',
  'fee_fen',
]
const text = (columns: string[], alias: string) =>
  columns.map((c) => db.raw(`CAST(${alias}.${c} AS CHAR) as ${c}`))

export function scopedPlans(access: UserAccess, client: Pick<QueryClientContract, 'from'> = db) {
  return applyDataScope(
    client.from(`${PLANS} as p`).select('p.*', ...text(PLAN_MONEY, 'p')),
    access,
    { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' }
  )
}

export async function planRow(access: UserAccess, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) throw new WriteOffError(404, '核销方案不存在或无权访问')
  const row = await scopedPlans(access).where('p.id', id).first()
  if (!row) throw new WriteOffError(404, '核销方案不存在或无权访问')
  return row
}

export async function itemRows(planId: number, client: Pick<QueryClientContract, 'from'> = db) {
  return client
    .from(`${ITEMS} as i`)
    .where('i.plan_id', planId)
    .select('i.*', ...text(ITEM_MONEY, 'i'))
    .orderBy('i.id')
}

export function itemPlain(r: any) {
  const total =
    BigInt(r.principal_fen) +
    BigInt(r.on_balance_interest_fen) +
    BigInt(r.off_balance_interest_fen) +
    BigInt(r.fee_fen)
  return {
    id: Number(r.id),
    subjectKind: r.subject_kind,
    subjectId: Number(r.subject_id),
    subjectNo: r.subject_no,
    customerId: Number(r.customer_id),
    customerName: r.customer_name,
    orgId: Number(r.org_id),
    ruleCode: r.rule_code,
    principal: yuan(r.principal_fen),
    onBalanceInterest: yuan(r.on_balance_interest_fen),
    offBalanceInterest: yuan(r.off_balance_interest_fen),
    fee: yuan(r.fee_fen),
    total: yuan(total),
    writtenOffOn: day(r.written_off_on),
    noRecourse: Boolean(r.no_recourse),
    noRecourseOn: day(r.no_recourse_on),
  }
}

export function planPlain(r: any) {
  return {
    id: Number(r.id),
    planNo: r.plan_no,
    kind: r.kind,
    title: r.title,
    reasons: r.reasons,
    orgId: Number(r.org_id),
    createdBy: Number(r.created_by),
    status: r.status,
    itemCount: Number(r.item_count),
    total: yuan(r.total_fen),
    reviewId: r.review_id === null ? null : Number(r.review_id),
    committeeRequired: Boolean(r.committee_required),
    committeeRef: r.committee_ref ?? null,
    committeeResult: r.committee_result ?? null,
    committeeDecidedOn: day(r.committee_decided_on),
    committeeRemark: r.committee_remark ?? null,
    replyNo: r.reply_no ?? null,
    repliedOn: day(r.replied_on),
    replyText: r.reply_text ?? null,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  }
}
