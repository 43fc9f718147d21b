/*
| 减免方案 write side: 申报 (create / edit a draft or returned plan), 提交 (the
| business rules, then the committee or the approval), the approval's effect
| (执行中 from the agreement date, the 减免 posting, instalment reminders),
| 还款登记 (价款分配 + 还款 postings, the schedule, 已完成), 冲正, and the
| tracking's status changes (已违约 cancels the relief: 减免冲正; 已终止).
| Every write runs in one transaction with its postings, outbox messages,
| status trail and audit row.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { randomUUID } from 'node:crypto'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/auth/user_access'
import { businessDate } from '#core/business_day/business_date'
import { deadlines } from '#core/deadlines/deadline_service'
import { Money } from '#core/money/money'
import { dbNow } from '#core/support/db_time'
import { submitForApproval } from '#core/workflow/submit'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { submitItem } from '../../committee/services/committee_api.js'
import { recordDisposalOutcome } from '../../disposal/services/outcomes_api.js'
import {
  allocatePayment,
  BUCKETS,
  BUCKET_COLUMN,
  DEFAULT_ORDER,
  INTEREST_BUCKETS,
  zeroAmounts,
  type Amounts,
  type Bucket,
  type PostingLine,
} from './buckets.js'
import { amountsOf, scopedPlans, planSummary, type PlanSummary } from './plan_read.js'
import { loanBuckets } from './prefill.js'
import { createPosting, postingFromRow, reversePosting, type PostingRow } from './postings.js'
import { ReliefError } from './relief_error.js'
import { checkRules, readRules } from './rules.js'

export const COMMITTEE_KIND = 'relief:plan'
export const WORKFLOW = 'relief:plan'
/** Principal relief: the chain that always includes the head office (rule principal_head_office). */
export const WORKFLOW_PRINCIPAL = 'relief:plan-principal'
const EDITABLE = ['draft', 'returned']

const fen = (yuan: string) => BigInt(Money.fromYuan(yuan).toFen())
const toYuan = (value: bigint) => Money.fromFen(value.toString()).toYuan()

export interface PlanInput {
  debtorRole: 'borrower' | 'guarantor'
  customerId: number
  guaranteeId?: number | null
  releasesBorrower?: boolean
  planDate: string
  bucketSource: 'core' | 'trial'
  bucketDate: string
  allocationOrder?: Bucket[]
  loans: { loanId: number; relief: Record<Bucket, string> }[]
  payAmount: string
  paymentMode: 'single' | 'instalments'
  instalments: { dueDate: string; amount: string }[]
  conditions?: string | null
}

async function trail(
  trx: TransactionClientContract,
  planId: number,
  from: string | null,
  to: string,
  reason: string | null,
  operatorId: number | null
) {
  await trx.table('relief_status_events').insert({
    plan_id: planId,
    from_status: from,
    to_status: to,
    reason,
    operator_id: operatorId,
    created_at: dbNow(),
  })
}

async function setStatus(
  trx: TransactionClientContract,
  plan: { id: number; status: string },
  to: string,
  reason: string | null,
  operatorId: number | null,
  extra: Record<string, unknown> = {}
) {
  await trx
    .from('relief_plans')
    .where('id', plan.id)
    .update({ status: to, status_reason: reason, updated_at: dbNow(), ...extra })
  await trail(trx, plan.id, plan.status, to, reason, operatorId)
}

/** Locks the plan in scope (404 otherwise). */
export async function lockPlan(
  trx: TransactionClientContract,
  access: UserAccess | null,
  id: number
) {
  const query = access ? scopedPlans(access, trx) : trx.from('relief_plans as p')
  const row = await query.where('p.id', id).select('p.*').forUpdate().first()
  if (!row) throw new ReliefError(404, '减免方案不存在', 'No such relief plan')
  return planSummary(row)
}

