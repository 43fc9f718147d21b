/*
| 减免方案 write side: 申报 (create / edit a draft or returned plan), 提交 (the
| business rules, then the committee or the approval), the committee's
| decision and the approval's effect (执行中 from the agreement date, the 减免
| posting, instalment reminders). Who may move a plan from which status is
| plan/status.ts; 还款/冲正 plan_accounting.ts; 违约/终止 plan_tracking.ts.
| Every write runs in one transaction with its postings, outbox messages,
| status trail and audit row.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { randomUUID } from 'node:crypto'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { submitItem } from '../../committee/services/committee_api.js'
import { BUCKETS, type PostingLine } from './buckets.js'
import { amountsOf, type PlanSummary } from './plan_read.js'
import { fen, planColumns, prepare, writeChildren, type PlanInput } from './plan_input.js'
import { assertMay, lockPlan, setStatus, trail } from './plan_status.js'
import { claimPlanLoans } from './plan_claims.js'
import { scheduleReminders } from './plan_tracking.js'
import { createPosting } from './postings.js'
import { ReliefError } from './relief_error.js'
import { checkRules, readRules } from './rules.js'

export type { PlanInput }
export const COMMITTEE_KIND = 'relief:plan'
export const WORKFLOW = 'relief:plan'
/** Principal relief: the chain that always includes the head office (rule principal_head_office). */
export const WORKFLOW_PRINCIPAL = 'relief:plan-principal'

export async function createPlan(
  trx: TransactionClientContract,
  access: UserAccess,
  input: PlanInput,
  ctx: any
) {
  const prepared = await prepare(access, input)
  const today = await businessDate.current()
  const [id] = await trx.table('relief_plans').insert({
    ...planColumns(input, prepared),
    plan_no: randomUUID().replace(/-/g, '').slice(0, 32),
    status: 'draft',
    org_id: access.user.orgId,
    created_by: access.user.id,
    created_at: dbNow(),
  })
  const planNo = `JM${today.replaceAll('-', '')}${String(id).padStart(5, '0')}`
  await trx.from('relief_plans').where('id', id).update({ plan_no: planNo })
  await claimPlanLoans(
    trx,
    { id: Number(id), planNo },
    prepared.loans.map((l) => l.loanId)
  )
  await writeChildren(trx, Number(id), input, prepared)
  await trail(trx, Number(id), null, 'draft', null, access.user.id)
  await audit.append(ctx, {
    action: 'relief.plan.create',
    entityType: 'relief:plan',
    entityId: Number(id),
    after: { ...input },
    trx,
  })
  return Number(id)
}

export async function updatePlan(
  trx: TransactionClientContract,
  access: UserAccess,
  id: number,
  input: PlanInput,
  ctx: any
) {
  const plan = await lockPlan(trx, access, id)
  assertMay('edit', plan)
  const prepared = await prepare(access, input)
  await trx.from('relief_plans').where('id', id).update(planColumns(input, prepared))
  await claimPlanLoans(
    trx,
    plan,
    prepared.loans.map((l) => l.loanId)
  )
  await writeChildren(trx, id, input, prepared)
  await audit.append(ctx, {
    action: 'relief.plan.update',
    entityType: 'relief:plan',
    entityId: id,
    before: plan,
    after: { ...input },
    trx,
  })
}

async function startApproval(
  trx: TransactionClientContract,
  plan: PlanSummary,
  applicantId: number
) {
  const { instanceId } = await submitForApproval({
    type: BigInt(Money.fromYuan(plan.reliefPrincipal).toFen()) > 0n ? WORKFLOW_PRINCIPAL : WORKFLOW,
    businessId: String(plan.id),
    title: `债权减免 ${plan.planNo} 减免 ${plan.relief} 元`,
    amount: plan.relief,
    applicantId,
    orgId: plan.orgId,
    trx,
  })
  return instanceId
}

/**
 * 提交: the rules (each failing names its rule), then the committee when the
 * interest percentage is exceeded, else the approval chain.
 */
