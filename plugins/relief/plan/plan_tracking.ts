/*
| 减免方案跟踪: reminders before each instalment's due date (the core deadline
| engine, kind relief:instalment, removed when the instalment is paid or the
| plan ends) and the tracking's status changes — 已违约 / 已终止 with a reason.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { deadlines } from '#core/deadlines/deadline_service'
import { Money } from '#core/money/money'
import type { PlanSummary } from './plan_read.js'
import { postingFromRow, reversePosting, type PostingRow } from './postings.js'
import { assertMay, lockPlan, setStatus } from './plan_status.js'

export const deadlineKey = (instalmentId: number) => ({
  source: 'relief',
  kind: 'relief:instalment',
  subjectType: 'relief_instalment',
  subjectId: String(instalmentId),
})

/** Reminders 5, 1 and 0 working days before each due date, to the plan's maker. */
export async function scheduleReminders(trx: TransactionClientContract, plan: PlanSummary) {
  const instalments = await trx.from('relief_instalments').where('plan_id', plan.id)
  for (const i of instalments)
    await deadlines.upsert(
      {
        ...deadlineKey(Number(i.id)),
        title: `减免方案 ${plan.planNo} 第 ${i.seq} 期还款 ${Money.fromFen(String(i.amount_fen)).toYuan()} 元`,
        dueDate:
          typeof i.due_date === 'string'
            ? i.due_date.slice(0, 10)
            : DateTime.fromJSDate(i.due_date).toISODate()!,
        rule: '减免方案还款计划',
        offsets: [5, 1, 0],
        userIds: [plan.createdBy],
        orgId: plan.orgId,
        permission: 'relief:plan:track',
        record: { orgId: plan.orgId, ownerId: plan.createdBy },
        link: `/p/relief/PlanTracking?id=${plan.id}`,
      },
      trx
    )
}

export async function removeDeadlines(trx: TransactionClientContract, planId: number) {
  const instalments = await trx.from('relief_instalments').where('plan_id', planId)
  for (const i of instalments) await deadlines.remove(deadlineKey(Number(i.id)), trx)
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
  assertMay(input.status === 'defaulted' ? 'default' : 'terminate', plan)
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
