/*
| 重组方案: a draft for one customer's loans with the method and its new terms
| (plans/terms.ts), submitted through the core workflow (type
| `restructuring:plan`, amount = the balance). Once approved the plan is in
| force and the observation period (观察期, 参数 restructuring.observationMonths,
| default 6 months from the effective date) runs: a deadline in the core engine
| reminds the managers before it ends, each loan's risk-asset timeline gets a
| `restructuring.plan` event (客户视图 shows it), and 履约跟踪 records each check.
| A loan that fails to perform ends the plan as 重组失败; only when the period
| is over with every check performing may the plan close as 观察期满 (the loan
| may then be upgraded) — earlier is a 409 naming the end date.
|
| The plan's loans are claimed through credit-assets' asset claims (one
| holder per loan across plugins) when the draft is saved, as a 核销方案's
| are: the draft already fixes the loans and their new terms, so a second
| disposal of them (核销, 转让, 减免, 批量转让) is refused with a 409 naming
| this plan before anyone works on either. The claim lasts through the
| observation period (the loans are still being restructured) and goes when
| the plan closes: rejected, withdrawn, 观察期满 or 重组失败.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { decimalText, Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import { deadlines } from '#core/deadlines/deadline_service'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { assetClaims } from '../../credit-assets/services/asset_claims.js'
import { recordRiskEvents } from '../../credit-assets/services/risk_events.js'
import { recordDisposalOutcome } from '../../disposal/services/outcomes_api.js'
import { CHECKS, LOANS, LOCKS, PLANS, planRow } from './store.js'
import { RestructuringError } from './restructuring_error.js'
import { observationEnd, termsGap, type TermsInput } from './terms.js'
import { METHODS, type PlanStatus } from './dictionaries.js'

export const WORKFLOW_TYPE = 'restructuring:plan'
export const OBSERVATION_MONTHS = 'restructuring.observationMonths'
export const EVENT_KIND = 'restructuring.plan'
const DEADLINE_KIND = 'restructuring:observation'

export interface PlanInput extends TermsInput {
  loanIds: number[]
  reasons: string
}

const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  /UNIQUE constraint failed|Duplicate entry/i.test(String(error?.message))

const count = (r: unknown) => Number(Array.isArray(r) ? r[0] : r)

/** The plan's hold on its loans in credit-assets' register (label: what a refusal names). */
const claimOwner = (planId: number, planNo = '') => ({
  holder: 'restructuring',
  ref: `plan:${planId}`,
  label: `重组方案 ${planNo}`,
})

export async function createPlan(access: UserAccess, input: PlanInput) {
  if (new Set(input.loanIds).size !== input.loanIds.length)
    throw new RestructuringError(422, '同一借据不能重复选择')
  const loans: NonNullable<Awaited<ReturnType<typeof bookApi.loans.byId>>>[] = []
  for (const id of input.loanIds) {
    const loan = await bookApi.loans.byId(id, { access })
    if (!loan) throw new RestructuringError(404, '借据不存在或无权访问')
    loans.push(loan)
  }
  if (new Set(loans.map((l) => l.customerId)).size > 1)
    throw new RestructuringError(422, '一个重组方案只能包含同一客户的借据')
  const closed = loans.find((l) => l.status !== 'active')
  if (closed)
    throw new RestructuringError(409, `${closed.loanNo} 状态为 ${closed.status}，不能重组`)
  const gap = termsGap(input, loans)
  if (gap) throw new RestructuringError(422, gap)
  const customer = await bookApi.customers.byId(loans[0].customerId)
  const balance = Money.sum(loans.map((l) => Money.fromYuan(l.balance)))
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table(PLANS).insert({
      plan_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      org_id: loans[0].orgId,
      created_by: access.user.id,
      customer_id: loans[0].customerId,
      customer_name: String(customer?.name ?? '').slice(0, 200),
      method: input.method,
      balance_fen: balance.toFen(),
      effective_on: input.effectiveOn,
      new_maturity_date: input.newMaturityDate ?? null,
      new_rate: input.newRate ?? null,
      new_loan_no: input.newLoanNo ?? null,
      equity_fen: input.equityAmount ? Money.fromYuan(input.equityAmount).toFen() : null,
      terms: input.terms ?? '',
      reasons: input.reasons,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const planId = Number(id)
    const stamp = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')
    const planNo = `CZFA${stamp}${String(planId).padStart(6, '0')}`
    await trx.from(PLANS).where('id', planId).update({ plan_no: planNo })
    // Held elsewhere: AssetClaimError, a 409 naming the holder (zh and en); the
    // transaction rolls back and no half-made plan is left.
    await assetClaims.claim(
      trx,
      claimOwner(planId, planNo),
      loans.map((l) => l.id)
    )
    try {
      await trx.table(LOCKS).multiInsert(loans.map((l) => ({ loan_id: l.id, plan_id: planId })))
    } catch (error) {
      if (isDuplicate(error)) throw new RestructuringError(409, '所选借据已在另一重组方案中')
      throw error
    }
    await trx.table(LOANS).multiInsert(
      loans.map((l) => ({
        plan_id: planId,
        loan_id: l.id,
        loan_no: l.loanNo,
        balance_fen: Money.fromYuan(l.balance).toFen(),
      }))
    )
    return planId
  })
}