/** Checks the input against the book and the loans' buckets; returns the rows to write. */
async function prepare(access: UserAccess, input: PlanInput) {
  const customer = await bookApi.customers.byId(input.customerId, { access })
  if (!customer)
    throw new ReliefError(
      422,
      '客户不存在或不在您的数据权限内',
      'No such customer in your scope',
      'customerId'
    )
  let guarantor: { id: number; name: string; customerId: number | null } | null = null
  const loans = []
  let owed = 0n
  let interestOwed = 0n
  const reliefTotals = zeroAmounts()
  for (const [n, item] of input.loans.entries()) {
    const b = await loanBuckets(access, item.loanId, input.bucketSource, input.bucketDate).catch(
      (error) => {
        if (error?.status === 404)
          throw new ReliefError(
            422,
            '借据不存在或不在您的数据权限内',
            'No such loan in your scope',
            `loans.${n}.loanId`
          )
        throw error
      }
    )
    if (b.customerId !== input.customerId)
      throw new ReliefError(
        422,
        '借据不属于该借款人',
        'The loan is not the customer’s',
        `loans.${n}.loanId`
      )
    const owedAmounts = zeroAmounts()
    const reliefAmounts = zeroAmounts()
    for (const bucket of BUCKETS) {
      owedAmounts[bucket] = fen(b.owed[bucket])
      reliefAmounts[bucket] = fen(item.relief[bucket])
      if (reliefAmounts[bucket] > owedAmounts[bucket])
        throw new ReliefError(
          422,
          `减免金额不得超过欠款（${b.owed[bucket]} 元）`,
          `Relief above what is owed (${b.owed[bucket]})`,
          `loans.${n}.relief.${bucket}`
        )
      owed += owedAmounts[bucket]
      if (bucket !== 'principal') interestOwed += owedAmounts[bucket]
      reliefTotals[bucket] += reliefAmounts[bucket]
    }
    loans.push({ ...b, owedAmounts, reliefAmounts })
  }
  if (input.debtorRole === 'guarantor') {
    if (!input.guaranteeId)
      throw new ReliefError(422, '请选择保证人', 'Choose the guarantor', 'guaranteeId')
    const guarantees = await bookApi.guarantees.byKeys(
      loans.map((l) => l.loanId),
      { access }
    )
    const match = guarantees.find(
      (g) => g.id === input.guaranteeId && g.guaranteeType === 'guaranty'
    )
    if (!match)
      throw new ReliefError(
        422,
        '该保证人未为所选借据提供保证',
        'Not a guarantor of these loans',
        'guaranteeId'
      )
    guarantor = {
      id: match.id,
      name: match.guarantorName,
      customerId: match.guarantorCustomerId ?? null,
    }
  }
  const relief = BUCKETS.reduce((t, b) => t + reliefTotals[b], 0n)
  const pay = fen(input.payAmount)
  if (relief <= 0n)
    throw new ReliefError(422, '请填写减免金额', 'Enter the amounts relieved', 'loans')
  if (pay + relief > owed)
    throw new ReliefError(
      422,
      `应还金额与减免金额之和不得超过欠款合计 ${toYuan(owed)} 元`,
      'Payment plus relief exceed the debt',
      'payAmount'
    )
  if (input.paymentMode === 'single' && input.instalments.length !== 1)
    throw new ReliefError(
      422,
      '一次性还款只能有一期',
      'A single payment has one instalment',
      'instalments'
    )
  const scheduled = input.instalments.reduce((t, i) => t + fen(i.amount), 0n)
  if (scheduled !== pay)
    throw new ReliefError(
      422,
      `分期金额合计 ${toYuan(scheduled)} 元须等于应还金额`,
      'The instalments must add up to the amount to pay',
      'instalments'
    )
  for (const [n, i] of input.instalments.entries()) {
    if (i.dueDate < input.planDate || (n > 0 && i.dueDate <= input.instalments[n - 1].dueDate))
      throw new ReliefError(
        422,
        '到期日须不早于方案日且逐期递增',
        'Due dates must follow the plan date, in order',
        `instalments.${n}.dueDate`
      )
  }
  return { loans, owed, interestOwed, reliefTotals, relief, pay, guarantor }
}

