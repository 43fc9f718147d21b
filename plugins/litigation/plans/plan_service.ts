/*
| 诉前方案申报: apply, modify, delete a draft, submit, and the workflow's decisions.
| The applicant picks a customer and loans in their data scope; the server — never
| the browser — fetches 标的本金/标的利息 from 核心系统 at the application date (the book
| when it is down) and the 催收 records from 智能催收, and stores them as the applicant
| saw them. An applicant may change 标的金额 only with a reason. Submitting hands the
| plan to the approval workflow (type `litigation:plan`, amount = 申请日标的金额 for the
| 授权 tiers) in the transaction that marks it pending.
|
| Who may do what, and which status moves to which (PLAN_MOVES below is this table;
| every write locks the plan through it, so the rule lives in one place):
|
|   move       who                          from                          to
|   create     applicant, customer+loans    —                             draft
|              in their data scope
|   update     the applicant (creator)      draft, returned, withdrawn    (stays)
|   delete     the applicant (creator)      draft                         (gone)
|   submit     the applicant (creator)      draft, returned, withdrawn    pending
|   approved   the workflow's decision      pending                       approved
|   rejected   the workflow's decision      pending                       rejected
|   returned   the workflow's decision      pending                       returned
|   withdrawn  the workflow (applicant)     pending                       withdrawn
|   resubmit   the workflow (applicant)     returned                      pending
|
| approved and rejected are final (decided_at set); a submit is refused while
| another pending plan holds one of the loans.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { recordLitPlanEvent } from './plan_events.js'
import { EDITABLE_STATUSES, type LitPlanStatus } from './dictionaries.js'
import { LitPlanError } from './plan_error.js'
import { preparePlan, planColumns, writeLoans, type LitPlanInput } from './plan_input.js'

export { LitPlanError } from './plan_error.js'
export { planFacts, planSubject, type LitPlanInput } from './plan_input.js'

export const LIT_PLAN_WORKFLOW_TYPE = 'litigation:plan'

type PlanRow = { plan_no: string; status: string }

/** One row of the table above: who moves the plan, from which statuses, to which. */
interface PlanMove {
  by: 'applicant' | 'workflow'
  from: readonly LitPlanStatus[]
  /** null: the status stays (update) or the plan goes (delete). */
  to: LitPlanStatus | null
  /** The 409 when the plan is in another status. */
  refused: (plan: PlanRow) => string
  /** A final decision: decided_at is set. */
  final?: boolean
}

const notEditable = () => '方案已提交审批或已审结，不能修改'
const notPending = (plan: PlanRow) =>
  `诉前方案 ${plan.plan_no} 不在审批中（当前状态 ${plan.status}）`
const decision = (to: LitPlanStatus, final = false): PlanMove & { to: LitPlanStatus } => ({
  by: 'workflow',
  from: ['pending'],
  to,
  refused: notPending,
  final,
})

export const PLAN_MOVES = {
  update: { by: 'applicant', from: EDITABLE_STATUSES, to: null, refused: notEditable },
  delete: { by: 'applicant', from: ['draft'], to: null, refused: notEditable },
  submit: { by: 'applicant', from: EDITABLE_STATUSES, to: 'pending', refused: notEditable },
  approved: decision('approved', true),
  rejected: decision('rejected', true),
  returned: decision('returned'),
  withdrawn: decision('withdrawn'),
  resubmit: {
    by: 'workflow',
    from: ['returned'],
    to: 'pending',
    refused: (plan) => `诉前方案 ${plan.plan_no} 未被退回（当前状态 ${plan.status}）`,
  },
} satisfies Record<string, PlanMove>

export type PlanMoveName = keyof typeof PLAN_MOVES

/**
 * Locks the plan for `name` and checks the table: an applicant's move needs their
 * own plan (`userId`), a workflow move only the status. Refuses with 404 / 409.
 */
async function lockFor(
  trx: TransactionClientContract,
  planId: number,
  name: PlanMoveName,
  userId: number | null = null
) {
  const move: PlanMove = PLAN_MOVES[name]
  const plan = await trx.from('lit_plans').where('id', planId).forUpdate().first()
  if (move.by === 'applicant') {
    if (!plan) throw new LitPlanError(404, '记录不存在或无权访问')
    if (Number(plan.created_by) !== userId)
      throw new LitPlanError(409, '只有申请人可以修改、删除或提交方案')
  } else if (!plan) throw new LitPlanError(404, `诉前方案 ${planId} 不存在`)
  if (!move.from.includes(plan.status)) throw new LitPlanError(409, move.refused(plan))
  return plan
}

type OnCommit = (trx: TransactionClientContract, planId: number) => Promise<void>

