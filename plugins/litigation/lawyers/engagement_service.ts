/*
| 律师选聘申请: apply, modify, delete (drafts only), submit, the workflow's decisions,
| and the lawyer fees paid under an approved engagement. An engagement is for one
| 诉前方案 (approved) or one case, both read in the applicant's data scope; the firm
| and the lawyer must be on the panel (入库), the lawyer the firm's, and neither may
| list the customer among its conflicts (利益冲突). The approval amount is the
| estimated fee under the agreement on the expected recovery. A payment is recorded
| in 费用管理 (expenses plugin, fee kind 律师费) in the same transaction.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { Decimal } from 'decimal.js'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import type { UserAccess } from '#core/identity/user_access'
import { submitForApproval } from '#core/workflow/submit'
import { ExpenseError, recordExpense } from '../../expenses/services/expenses_api.js'
import { caseInScope } from '../cases/case_service.js'
import { scopedLitPlans } from '../plans/plan_scope.js'
import { agreementFee, type FeeAgreement } from './rules.js'
import { feeDueOf, type RecoveryBasisInput } from './engagement_fee.js'
import { conflictsWith, RegistryError } from './registry.js'
import { ENGAGEMENT_EDITABLE, type EngagementStatus } from './dictionaries.js'

export const ENGAGEMENT_WORKFLOW_TYPE = 'litigation:engagement'

export interface EngagementInput {
  planId?: number
  caseId?: number
  firmId: number
  lawyerId: number
  feeType: 'fixed' | 'risk' | 'mixed'
  fixedFee?: string
  riskRate?: string
  feeCap?: string
  expectedRecovery: string
  scope: string
  engagementReason: string
}

/** The plan or case the engagement is for, in the applicant's scope. */
async function subjectOf(access: UserAccess, input: { planId?: number; caseId?: number }) {
  if (!!input.planId === !!input.caseId)
    throw new RegistryError(422, '请选择一个诉前方案或一个案件', 'planId')
  if (input.planId) {
    const plan = await scopedLitPlans(access).where('p.id', input.planId).select('p.*').first()
    if (!plan) throw new RegistryError(404, '诉前方案不存在或无权访问')
    if (plan.status !== 'approved')
      throw new RegistryError(422, '只能为已批准的诉前方案选聘律师', 'planId')
    const loans = await db.from('lit_plan_loans').where('plan_id', plan.id).select('loan_id')
    return {
      planId: Number(plan.id),
      caseId: null,
      subjectNo: plan.plan_no as string,
      customerId: Number(plan.customer_id),
      customerNo: plan.customer_no as string,
      customerName: plan.customer_name as string,
      orgId: Number(plan.org_id),
      loanIds: loans.map((l) => Number(l.loan_id)),
    }
  }
  const found = await caseInScope(access, input.caseId!)
  if (!found) throw new RegistryError(404, '案件不存在或无权访问')
  return {
    planId: null,
    caseId: found.id,
    subjectNo: found.caseNo,
    customerId: found.customerId,
    customerNo: found.customerNo,
    customerName: found.customerName,
    orgId: found.orgId,
    loanIds: found.loans.map((l) => l.loanId),
  }
}

function agreementOf(input: EngagementInput): FeeAgreement {
  const fixed = input.feeType === 'risk' ? '0' : (input.fixedFee ?? '')
  const rate = input.feeType === 'fixed' ? '0' : (input.riskRate ?? '')
  if (input.feeType !== 'risk' && (!fixed || Money.fromYuan(fixed).isZero()))
    throw new RegistryError(422, '固定收费须填写大于 0 的金额', 'fixedFee')
  if (input.feeType !== 'fixed' && (!rate || new Decimal(rate).isZero()))
    throw new RegistryError(422, '风险代理须填写收费比例', 'riskRate')
  // 《律师服务收费管理办法》§13: 风险代理 at most 30 % of the amount in the contract.
  if (input.feeType !== 'fixed' && new Decimal(rate).gt('0.3'))
    throw new RegistryError(422, '风险代理收费比例不得高于 30%', 'riskRate')
  return {
    feeType: input.feeType,
    fixedFee: fixed,
    riskRate: rate,
    feeCap: input.feeType === 'fixed' ? null : (input.feeCap ?? null),
  }
}