async function writeChildren(
  trx: TransactionClientContract,
  planId: number,
  input: PlanInput,
  prepared: Awaited<ReturnType<typeof prepare>>
) {
  await trx.from('relief_plan_loans').where('plan_id', planId).delete()
  await trx.from('relief_instalments').where('plan_id', planId).delete()
  for (const l of prepared.loans) {
    const row: Record<string, unknown> = {
      plan_id: planId,
      loan_id: l.loanId,
      loan_no: l.loanNo,
      five_class: l.fiveClass,
    }
    for (const b of BUCKETS) {
      row[`${BUCKET_COLUMN[b]}_owed_fen`] = l.owedAmounts[b].toString()
      row[`${BUCKET_COLUMN[b]}_relief_fen`] = l.reliefAmounts[b].toString()
    }
    await trx.table('relief_plan_loans').insert(row)
  }
  for (const [n, i] of input.instalments.entries())
    await trx.table('relief_instalments').insert({
      plan_id: planId,
      seq: n + 1,
      due_date: i.dueDate,
      amount_fen: Money.fromYuan(i.amount).toFen(),
      paid_fen: 0,
    })
}

function planColumns(input: PlanInput, p: Awaited<ReturnType<typeof prepare>>) {
  const reliefInterest = INTEREST_BUCKETS.reduce((t, b) => t + p.reliefTotals[b], 0n)
  return {
    debtor_role: input.debtorRole,
    customer_id: input.customerId,
    guarantee_id: p.guarantor?.id ?? null,
    guarantor_customer_id: p.guarantor?.customerId ?? null,
    guarantor_name: p.guarantor?.name ?? null,
    releases_borrower: input.debtorRole === 'guarantor' ? Boolean(input.releasesBorrower) : true,
    plan_date: input.planDate,
    bucket_source: input.bucketSource,
    bucket_date: input.bucketDate,
    allocation_order: JSON.stringify(input.allocationOrder ?? DEFAULT_ORDER),
    owed_fen: p.owed.toString(),
    interest_owed_fen: p.interestOwed.toString(),
    relief_fen: p.relief.toString(),
    relief_interest_fen: reliefInterest.toString(),
    relief_principal_fen: p.reliefTotals.principal.toString(),
    pay_fen: p.pay.toString(),
    payment_mode: input.paymentMode,
    conditions: input.conditions ?? null,
    updated_at: dbNow(),
  }
}

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
  await trx
    .from('relief_plans')
    .where('id', id)
    .update({ plan_no: `JM${today.replaceAll('-', '')}${String(id).padStart(5, '0')}` })
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
  if (!EDITABLE.includes(plan.status))
    throw new ReliefError(
      409,
      '只有草稿或已退回的方案可以修改',
      'Only a draft or returned plan can be edited'
    )
  const prepared = await prepare(access, input)
  await trx.from('relief_plans').where('id', id).update(planColumns(input, prepared))
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
  if (!EDITABLE.includes(plan.status))
    throw new ReliefError(
      409,
      '只有草稿或已退回的方案可以提交',
      'Only a draft or returned plan can be submitted'
    )
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
    throw Object.assign(new ReliefError(first.status, first.zh, first.en, undefined, first.rule), {
      failures: outcome.failures,
    })
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
  if (plan.status !== 'committee')
    throw new ReliefError(
      409,
      `减免方案 ${plan.planNo} 不在上会状态`,
      'The plan is not before the committee'
    )
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

const deadlineKey = (instalmentId: number) => ({
  source: 'relief',
  kind: 'relief:instalment',
  subjectType: 'relief_instalment',
  subjectId: String(instalmentId),
})

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
  const instalments = await trx.from('relief_instalments').where('plan_id', planId)
  for (const i of instalments)
    await deadlines.upsert(
      {
        ...deadlineKey(Number(i.id)),
        title: `减免方案 ${plan.planNo} 第 ${i.seq} 期还款 ${Money.fromFen(String(i.amount_fen)).toYuan()} 元`,
        dueDate:
          typeof i.due_date === 'string'
            ? i.due_date.slice(0, 10)
            : (await import('luxon')).DateTime.fromJSDate(i.due_date).toISODate()!,
        rule: '减免方案还款计划',
        offsets: [5, 1, 0],
        userIds: [plan.createdBy],
        orgId: plan.orgId,
        permission: 'relief:plan:track',
        record: { orgId: plan.orgId, ownerId: plan.createdBy },
        link: `/p/relief/PlanTracking?id=${planId}`,
      },
      trx
    )
}

