/*
| 处置预案的申请、修改与提交. The applicant picks a customer and loans in
| their data scope; the server — never the browser — fetches the facts from the
| bank's systems, freezes the loans' figures (core banking, or the book when it
| is down) and stores the sections as the applicant saw them. Submitting hands
| the plan to the approval workflow (type `disposal:plan`, amount = principal
| for the 授权 tiers) in the same transaction that marks it pending.
|
| Who may do what (every by-id read and write inside the caller's data scope,
| out of scope = 404):
|   action                  who                                         code
|   create                  anyone holding the apply code               disposal:plan:create
|   update, submit          the applicant only (created_by), while      disposal:plan:create
|                           draft / returned / withdrawn (EDITABLE_STATUSES)
|   approve, reject,        the approvers the chain names, through      (workflow tasks)
|   return                  the workflow (workflow/plan_handler.ts)
|   withdraw, resubmit      the applicant, from the approval page       (workflow)
|   mark implemented        a disposal outcome recorded for it by the   (services/outcomes_api.ts)
|                           disposing plugin (outcomes/record_outcome.ts)
|
| Which status moves to which (each move one row in plan_events):
|   (new)     → draft       createPlan
|   draft     → pending     submitPlan      returned → pending   submitPlan / resubmitPlan
|   withdrawn → pending     submitPlan
|   pending   → approved | rejected | returned | withdrawn        decidePlan (workflow)
|   approved  → implemented                                      outcomes/record_outcome.ts
| Nothing else moves: approved, rejected and implemented are final for the plan;
| a refused move is a 409 (PlanError), never a silent overwrite.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { dictionariesCache } from '#core/registry/dictionaries_cache'
import { submitForApproval } from '#core/workflow/submit'
import { planBankSystems } from './bank_systems.js'
import { loadPrefill, type PrefillSection } from './prefill.js'
import { loanFigures, type LoanRow } from './plan_figures.js'
import { recordPlanEvent } from './plan_events.js'
import { scopedCustomers, scopedLoans } from './plan_scope.js'
import { EDITABLE_STATUSES, type PlanStatus } from './dictionaries.js'
import { RELEASING_DECISIONS, claimPlanLoans, releasePlanLoans } from './plan_claims.js'

export const PLAN_WORKFLOW_TYPE = 'disposal:plan'

/** A refusal the applicant can act on; the message reaches them as is. */
export class PlanError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string
  ) {
    super(message)
  }
}

export interface PlanInput {
  customerId: number
  loanIds: number[]
  method: string
  expectedRecovery: string
  reasons: string
}

const LOAN_COLUMNS = [
  'l.id',
  'l.loan_no',
  'l.customer_id',
  'l.status',
  'l.five_class',
  'l.overdue_days',
  ...['balance_fen', 'overdue_interest_fen', 'penalty_interest_fen', 'compound_interest_fen'].map(
    (c) => db.raw(`CAST(l.${c} AS CHAR) as ${c}`)
  ),
]

/** The customer and the chosen loans, or a 404/422 naming what is wrong. */
export async function subjectOf(access: UserAccess, customerId: number, loanIds: number[]) {
  const customer = await scopedCustomers(access).where('c.id', customerId).select('c.*').first()
  if (!customer) throw new PlanError(404, '客户不存在或无权访问')
  const unique = [...new Set(loanIds)]
  const loans: LoanRow[] = await scopedLoans(access)
    .whereIn('l.id', unique)
    .where('l.customer_id', customer.id)
    .select(LOAN_COLUMNS)
    .orderBy('l.id')
  if (loans.length !== unique.length) throw new PlanError(422, '所选借据不属于该客户或无权访问')
  return { customer, loans }
}

export async function prefillTimeoutMs() {
  return settings.integer('disposal.plan.prefillTimeoutMs')
}

/** The form's real-time facts for a customer and loans. */
export async function fetchPrefill(subject: {
  customer: { customer_no: string }
  loans: LoanRow[]
}): Promise<PrefillSection[]> {
  return loadPrefill(
    {
      customerNo: subject.customer.customer_no,
      loans: subject.loans.map((l) => ({ loanNo: l.loan_no })),
    },
    await planBankSystems.get(),
    await prefillTimeoutMs()
  )
}

async function assertMethod(method: string) {
  const { data } = await dictionariesCache.current()
  const item = (data['disposal_method'] ?? []).find((i) => i.code === method)
  if (!item || !item.enabled) throw new PlanError(422, '处置方式不在字典中或已停用')
}