async function prepare(access: UserAccess, input: EngagementInput) {
  const subject = await subjectOf(access, input)
  const firm = await db.from('lit_law_firms').where('id', input.firmId).first()
  if (!firm) throw new RegistryError(422, '律所不存在', 'firmId')
  const lawyer = await db.from('lit_lawyers').where('id', input.lawyerId).first()
  if (!lawyer || Number(lawyer.firm_id) !== Number(firm.id))
    throw new RegistryError(422, '所选律师不属于该律所', 'lawyerId')
  if (firm.panel_status !== 'panel') throw new RegistryError(422, '律所未入库', 'firmId')
  if (lawyer.panel_status !== 'panel') throw new RegistryError(422, '律师未入库', 'lawyerId')
  const party = { name: subject.customerName, no: subject.customerNo }
  if (conflictsWith(firm.conflicts ?? '', party))
    throw new RegistryError(422, `利益冲突：律所登记了与 ${party.name} 的冲突`, 'firmId')
  if (conflictsWith(lawyer.conflicts ?? '', party))
    throw new RegistryError(422, `利益冲突：律师登记了与 ${party.name} 的冲突`, 'lawyerId')
  const agreement = agreementOf(input)
  const estimated = agreementFee(agreement, input.expectedRecovery)
  return { subject, firm, lawyer, agreement, estimated }
}

type Prepared = Awaited<ReturnType<typeof prepare>>

const columns = (input: EngagementInput, p: Prepared) => ({
  plan_id: p.subject.planId,
  case_id: p.subject.caseId,
  subject_no: p.subject.subjectNo,
  customer_id: p.subject.customerId,
  customer_no: p.subject.customerNo,
  customer_name: p.subject.customerName,
  org_id: p.subject.orgId,
  firm_id: Number(p.firm.id),
  lawyer_id: Number(p.lawyer.id),
  fee_type: input.feeType,
  fixed_fee_fen: Money.fromYuan(p.agreement.fixedFee).toFen(),
  risk_rate: p.agreement.riskRate,
  fee_cap_fen: p.agreement.feeCap === null ? null : Money.fromYuan(p.agreement.feeCap).toFen(),
  expected_recovery_fen: Money.fromYuan(input.expectedRecovery).toFen(),
  estimated_fee_fen: Money.fromYuan(p.estimated).toFen(),
  scope: input.scope,
  reasons: input.engagementReason,
})

async function event(
  trx: TransactionClientContract,
  engagementId: number,
  eventType: string,
  from: string | null,
  to: string,
  actorId: number | null
) {
  await trx.table('lit_engagement_events').insert({
    engagement_id: engagementId,
    event_type: eventType,
    from_status: from,
    to_status: to,
    actor_id: actorId,
    created_at: dbNow(),
  })
}

type OnCommit = (trx: TransactionClientContract, id: number) => Promise<void>

export async function createEngagement(
  access: UserAccess,
  input: EngagementInput,
  onCommit?: OnCommit
) {
  const prepared = await prepare(access, input)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('lit_engagements').insert({
      ...columns(input, prepared),
      engagement_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      created_by: access.user.id,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const engagementId = Number(id)
    const day = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')
    await trx
      .from('lit_engagements')
      .where('id', engagementId)
      .update({ engagement_no: `LSXP${day}${String(engagementId).padStart(6, '0')}` })
    await event(trx, engagementId, 'created', null, 'draft', access.user.id)
    await onCommit?.(trx, engagementId)
    return engagementId
  })
}

async function lockOwn(
  trx: TransactionClientContract,
  id: number,
  userId: number,
  statuses: EngagementStatus[]
) {
  const row = await trx.from('lit_engagements').where('id', id).forUpdate().first()
  if (!row) throw new RegistryError(404, '记录不存在或无权访问')
  if (Number(row.created_by) !== userId)
    throw new RegistryError(409, '只有申请人可以修改、删除或提交选聘申请')
  if (!statuses.includes(row.status))
    throw new RegistryError(409, '选聘申请已提交审批或已审结，不能修改')
  return row
}

export async function updateEngagement(
  access: UserAccess,
  id: number,
  input: EngagementInput,
  onCommit?: OnCommit
) {
  const prepared = await prepare(access, input)
  await db.transaction(async (trx) => {
    const row = await lockOwn(trx, id, access.user.id, ENGAGEMENT_EDITABLE)
    await trx
      .from('lit_engagements')
      .where('id', id)
      .update({ ...columns(input, prepared), updated_at: dbNow() })
    await event(trx, id, 'updated', row.status, row.status, access.user.id)
    await onCommit?.(trx, id)
  })
}

export async function deleteEngagement(access: UserAccess, id: number, onCommit?: OnCommit) {
  await db.transaction(async (trx) => {
    await lockOwn(trx, id, access.user.id, ['draft'])
    await onCommit?.(trx, id)
    await trx.from('lit_engagement_events').where('engagement_id', id).delete()
    await trx.from('lit_engagements').where('id', id).delete()
  })
}