async function removeDeadlines(trx: TransactionClientContract, planId: number) {
  const instalments = await trx.from('relief_instalments').where('plan_id', planId)
  for (const i of instalments) await deadlines.remove(deadlineKey(Number(i.id)), trx)
}

/** What each loan still owes in each bucket: owed − relieved − allocated (net of reversals). */
async function stillDue(trx: TransactionClientContract, planId: number) {
  const loans = await trx.from('relief_plan_loans').where('plan_id', planId).orderBy('id')
  const postings = (await trx.from('relief_postings').where('plan_id', planId)).map(postingFromRow)
  const reversed = new Set(postings.filter((p) => p.reversesId).map((p) => p.reversesId))
  const due = loans.map((l: any) => {
    const owed = amountsOf(l, 'owed')
    const relief = amountsOf(l, 'relief')
    const amounts: Amounts = zeroAmounts()
    for (const b of BUCKETS) amounts[b] = owed[b] - relief[b]
    return { loanId: Number(l.loan_id), loanNo: l.loan_no as string, amounts }
  })
  for (const p of postings.filter((x) => x.kind === 'allocation' && !reversed.has(x.id)))
    for (const line of p.lines) {
      const loan = due.find((d) => d.loanId === line.loanId)
      if (loan && line.bucket !== 'cash') loan.amounts[line.bucket] -= BigInt(line.amountFen)
    }
  return { due, postings, reversed }
}

/** The schedule from the payments not reversed, filled instalment by instalment. */
async function recomputeSchedule(trx: TransactionClientContract, planId: number) {
  const postings = (await trx.from('relief_postings').where('plan_id', planId).orderBy('id')).map(
    postingFromRow
  )
  const reversed = new Set(postings.filter((p) => p.reversesId).map((p) => p.reversesId))
  const payments = postings.filter((p) => p.kind === 'repayment' && !reversed.has(p.id))
  let paid = payments.reduce((t, p) => t + BigInt(p.amountFen), 0n)
  await trx.from('relief_plans').where('id', planId).update({ paid_fen: paid.toString() })
  const lastDate = payments.at(-1)?.businessDate ?? null
  const instalments = await trx.from('relief_instalments').where('plan_id', planId).orderBy('seq')
  let running = 0n
  for (const i of instalments) {
    const amount = BigInt(String(i.amount_fen))
    const take = paid < amount ? paid : amount
    paid -= take
    running += take
    // The date the instalment was settled: the payment that brought the running total past it.
    let paidOn: string | null = null
    if (take === amount) {
      let sum = 0n
      const target = instalments
        .filter((x: any) => x.seq <= i.seq)
        .reduce((t: bigint, x: any) => t + BigInt(String(x.amount_fen)), 0n)
      for (const p of payments) {
        sum += BigInt(p.amountFen)
        if (sum >= target) {
          paidOn = p.businessDate
          break
        }
      }
      await deadlines.remove(deadlineKey(Number(i.id)), trx)
    }
    await trx
      .from('relief_instalments')
      .where('id', i.id)
      .update({ paid_fen: take.toString(), paid_on: paidOn })
  }
  return { paid: running, lastDate }
}

/**
 * 还款登记: the payment is split over what is still due in the plan's order
 * (价款分配) and the cash is booked (还款) — two postings, two 通知单. When the
 * agreed amount is paid the plan is 已完成: the disposal outcome is recorded and
 * the loans leave the book as 已减免 (a guarantor's plan only when it releases
 * the borrower).
 */
