/*
| 诉前方案: what a save needs before its transaction — the customer and loans in the
| applicant's scope, the figures fetched at the application date, the checks on
| 标的金额 and the linked 处置预案 — and the columns and loan rows it writes
| (plan_service.ts runs the moves).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/identity/user_access'
import { approvedPlans } from '../../disposal/services/plans_api.js'
import { fetchPlanFacts, type BookLoan, type PlanFacts } from './plan_facts.js'
import { scopedCustomers, scopedLoans } from './plan_scope.js'
import { LitPlanError } from './plan_error.js'

export interface LitPlanInput {
  customerId: number
  loanIds: number[]
  caseType: string
  judicialMethod: string
  bankRole: string
  businessSegment: string
  /** 标的本金 / 标的利息 in yuan; omitted = the system's figures at the application date. */
  claimPrincipal?: string
  claimInterest?: string
  amountReason?: string
  cause: string
  applicationReason: string
  disposalPlanId?: number
}

const LOAN_COLUMNS = [
  'l.id',
  'l.loan_no',
  'l.customer_id',
  'l.status',
  ...['balance_fen', 'overdue_interest_fen', 'penalty_interest_fen', 'compound_interest_fen'].map(
    (c) => db.raw(`CAST(l.${c} AS CHAR) as ${c}`)
  ),
]

/** The customer and the chosen loans, in the user's scope, or a 404/422 naming what is wrong. */
export async function planSubject(access: UserAccess, customerId: number, loanIds: number[]) {
  const customer = await scopedCustomers(access).where('c.id', customerId).select('c.*').first()
  if (!customer) throw new LitPlanError(404, '客户不存在或无权访问', 'customerId')
  const unique = [...new Set(loanIds)]
  const loans: Array<BookLoan & { status: string }> = await scopedLoans(access)
    .whereIn('l.id', unique)
    .where('l.customer_id', customer.id)
    .select(LOAN_COLUMNS)
    .orderBy('l.id')
  if (loans.length !== unique.length)
    throw new LitPlanError(422, '所选借据不属于该客户或无权访问', 'loanIds')
  return { customer, loans }
}

export async function planFacts(access: UserAccess, customerId: number, loanIds: number[]) {
  const subject = await planSubject(access, customerId, loanIds)
  const timeoutMs = await settings.integer('litigation.plan.prefillTimeoutMs')
  return fetchPlanFacts(
    { customerNo: subject.customer.customer_no, loans: subject.loans },
    await businessDate.current(),
    timeoutMs
  )
}

function sourceOf(facts: PlanFacts) {
  const sources = new Set(facts.loans.map((l) => l.source))
  return sources.size > 1 ? 'mixed' : [...sources][0]
}

/** Validates and fetches everything a save needs, before any transaction (SQLite: one connection). */
export async function preparePlan(access: UserAccess, input: LitPlanInput) {
  const subject = await planSubject(access, input.customerId, input.loanIds)
  const inactive = subject.loans.find((l) => l.status !== 'active')
  if (inactive)
    throw new LitPlanError(422, `借据 ${inactive.loan_no} 已结清或核销，不能起诉`, 'loanIds')
  const facts = await fetchPlanFacts(
    { customerNo: subject.customer.customer_no, loans: subject.loans },
    await businessDate.current(),
    await settings.integer('litigation.plan.prefillTimeoutMs')
  )
  const systemPrincipal = Money.fromYuan(facts.principal)
  const systemInterest = Money.fromYuan(facts.interest)
  const principal = input.claimPrincipal ? Money.fromYuan(input.claimPrincipal) : systemPrincipal
  const interest = input.claimInterest ? Money.fromYuan(input.claimInterest) : systemInterest
  const edited = !principal.equals(systemPrincipal) || !interest.equals(systemInterest)
  const reason = input.amountReason?.trim() || null
  if (edited && !reason) {
    throw new LitPlanError(
      422,
      `标的金额与申请日系统数据（本金 ${facts.principal}，利息 ${facts.interest}）不一致，请填写调整原因`,
      'amountReason'
    )
  }
  if (principal.plus(interest).isZero())
    throw new LitPlanError(422, '申请日标的金额不能为 0', 'claimPrincipal')
  let disposalPlanNo: string | null = null
  if (input.disposalPlanId) {
    const [linked] = await approvedPlans({
      planId: input.disposalPlanId,
      customerId: subject.customer.id,
      access,
      limit: 1,
    })
    if (!linked)
      throw new LitPlanError(422, '关联的处置预案不是该客户已批准的预案', 'disposalPlanId')
    disposalPlanNo = linked.planNo
  }
  return {
    subject,
    facts,
    principal,
    interest,
    systemPrincipal,
    systemInterest,
    reason: edited ? reason : null,
    disposalPlanNo,
  }
}

export type Prepared = Awaited<ReturnType<typeof preparePlan>>

export function planColumns(input: LitPlanInput, p: Prepared) {
  return {
    customer_id: p.subject.customer.id,
    customer_no: p.subject.customer.customer_no,
    customer_name: p.subject.customer.name,
    org_id: p.subject.customer.org_id,
    case_type: input.caseType,
    judicial_method: input.judicialMethod,
    bank_role: input.bankRole,
    business_segment: input.businessSegment,
    application_date: p.facts.applicationDate,
    principal_fen: p.principal.toFen(),
    interest_fen: p.interest.toFen(),
    system_principal_fen: p.systemPrincipal.toFen(),
    system_interest_fen: p.systemInterest.toFen(),
    figures_source: sourceOf(p.facts),
    amount_reason: p.reason,
    cause: input.cause,
    reasons: input.applicationReason,
    disposal_plan_id: input.disposalPlanId ?? null,
    disposal_plan_no: p.disposalPlanNo,
    collections_json: JSON.stringify({ ...p.facts.collections, figures: p.facts.figures }),
  }
}

export async function writeLoans(trx: TransactionClientContract, planId: number, p: Prepared) {
  await trx.from('lit_plan_loans').where('plan_id', planId).delete()
  await trx.table('lit_plan_loans').multiInsert(
    p.facts.loans.map((l) => ({
      plan_id: planId,
      loan_id: l.loanId,
      loan_no: l.loanNo,
      principal_fen: Money.fromYuan(l.principal).toFen(),
      interest_fen: Money.fromYuan(l.interest).toFen(),
      figures_source: l.source,
    }))
  )
}
