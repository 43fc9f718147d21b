/*
| 减免账务处理 on a plan in execution: 还款登记 (价款分配 + 还款 postings, the
| schedule recomputed, 已完成 when the agreed amount is in: the disposal
| outcome and the loans 已减免) and 还款冲正. The postings themselves (通知单,
| outbox, exactly-once keys, the reversal rules) are plan/postings.ts.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { deadlines } from '#core/deadlines/deadline_service'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { recordDisposalOutcome } from '../../disposal/services/outcomes_api.js'
import { allocatePayment, BUCKETS, zeroAmounts, type Amounts } from './buckets.js'
import { amountsOf, type PlanSummary } from './plan_read.js'
import { fen, toYuan } from './plan_input.js'
import { assertMay, lockPlan, setStatus } from './plan_status.js'
import { deadlineKey, removeDeadlines } from './plan_tracking.js'
import { createPosting, postingFromRow, reversePosting, type PostingRow } from './postings.js'
import { ReliefError } from './relief_error.js'

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
  assertMay('pay', plan)
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
  assertMay('reverse', plan)
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