export async function registerPayment(
  trx: TransactionClientContract,
  access: UserAccess,
  id: number,
  input: { amount: string; paidOn: string; remark?: string },
  ctx: any
) {
  const plan = await lockPlan(trx, access, id)
  if (plan.status !== 'executing')
    throw new ReliefError(
      409,
      '只有执行中的方案可以登记还款',
      'Only a plan in execution takes payments'
    )
  const today = await businessDate.current()
  if (input.paidOn > today)
    throw new ReliefError(
      422,
      '还款日不得晚于营业日',
      'The payment date cannot be after the business date',
      'paidOn'
    )
  const amount = fen(input.amount)
  const outstanding = fen(plan.payAmount) - fen(plan.paid)
  if (amount > outstanding)
    throw new ReliefError(
      422,
      `还款金额超过尚欠的应还金额 ${toYuan(outstanding)} 元`,
      'The payment exceeds what is still to pay',
      'amount'
    )
  const { due } = await stillDue(trx, id)
  const { lines, unapplied } = allocatePayment(amount, plan.allocationOrder, due)
  if (unapplied > 0n)
    throw new ReliefError(
      422,
      '还款金额超过剩余欠款',
      'The payment exceeds the remaining debt',
      'amount'
    )
  const paymentRef = `${plan.planNo}-${Date.now().toString(36)}`.slice(0, 32)
  const cash = new Map<number, { loanNo: string; fen: bigint }>()
  for (const l of lines) {
    const c = cash.get(l.loanId) ?? { loanNo: l.loanNo, fen: 0n }
    c.fen += BigInt(l.amountFen)
    cash.set(l.loanId, c)
  }
  const repayment = await createPosting(trx, {
    planId: id,
    planNo: plan.planNo,
    kind: 'repayment',
    lines: [...cash].map(([loanId, c]) => ({
      loanId,
      loanNo: c.loanNo,
      bucket: 'cash',
      amountFen: c.fen.toString(),
    })),
    businessDate: input.paidOn,
    operatorId: access.user.id,
    paymentRef,
    reason: input.remark ?? null,
  })
  const allocation = await createPosting(trx, {
    planId: id,
    planNo: plan.planNo,
    kind: 'allocation',
    lines,
    businessDate: input.paidOn,
    operatorId: access.user.id,
    paymentRef,
  })
  const { paid } = await recomputeSchedule(trx, id)
  let completed = false
  if (paid >= fen(plan.payAmount)) {
    await completePlan(trx, plan, input.paidOn, access.user.id)
    completed = true
  }
  await audit.append(ctx, {
    action: 'relief.plan.payment',
    entityType: 'relief:plan',
    entityId: id,
    after: {
      amount: input.amount,
      paidOn: input.paidOn,
      repayment: repayment.noticeNo,
      allocation: allocation.noticeNo,
      completed,
    },
    trx,
  })
  return { repayment, allocation, completed }
}

async function completePlan(
  trx: TransactionClientContract,
  plan: PlanSummary,
  date: string,
  operatorId: number
) {
  await setStatus(trx, plan, 'completed', '应还金额已全部收回', operatorId)
  await removeDeadlines(trx, plan.id)
  const loans = await trx.from('relief_plan_loans').where('plan_id', plan.id)
  const loanIds = loans.map((l: any) => Number(l.loan_id))
  const reliefPrincipal = fen(plan.reliefPrincipal)
  await recordDisposalOutcome(trx, {
    loanIds,
    method: 'relief',
    completedOn: date,
    cashRecovered: plan.payAmount,
    relieved: plan.relief,
    // 压降: the cash received (what of it paid principal shows in the buckets) plus principal relieved.
    balanceReduced: toYuan(fen(plan.payAmount) + reliefPrincipal),
    sourcePlugin: 'relief',
    sourceRef: `plan:${plan.id}`,
    sourceLink: `/p/relief/PlanTracking?id=${plan.id}`,
    operatorId,
  })
  if (plan.debtorRole === 'borrower' || plan.releasesBorrower)
    for (const loanId of loanIds)
      await bookWriter.changeLoanStatus(trx, {
        loanId,
        status: 'relieved',
        reason: `债权减免 ${plan.planNo} 执行完毕`,
        businessDate: date,
        operatorId,
      })
}