/** 新增: a new plan in `draft`. Returns its id. */
export async function createLitPlan(access: UserAccess, input: LitPlanInput, onCommit?: OnCommit) {
  const prepared = await preparePlan(access, input)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('lit_plans').insert({
      ...planColumns(input, prepared),
      // A unique placeholder until the id is known; the number embeds the id.
      plan_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      created_by: access.user.id,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const planId = Number(id)
    const planNo = `SQFA${prepared.facts.applicationDate.replace(/-/g, '')}${String(planId).padStart(6, '0')}`
    await trx.from('lit_plans').where('id', planId).update({ plan_no: planNo })
    await writeLoans(trx, planId, prepared)
    await recordLitPlanEvent(trx, {
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

/** 修改: the applicant's draft, returned or withdrawn plan; figures and 催收 fetched again. */
export async function updateLitPlan(
  access: UserAccess,
  planId: number,
  input: LitPlanInput,
  onCommit?: OnCommit
) {
  const prepared = await preparePlan(access, input)
  await db.transaction(async (trx) => {
    const plan = await lockFor(trx, planId, 'update', access.user.id)
    await trx
      .from('lit_plans')
      .where('id', planId)
      .update({ ...planColumns(input, prepared), updated_at: dbNow() })
    await writeLoans(trx, planId, prepared)
    await recordLitPlanEvent(trx, {
      planId,
      eventType: 'updated',
      fromStatus: plan.status,
      toStatus: plan.status,
      actorId: access.user.id,
    })
    await onCommit?.(trx, planId)
  })
}

/** 删除: drafts only (a submitted plan is history); its loans and timeline go with it. */
export async function deleteLitPlan(access: UserAccess, planId: number, onCommit?: OnCommit) {
  await db.transaction(async (trx) => {
    await lockFor(trx, planId, 'delete', access.user.id)
    await onCommit?.(trx, planId)
    await trx.from('lit_plan_loans').where('plan_id', planId).delete()
    await trx.from('lit_plan_events').where('plan_id', planId).delete()
    await trx.from('lit_plans').where('id', planId).delete()
  })
}

/** 提交审批: pending + a workflow instance (or the next round of a returned one), in one transaction. */
export async function submitLitPlan(access: UserAccess, planId: number, onCommit?: OnCommit) {
  return db.transaction(async (trx) => {
    const plan = await lockFor(trx, planId, 'submit', access.user.id)
    const busy = await trx
      .from('lit_plan_loans as pl')
      .join('lit_plans as p', 'p.id', 'pl.plan_id')
      .whereIn('pl.loan_id', trx.from('lit_plan_loans').where('plan_id', planId).select('loan_id'))
      .where('p.status', 'pending')
      .whereNot('p.id', planId)
      .select('pl.loan_no', 'p.plan_no')
      .first()
    if (busy)
      throw new LitPlanError(409, `借据 ${busy.loan_no} 已在审批中的诉前方案 ${busy.plan_no} 中`)
    const total = Money.fromFen(plan.principal_fen).plus(Money.fromFen(plan.interest_fen))
    const { instanceId } = await submitForApproval({
      type: LIT_PLAN_WORKFLOW_TYPE,
      businessId: String(planId),
      title: `诉前方案 ${plan.plan_no} ${plan.customer_name}`,
      amount: total.toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
    const now = dbNow()
    await trx.from('lit_plans').where('id', planId).update({
      status: PLAN_MOVES.submit.to,
      workflow_instance_id: instanceId,
      submitted_at: now,
      decided_at: null,
      updated_at: now,
    })
    await recordLitPlanEvent(trx, {
      planId,
      eventType: 'submitted',
      fromStatus: plan.status,
      toStatus: PLAN_MOVES.submit.to,
      actorId: access.user.id,
    })
    await onCommit?.(trx, planId)
    return { instanceId }
  })
}

/** The workflow's decision (handler, inside the decision's transaction); only a pending plan moves. */
export async function decideLitPlan(
  trx: TransactionClientContract,
  planId: number,
  to: 'approved' | 'rejected' | 'returned' | 'withdrawn',
  actorId: number
) {
  const plan = await lockFor(trx, planId, to)
  const move = PLAN_MOVES[to]
  const now = dbNow()
  await trx
    .from('lit_plans')
    .where('id', planId)
    .update({ status: move.to, decided_at: move.final ? now : null, updated_at: now })
  await recordLitPlanEvent(trx, {
    planId,
    eventType: to,
    fromStatus: plan.status,
    toStatus: move.to,
    actorId,
  })
}

/** Resubmitted unchanged from the workflow page (onResubmitted): pending again. */
export async function resubmitLitPlan(
  trx: TransactionClientContract,
  planId: number,
  actorId: number
) {
  const plan = await lockFor(trx, planId, 'resubmit')
  const now = dbNow()
  await trx.from('lit_plans').where('id', planId).update({
    status: PLAN_MOVES.resubmit.to,
    submitted_at: now,
    decided_at: null,
    updated_at: now,
  })
  await recordLitPlanEvent(trx, {
    planId,
    eventType: 'submitted',
    fromStatus: plan.status,
    toStatus: PLAN_MOVES.resubmit.to,
    actorId,
  })
}