/** A loan may be in one plan under approval at a time (two approvers deciding the same loan). */
async function assertNotUnderApproval(
  trx: TransactionClientContract,
  loanIds: number[],
  planId?: number
) {
  const query = trx
    .from('disposal_plan_loans as pl')
    .join('disposal_plans as p', 'p.id', 'pl.plan_id')
    .whereIn('pl.loan_id', loanIds)
    .where('p.status', 'pending')
    .select('pl.loan_no', 'p.plan_no')
  if (planId) query.whereNot('p.id', planId)
  const busy = await query.first()
  if (busy) throw new PlanError(409, `借据 ${busy.loan_no} 已在审批中的预案 ${busy.plan_no} 中`)
}

/** Validates and fetches everything a save needs, before any transaction (SQLite: one connection). */
async function prepare(access: UserAccess, input: PlanInput) {
  await assertMethod(input.method)
  const subject = await subjectOf(access, input.customerId, input.loanIds)
  const inactive = subject.loans.find((l: any) => l.status !== 'active')
  if (inactive) throw new PlanError(422, `借据 ${inactive.loan_no} 已结清或核销，不能纳入预案`)
  const sections = await fetchPrefill(subject)
  const figures = loanFigures(
    subject.loans,
    sections.find((s) => s.section === 'principal')
  )
  return {
    subject,
    figures,
    sections,
    principal: Money.sum(figures.map((f) => f.principal)),
    interest: Money.sum(figures.map((f) => f.interest)),
  }
}

async function writeLoans(
  trx: TransactionClientContract,
  planId: number,
  prepared: Awaited<ReturnType<typeof prepare>>
) {
  await trx.from('disposal_plan_loans').where('plan_id', planId).delete()
  await trx.table('disposal_plan_loans').multiInsert(
    prepared.figures.map((f) => ({
      plan_id: planId,
      loan_id: f.loanId,
      loan_no: f.loanNo,
      principal_fen: f.principal.toFen(),
      interest_fen: f.interest.toFen(),
      five_class: f.fiveClass,
      overdue_days: f.overdueDays,
      figures_source: f.source,
    }))
  )
}

const loanIdsOf = (prepared: Awaited<ReturnType<typeof prepare>>) =>
  prepared.figures.map((f) => f.loanId)

function planColumns(input: PlanInput, prepared: Awaited<ReturnType<typeof prepare>>) {
  return {
    customer_id: prepared.subject.customer.id,
    customer_no: prepared.subject.customer.customer_no,
    customer_name: prepared.subject.customer.name,
    org_id: prepared.subject.customer.org_id,
    method: input.method,
    principal_fen: prepared.principal.toFen(),
    interest_fen: prepared.interest.toFen(),
    expected_recovery_fen: Money.fromYuan(input.expectedRecovery).toFen(),
    reasons: input.reasons,
    prefill_json: JSON.stringify(prepared.sections),
  }
}

/** 保存草稿: a new plan in `draft`. Returns its id. */
export async function createPlan(
  access: UserAccess,
  input: PlanInput,
  onCommit?: (trx: TransactionClientContract, planId: number) => Promise<void>
) {
  const prepared = await prepare(access, input)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('disposal_plans').insert({
      ...planColumns(input, prepared),
      // A unique placeholder until the id is known; the number embeds the id.
      plan_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      created_by: access.user.id,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const planId = Number(id)
    const planNo = `CZYA${DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')}${String(planId).padStart(6, '0')}`
    await trx.from('disposal_plans').where('id', planId).update({ plan_no: planNo })
    await claimPlanLoans(trx, { id: planId, planNo }, loanIdsOf(prepared))
    await writeLoans(trx, planId, prepared)
    await recordPlanEvent(trx, {
      planId,
      eventType: 'created',
      fromStatus: null,
      toStatus: 'draft',
      actorId: access.user.id,
    })
    await onCommit?.(trx, planId)
    return planId
  })
}

/** Locks the applicant's own editable plan, or refuses. */
async function lockEditable(trx: TransactionClientContract, planId: number, userId: number) {
  const plan = await trx.from('disposal_plans').where('id', planId).forUpdate().first()
  if (!plan) throw new PlanError(404, '记录不存在或无权访问')
  if (Number(plan.created_by) !== userId) throw new PlanError(409, '只有申请人可以修改或提交预案')
  if (!EDITABLE_STATUSES.includes(plan.status)) {
    throw new PlanError(409, '预案已提交审批或已审结，不能修改')
  }
  return plan
}