/**
 * 还款冲正: a payment's 还款 and its 价款分配 are each reversed exactly (two
 * reversal postings). Only while the plan is in execution; a 冲正 is never
 * reversed, a posting never twice; the 减免 is reversed only by a default or
 * termination (减免冲正).
 */
export async function reversePayment(
  trx: TransactionClientContract,
  access: UserAccess,
  planId: number,
  postingId: number,
  reason: string,
  ctx: any
) {
  const plan = await lockPlan(trx, access, planId)
  const row = await trx
    .from('relief_postings')
    .where('id', postingId)
    .where('plan_id', planId)
    .first()
  if (!row) throw new ReliefError(404, '记账记录不存在', 'No such posting')
  const posting = postingFromRow(row)
  if (posting.reversesId)
    throw new ReliefError(409, '冲正记录不能再冲正', 'A reversal cannot be reversed', 'postingId')
  if (posting.kind === 'relief')
    throw new ReliefError(
      409,
      '减免冲正由违约或终止生成',
      'A relief is reversed by a default or termination',
      'postingId'
    )
  if (plan.status !== 'executing')
    throw new ReliefError(
      409,
      '只有执行中的方案可以还款冲正',
      'Only a plan in execution takes reversals'
    )
  const today = await businessDate.current()
  const pair = (
    await trx
      .from('relief_postings')
      .where('plan_id', planId)
      .where('payment_ref', posting.paymentRef!)
      .whereNull('reverses_id')
      .orderBy('id')
  ).map(postingFromRow)
  const reversals: PostingRow[] = []
  for (const original of pair)
    reversals.push(
      await reversePosting(trx, {
        posting: original,
        planNo: plan.planNo,
        businessDate: today,
        operatorId: access.user.id,
        reason,
      })
    )
  await recomputeSchedule(trx, planId)
  await audit.append(ctx, {
    action: 'relief.plan.payment-reversal',
    entityType: 'relief:plan',
    entityId: planId,
    after: {
      reason,
      reverses: pair.map((p) => p.noticeNo),
      reversals: reversals.map((r) => r.noticeNo),
    },
    trx,
  })
  return reversals
}

/**
 * 跟踪: 已违约 or 已终止 with a reason. The relief is conditional on the plan being
 * carried out: it is cancelled — the 减免 posting reversed exactly (减免冲正), so
 * the relieved interest is charged again from the agreement date — and the
 * loans go back to normal collection (their reminders end).
 */
export async function changeStatus(
  trx: TransactionClientContract,
  access: UserAccess,
  id: number,
  input: { status: 'defaulted' | 'terminated'; reason: string },
  ctx: any
) {
  const plan = await lockPlan(trx, access, id)
  const allowed = input.status === 'defaulted' ? ['executing'] : ['executing', 'draft', 'returned']
  if (!allowed.includes(plan.status))
    throw new ReliefError(
      409,
      '当前状态不能变更为该状态',
      'The plan cannot move to this status',
      'status'
    )
  const today = await businessDate.current()
  let reversal: PostingRow | null = null
  const relief = await trx
    .from('relief_postings')
    .where('plan_id', id)
    .where('kind', 'relief')
    .first()
  if (relief) {
    const already = await trx.from('relief_postings').where('reverses_id', relief.id).first()
    if (!already)
      reversal = await reversePosting(trx, {
        posting: postingFromRow(relief),
        planNo: plan.planNo,
        businessDate: today,
        operatorId: access.user.id,
        reason: `${input.status === 'defaulted' ? '违约' : '终止'}：${input.reason}`,
      })
  }
  await setStatus(trx, plan, input.status, input.reason, access.user.id)
  await removeDeadlines(trx, id)
  await audit.append(ctx, {
    action: `relief.plan.${input.status}`,
    entityType: 'relief:plan',
    entityId: id,
    before: { status: plan.status },
    after: { status: input.status, reason: input.reason, reversal: reversal?.noticeNo ?? null },
    trx,
  })
  return reversal
}
