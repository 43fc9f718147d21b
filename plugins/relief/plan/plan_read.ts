/*
| Reading plans: the data scope (org + owner, out of scope = 404), the whole
| plan with its loans, instalments (paid / overdue as of the business date),
| postings with their core-banking state, and the status trail.
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { Money } from '#core/money/money'
import { BUCKETS, BUCKET_COLUMN, zeroAmounts, type Amounts, type Bucket } from './buckets.js'
import { postingFromRow, postingStates, KIND_LABELS } from './postings.js'

export const PLAN_SCOPE = { orgColumn: 'p.org_id', ownerColumn: 'p.created_by' }

export const yuan = (fen: unknown) => Money.fromFen(String(fen ?? '0')).toYuan()
const day = (v: unknown) =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? DateTime.fromJSDate(v).toISODate()
      : String(v).slice(0, 10)

/** Plans in the caller's scope (a query builder: never return it from an async function). */
export function scopedPlans(
  access: UserAccess,
  client: TransactionClientContract | typeof db = db
) {
  return applyDataScope(client.from('relief_plans as p'), access, PLAN_SCOPE)
}

export function amountsOf(row: any, kind: 'owed' | 'relief'): Amounts {
  const a = zeroAmounts()
  for (const b of BUCKETS) a[b] = BigInt(String(row[`${BUCKET_COLUMN[b]}_${kind}_fen`] ?? 0))
  return a
}
const amountsYuan = (a: Amounts) =>
  Object.fromEntries(BUCKETS.map((b) => [b, yuan(a[b])])) as Record<Bucket, string>

export function planSummary(r: any) {
  return {
    id: Number(r.id),
    planNo: r.plan_no,
    debtorRole: r.debtor_role,
    customerId: Number(r.customer_id),
    guaranteeId: r.guarantee_id === null ? null : Number(r.guarantee_id),
    guarantorCustomerId: r.guarantor_customer_id === null ? null : Number(r.guarantor_customer_id),
    guarantorName: r.guarantor_name ?? null,
    releasesBorrower: Boolean(r.releases_borrower),
    planDate: day(r.plan_date),
    bucketSource: r.bucket_source,
    bucketDate: day(r.bucket_date),
    allocationOrder: JSON.parse(r.allocation_order) as Bucket[],
    owed: yuan(r.owed_fen),
    interestOwed: yuan(r.interest_owed_fen),
    relief: yuan(r.relief_fen),
    reliefInterest: yuan(r.relief_interest_fen),
    reliefPrincipal: yuan(r.relief_principal_fen),
    payAmount: yuan(r.pay_fen),
    paid: yuan(r.paid_fen),
    paymentMode: r.payment_mode,
    conditions: r.conditions ?? null,
    agreementDate: day(r.agreement_date),
    status: r.status,
    statusReason: r.status_reason ?? null,
    committeeDecision: r.committee_decision ?? null,
    committeeResolution: r.committee_resolution ?? null,
    orgId: Number(r.org_id),
    createdBy: Number(r.created_by),
  }
}
export type PlanSummary = ReturnType<typeof planSummary>

export async function readPlan(
  id: number,
  access: UserAccess | null,
  businessDate: string,
  client: TransactionClientContract | typeof db = db
) {
  const query = access ? scopedPlans(access, client) : client.from('relief_plans as p')
  const row = await query.where('p.id', id).select('p.*').first()
  if (!row) return null
  const loans = await client.from('relief_plan_loans').where('plan_id', id).orderBy('id')
  const instalments = await client.from('relief_instalments').where('plan_id', id).orderBy('seq')
  const postingRows = await client.from('relief_postings').where('plan_id', id).orderBy('id')
  const states = await postingStates(
    client,
    postingRows.map((p: any) => Number(p.id))
  )
  const reversedBy = new Map(
    postingRows
      .filter((p: any) => p.reverses_id)
      .map((p: any) => [Number(p.reverses_id), p.notice_no])
  )
  const events = await client
    .from('relief_status_events as e')
    .leftJoin('users as u', 'u.id', 'e.operator_id')
    .where('e.plan_id', id)
    .orderBy('e.id')
    .select('e.*', 'u.real_name as operator_name')
  return {
    ...planSummary(row),
    loans: loans.map((l: any) => ({
      loanId: Number(l.loan_id),
      loanNo: l.loan_no,
      fiveClass: l.five_class,
      owed: amountsYuan(amountsOf(l, 'owed')),
      relief: amountsYuan(amountsOf(l, 'relief')),
    })),
    instalments: instalments.map((i: any) => {
      const paid = BigInt(String(i.paid_fen)) >= BigInt(String(i.amount_fen))
      const due = day(i.due_date)!
      return {
        id: Number(i.id),
        seq: Number(i.seq),
        dueDate: due,
        amount: yuan(i.amount_fen),
        paid: yuan(i.paid_fen),
        paidOn: day(i.paid_on),
        state: paid ? 'paid' : due < businessDate ? 'overdue' : 'due',
      }
    }),
    postings: postingRows.map((p: any) => {
      const posting = postingFromRow(p)
      return {
        ...posting,
        amount: yuan(posting.amountFen),
        kindLabel: KIND_LABELS[posting.kind],
        reversedBy: reversedBy.get(posting.id) ?? null,
        postingState: states.get(posting.id) ?? 'pending',
        lines: posting.lines.map((l) => ({ ...l, amount: yuan(l.amountFen) })),
      }
    }),
    events: events.map((e: any) => ({
      from: e.from_status,
      to: e.to_status,
      reason: e.reason,
      operator: e.operator_name ?? null,
      at: e.created_at,
    })),
  }
}
export type PlanView = NonNullable<Awaited<ReturnType<typeof readPlan>>>