export async function submitPlan(
  trx: TransactionClientContract,
  access: UserAccess,
  id: number,
  ctx: any
) {
  const plan = await lockPlan(trx, access, id)
  assertMay('submit', plan)
  const loans = await trx.from('relief_plan_loans').where('plan_id', id)
  const outcome = checkRules(await readRules(trx), {
    debtorRole: plan.debtorRole,
    releasesBorrower: plan.releasesBorrower,
    conditions: plan.conditions,
    reliefPrincipalFen: fen(plan.reliefPrincipal),
    reliefInterestFen: fen(plan.reliefInterest),
    interestOwedFen: fen(plan.interestOwed),
    loans: loans.map((l: any) => ({ loanNo: l.loan_no, fiveClass: l.five_class })),
    committeeDecision: plan.committeeDecision,
    permissions: { has: (code: string) => access.can(code) },
  })
  if (outcome.failures.length) {
    const first = outcome.failures[0]
    const refused = new ReliefError(first.status, first.zh, first.en, undefined, first.rule)
    refused.failures = outcome.failures
    throw refused
  }
  let route: { to: string; rule?: string; committeeItemId?: number; workflowInstanceId?: number }
  if (outcome.needsCommittee) {
    const itemId = await submitItem(trx, {
      kind: COMMITTEE_KIND,
      title: `减免方案 ${plan.planNo} 减免 ${plan.relief} 元`,
      amount: plan.relief,
      recordRef: { plugin: 'relief', kind: 'plan', id: plan.id },
      orgId: plan.orgId,
      materials: [{ name: '减免方案', link: `/p/relief/PlanApply?id=${plan.id}` }],
      submittedBy: access.user.id,
    })
    await setStatus(trx, plan, 'committee', outcome.needsCommittee.name, access.user.id)
    route = { to: 'committee', rule: outcome.needsCommittee.code, committeeItemId: itemId }
  } else {
    const instanceId = await startApproval(trx, plan, access.user.id)
    await setStatus(trx, plan, 'pending', null, access.user.id)
    route = { to: 'pending', workflowInstanceId: instanceId }
  }
  await audit.append(ctx, {
    action: 'relief.plan.submit',
    entityType: 'relief:plan',
    entityId: plan.id,
    before: { status: plan.status },
    after: { status: route.to, ...route, headOffice: outcome.headOffice },
    trx,
  })
  return route
}

/** The committee decided (committee_api onDecided, in the announcing transaction). */
export async function committeeDecided(
  trx: TransactionClientContract,
  planId: number,
  decision: 'passed' | 'rejected' | 'reconsider',
  resolutionNo: string,
  actorId: number
) {
  const plan = await lockPlan(trx, null, planId)
  assertMay('committee', plan)
  const extra = { committee_decision: decision, committee_resolution: resolutionNo }
  if (decision === 'reconsider') {
    await trx.from('relief_plans').where('id', planId).update(extra)
    await trail(trx, planId, 'committee', 'committee', `审委会复议 ${resolutionNo}`, actorId)
  } else if (decision === 'rejected') {
    await setStatus(trx, plan, 'rejected', `审委会否决 ${resolutionNo}`, actorId, extra)
  } else {
    await startApproval(trx, plan, plan.createdBy)
    await setStatus(trx, plan, 'pending', `审委会通过 ${resolutionNo}`, actorId, extra)
  }
  await audit.append(null, {
    action: `relief.plan.committee-${decision}`,
    entityType: 'relief:plan',
    entityId: planId,
    after: { decision, resolutionNo },
    trx,
  })
}

/** 审批通过: 执行中 from the agreement date; the relief is posted; reminders before each due date. */
export async function planApproved(
  trx: TransactionClientContract,
  planId: number,
  actorId: number
) {
  const plan = await lockPlan(trx, null, planId)
  const today = await businessDate.current()
  await setStatus(trx, plan, 'executing', '审批通过，协议生效', actorId, { agreement_date: today })
  const loans = await trx.from('relief_plan_loans').where('plan_id', planId).orderBy('id')
  const lines: PostingLine[] = []
  for (const l of loans) {
    const relief = amountsOf(l, 'relief')
    for (const b of BUCKETS)
      if (relief[b] > 0n)
        lines.push({
          loanId: Number(l.loan_id),
          loanNo: l.loan_no,
          bucket: b,
          amountFen: relief[b].toString(),
        })
  }
  await createPosting(trx, {
    planId,
    planNo: plan.planNo,
    kind: 'relief',
    lines,
    businessDate: today,
    operatorId: actorId,
  })
  await scheduleReminders(trx, plan)
}