/** 修改: the applicant's draft, returned or withdrawn plan; figures and facts fetched again. */
export async function updatePlan(
  access: UserAccess,
  planId: number,
  input: PlanInput,
  onCommit?: (trx: TransactionClientContract) => Promise<void>
) {
  const prepared = await prepare(access, input)
  await db.transaction(async (trx) => {
    const plan = await lockEditable(trx, planId, access.user.id)
    await trx
      .from('disposal_plans')
      .where('id', planId)
      .update({ ...planColumns(input, prepared), updated_at: dbNow() })
    await claimPlanLoans(trx, { id: planId, planNo: plan.plan_no }, loanIdsOf(prepared))
    await writeLoans(trx, planId, prepared)
    await recordPlanEvent(trx, {
      planId,
      eventType: 'updated',
      fromStatus: plan.status,
      toStatus: plan.status,
      actorId: access.user.id,
    })
    await onCommit?.(trx)
  })
}

/** 提交审批: pending + a workflow instance, in one transaction. */
export async function submitPlan(
  access: UserAccess,
  planId: number,
  onCommit?: (trx: TransactionClientContract) => Promise<void>
) {
  return db.transaction(async (trx) => {
    const plan = await lockEditable(trx, planId, access.user.id)
    const loanIds = (
      await trx.from('disposal_plan_loans').where('plan_id', planId).select('loan_id')
    ).map((r) => Number(r.loan_id))
    await assertNotUnderApproval(trx, loanIds, planId)
    // A withdrawn 预案 released its loans: they are claimed again (409 if taken meanwhile).
    await claimPlanLoans(trx, { id: planId, planNo: plan.plan_no }, loanIds)
    const { instanceId } = await submitForApproval({
      type: PLAN_WORKFLOW_TYPE,
      businessId: String(planId),
      title: `处置预案 ${plan.plan_no} ${plan.customer_name}`,
      amount: Money.fromFen(plan.principal_fen).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
    const now = dbNow()
    await trx.from('disposal_plans').where('id', planId).update({
      status: 'pending',
      workflow_instance_id: instanceId,
      submitted_at: now,
      decided_at: null,
      updated_at: now,
    })
    await recordPlanEvent(trx, {
      planId,
      eventType: 'submitted',
      fromStatus: plan.status,
      toStatus: 'pending',
      actorId: access.user.id,
    })
    await onCommit?.(trx)
    return { instanceId, planNo: plan.plan_no as string }
  })
}

/**
 * The workflow's decision on a plan (called by the handler inside the
 * decision's transaction). Only a pending plan changes; anything else is a
 * bug in the caller, so it throws and the decision rolls back.
 */
/**
 * The applicant resubmitted a returned approval unchanged from the workflow page
 * (onResubmitted): the plan is under approval again.
 */
export async function resubmitPlan(
  trx: TransactionClientContract,
  planId: number,
  actorId: number
) {
  const plan = await trx.from('disposal_plans').where('id', planId).forUpdate().first()
  if (!plan) throw new PlanError(404, `处置预案 ${planId} 不存在`)
  if (plan.status !== 'returned') {
    throw new PlanError(409, `处置预案 ${plan.plan_no} 未被退回（当前状态 ${plan.status}）`)
  }
  const now = dbNow()
  await trx
    .from('disposal_plans')
    .where('id', planId)
    .update({ status: 'pending', submitted_at: now, decided_at: null, updated_at: now })
  await recordPlanEvent(trx, {
    planId,
    eventType: 'submitted',
    fromStatus: 'returned',
    toStatus: 'pending',
    actorId,
  })
}

export async function decidePlan(
  trx: TransactionClientContract,
  planId: number,
  to: Exclude<PlanStatus, 'draft' | 'pending'>,
  actorId: number
) {
  const plan = await trx.from('disposal_plans').where('id', planId).forUpdate().first()
  if (!plan) throw new PlanError(404, `处置预案 ${planId} 不存在`)
  if (plan.status !== 'pending') {
    throw new PlanError(409, `处置预案 ${plan.plan_no} 不在审批中（当前状态 ${plan.status}）`)
  }
  const now = dbNow()
  const final = to === 'approved' || to === 'rejected'
  await trx
    .from('disposal_plans')
    .where('id', planId)
    .update({ status: to, decided_at: final ? now : null, updated_at: now })
  if (RELEASING_DECISIONS.includes(to)) await releasePlanLoans(trx, planId)
  await recordPlanEvent(trx, {
    planId,
    eventType: to,
    fromStatus: plan.status,
    toStatus: to,
    actorId,
  })
}