export async function submitPlan(access: UserAccess, planId: number) {
  const plan = await planRow(access, planId)
  if (Number(plan.created_by) !== access.user.id)
    throw new RestructuringError(422, '只有申请人可以提交该重组方案')
  await db.transaction(async (trx) => {
    const moved = await trx
      .from(PLANS)
      .where('id', planId)
      .whereIn('status', ['draft', 'returned'])
      .update({ status: 'pending', submitted_at: dbNow(), updated_at: dbNow() })
    if (!count(moved)) throw new RestructuringError(409, '重组方案已提交，不能重复提交')
    await submitForApproval({
      type: WORKFLOW_TYPE,
      businessId: String(planId),
      title: `重组方案 ${plan.plan_no} ${plan.customer_name}`,
      amount: Money.fromFen(String(plan.balance_fen)).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
  })
}

export async function movePlan(
  trx: TransactionClientContract,
  planId: number,
  from: PlanStatus[],
  to: PlanStatus,
  extra: Record<string, unknown> = {}
) {
  const plan = await trx.from(PLANS).where('id', planId).forUpdate().first()
  if (!plan) throw new RestructuringError(404, '重组方案不存在')
  if (!from.includes(plan.status))
    throw new RestructuringError(409, `重组方案 ${plan.plan_no} 当前状态不能办理该操作`)
  await trx
    .from(PLANS)
    .where('id', planId)
    .update({ status: to, ...extra, updated_at: dbNow() })
  if (['rejected', 'withdrawn', 'completed', 'defaulted'].includes(to)) {
    await trx.from(LOCKS).where('plan_id', planId).delete()
    await assetClaims.release(trx, claimOwner(planId))
  }
  return plan
}

const deadlineKey = (planId: number) => ({
  source: 'restructuring',
  kind: DEADLINE_KIND,
  subjectType: 'restructuring_plan',
  subjectId: String(planId),
})

/** Approved: in force, the observation period starts, the timeline and the reminders follow. */
export async function startObservation(
  trx: TransactionClientContract,
  planId: number,
  actorId: number | null
) {
  const months = Number(await settings.raw(OBSERVATION_MONTHS))
  const approvedOn = await businessDate.current()
  const plan = await trx.from(PLANS).where('id', planId).first()
  const effective = String(
    plan.effective_on instanceof Date
      ? DateTime.fromJSDate(plan.effective_on).toISODate()
      : plan.effective_on
  ).slice(0, 10)
  const start = effective > approvedOn ? effective : approvedOn
  const end = observationEnd(start, months)
  await movePlan(trx, planId, ['pending'], 'observing', {
    approved_on: approvedOn,
    observation_months: months,
    observation_end: end,
  })
  const loans = await trx.from(LOANS).where('plan_id', planId)
  await recordRiskEvents(
    trx,
    loans.map((l: any) => ({
      type: EVENT_KIND as `${string}.${string}`,
      businessDate: approvedOn,
      loanId: Number(l.loan_id),
      customerId: Number(plan.customer_id),
      after: { planNo: plan.plan_no, method: plan.method, restructured: true, observationEnd: end },
      operatorId: actorId,
    }))
  )
  await applyToBook(trx, plan, loans, start, approvedOn, actorId)
  await deadlines.upsert(
    {
      ...deadlineKey(planId),
      title: `重组观察期届满 ${plan.plan_no} ${plan.customer_name}`.slice(0, 200),
      dueDate: end,
      rule: `重组贷款观察期 ${months} 个月（参数 ${OBSERVATION_MONTHS}），期满且履约正常方可申请上调风险分类`,
      offsets: [20, 5, 0],
      orgId: Number(plan.org_id),
      permission: 'restructuring:plan:list',
      record: { orgId: Number(plan.org_id), ownerId: Number(plan.created_by) },
      link: `/p/restructuring/Plans?id=${planId}`,
    },
    trx
  )
}

const METHOD_LABEL: Record<string, string> = Object.fromEntries(METHODS.map(([c, zh]) => [c, zh]))

/**
 * The approved plan in the book and in the disposal outcomes: each loan's new
 * terms (the new maturity of 展期 / 借新还旧) and the restructured flag through
 * credit-assets' bookWriter, from the date the terms apply; one disposal outcome
 * (method 重组; 债转股: the equity taken is the non-cash recovery and the 压降,
 * other methods reduce no balance — the loan stays in the book under new terms).
 */
async function applyToBook(
  trx: TransactionClientContract,
  plan: any,
  loans: any[],
  termsFrom: string,
  approvedOn: string,
  actorId: number | null
) {
  const label = METHOD_LABEL[plan.method] ?? plan.method
  const maturity = plan.new_maturity_date
    ? String(
        plan.new_maturity_date instanceof Date
          ? DateTime.fromJSDate(plan.new_maturity_date).toISODate()
          : plan.new_maturity_date
      ).slice(0, 10)
    : null
  for (const l of loans)
    await bookWriter.changeLoanTerms(trx, {
      loanId: Number(l.loan_id),
      maturityDate: maturity,
      rate: plan.new_rate === null ? null : decimalText(plan.new_rate, 6),
      reason: `资产重组 ${plan.plan_no} ${label}`,
      businessDate: termsFrom,
      operatorId: actorId,
    })
  const equity =
    plan.method === 'debt_equity' && plan.equity_fen !== null
      ? Money.fromFen(String(plan.equity_fen)).toYuan()
      : '0.00'
  await recordDisposalOutcome(trx, {
    loanIds: loans.map((l: any) => Number(l.loan_id)),
    method: 'restructuring',
    completedOn: approvedOn,
    nonCashRecovered: equity,
    balanceReduced: equity,
    sourcePlugin: 'restructuring',
    sourceRef: `plan:${plan.id}`,
    sourceLink: `/p/restructuring/Plans?id=${plan.id}`,
    remark: `${label}：${String(plan.terms ?? '')}`.slice(0, 500),
    operatorId: actorId,
  })
}

/** 履约跟踪: one check; a loan not performing ends the plan as 重组失败. */
export async function recordCheck(
  access: UserAccess,
  planId: number,
  input: { checkedOn: string; performing: boolean; overdueDays: number; remark: string }
) {
  const plan = await planRow(access, planId)
  if (plan.status !== 'observing')
    throw new RestructuringError(409, '只有观察期内的重组方案可以登记履约跟踪')
  if (input.checkedOn > (await businessDate.current()))
    throw new RestructuringError(422, '跟踪日期不能晚于当前营业日')
  await db.transaction(async (trx) => {
    await trx.table(CHECKS).insert({
      plan_id: planId,
      checked_on: input.checkedOn,
      performing: input.performing,
      overdue_days: input.overdueDays,
      remark: input.remark,
      checked_by: access.user.id,
      created_at: dbNow(),
    })
    if (!input.performing) {
      await movePlan(trx, planId, ['observing'], 'defaulted', {
        closed_on: input.checkedOn,
        close_remark: `观察期内未正常履约：${input.remark}`.slice(0, 1000),
      })
      await deadlines.remove(deadlineKey(planId), trx)
    }
  })
}

/** 观察期满: refused before the end date (409). */
export async function closeObservation(access: UserAccess, planId: number, remark: string) {
  const plan = await planRow(access, planId)
  if (plan.status !== 'observing')
    throw new RestructuringError(409, '只有观察期内的重组方案可以办理期满')
  const end = String(
    plan.observation_end instanceof Date
      ? DateTime.fromJSDate(plan.observation_end).toISODate()
      : plan.observation_end
  ).slice(0, 10)
  const today = await businessDate.current()
  if (today < end) throw new RestructuringError(409, `观察期至 ${end} 届满，届满前不能上调分类`)
  await db.transaction(async (trx) => {
    await movePlan(trx, planId, ['observing'], 'completed', {
      closed_on: today,
      close_remark: remark,
    })
    await deadlines.remove(deadlineKey(planId), trx)
  })
}