export async function submitEngagement(access: UserAccess, id: number, onCommit?: OnCommit) {
  return db.transaction(async (trx) => {
    const row = await lockOwn(trx, id, access.user.id, ENGAGEMENT_EDITABLE)
    const { instanceId } = await submitForApproval({
      type: ENGAGEMENT_WORKFLOW_TYPE,
      businessId: String(id),
      title: `律师选聘 ${row.engagement_no} ${row.customer_name}`,
      amount: Money.fromFen(row.estimated_fee_fen).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
    const now = dbNow()
    await trx.from('lit_engagements').where('id', id).update({
      status: 'pending',
      workflow_instance_id: instanceId,
      submitted_at: now,
      decided_at: null,
      updated_at: now,
    })
    await event(trx, id, 'submitted', row.status, 'pending', access.user.id)
    await onCommit?.(trx, id)
    return { instanceId }
  })
}

export async function decideEngagement(
  trx: TransactionClientContract,
  id: number,
  to: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'pending',
  actorId: number
) {
  const row = await trx.from('lit_engagements').where('id', id).forUpdate().first()
  if (!row) throw new RegistryError(404, `律师选聘 ${id} 不存在`)
  const from = to === 'pending' ? 'returned' : 'pending'
  if (row.status !== from)
    throw new RegistryError(409, `律师选聘 ${row.engagement_no} 当前状态 ${row.status}，不能${to}`)
  const now = dbNow()
  const final = to === 'approved' || to === 'rejected'
  await trx
    .from('lit_engagements')
    .where('id', id)
    .update({
      status: to,
      decided_at: final ? now : null,
      ...(to === 'pending' ? { submitted_at: now } : {}),
      updated_at: now,
    })
  await event(trx, id, to === 'pending' ? 'submitted' : to, from, to, actorId)
}

export interface PaymentInput extends RecoveryBasisInput {
  amount: string
  paidOn: string
  remark?: string
}

/**
 * 律师费支付 under an approved engagement: the payment row and the 律师费 expense in
 * 费用管理 in one transaction (the expense's request key is the payment's id, so it is
 * recorded once). The total paid never exceeds the fee due under the agreement — the
 * fixed fee, or (risk, mixed) the fee on the actually recovered amount (engagement_fee.ts),
 * which is kept on the payment.
 */
export async function recordPayment(
  access: UserAccess,
  id: number,
  input: PaymentInput,
  ctx: HttpContext | null
) {
  return db.transaction(async (trx) => {
    const row = await trx.from('lit_engagements').where('id', id).forUpdate().first()
    if (!row) throw new RegistryError(404, '记录不存在或无权访问')
    if (row.status !== 'approved') throw new RegistryError(409, '选聘申请批准后才能登记律师费支付')
    const amount = Money.fromYuan(input.amount)
    const due = await feeDueOf(row, input, trx)
    if (Money.fromYuan(due.paid).plus(amount).compare(Money.fromYuan(due.feeDue)) > 0)
      throw new RegistryError(
        422,
        row.fee_type === 'fixed'
          ? '累计支付超过约定的固定律师费'
          : `累计支付超过按实际回收金额 ${due.recovered} 元计算的律师费 ${due.feeDue} 元（已付 ${due.paid} 元）`,
        'amount'
      )
    const firm = await trx.from('lit_law_firms').where('id', row.firm_id).first()
    const [paymentId] = await trx.table('lit_engagement_payments').insert({
      engagement_id: id,
      amount_fen: amount.toFen(),
      paid_on: input.paidOn,
      remark: input.remark || null,
      recovered_fen: Money.fromYuan(due.recovered).toFen(),
      recovered_source: due.source,
      recovered_reason: due.reason,
      fee_due_fen: Money.fromYuan(due.feeDue).toFen(),
      created_by: access.user.id,
      created_at: dbNow(),
    })
    // The engagement's loans: the 诉前方案's or the case's.
    const loanIds = (
      row.plan_id
        ? await trx.from('lit_plan_loans').where('plan_id', row.plan_id).select('loan_id')
        : await trx.from('lit_case_loans').where('case_id', row.case_id).select('loan_id')
    ).map((l) => Number(l.loan_id))
    const { expense } = await recordExpense(trx, {
      feeKind: 'lawyer_fee',
      customerId: Number(row.customer_id),
      loanIds,
      payer: '本行',
      payee: firm?.name ?? '律师事务所',
      amount: amount.toYuan(),
      expenseDate: input.paidOn,
      recoverable: true,
      remark: `律师选聘 ${row.engagement_no}${input.remark ? `：${input.remark}` : ''}`,
      source: {
        plugin: 'litigation',
        kind: 'engagement',
        id,
        label: row.engagement_no,
        link: `/p/litigation/lawyers/Engagements?id=${id}`,
      },
      requestKey: `engagement-payment:${paymentId}`,
      operatorId: access.user.id,
      access,
      ctx,
    }).catch((error) => {
      // 费用管理's refusal (a future date, a loan out of scope) is answered as this registry's own.
      throw error instanceof ExpenseError ? RegistryError.from(error) : error
    })
    await trx
      .from('lit_engagement_payments')
      .where('id', paymentId)
      .update({ expense_id: expense.id, expense_no: expense.expenseNo })
    return { paymentId: Number(paymentId), expenseNo: expense.expenseNo, feeDue: due }
  })
}
