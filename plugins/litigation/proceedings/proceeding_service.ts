/*
| 诉中方案申报: add, modify, delete (drafts), submit, and the workflow's decisions. A
| plan belongs to a case the applicant may see (read through cases/case_service.ts);
| its org is the case's. An approved 和解/调解/执行和解 with an instalment schedule puts
| one deadline per instalment into the core reminder engine, in the decision's
| transaction, reminding the applicant (and those at the org who may see the plan)
| 5 and 1 working days before and on the day.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { dateText } from '#core/holidays/calendar_date'
import type { UserAccess } from '#core/identity/user_access'
import { deadlines } from '#core/deadlines/deadline_service'
import { submitForApproval } from '#core/workflow/submit'
import { caseInScope } from '../cases/case_service.js'
import { LitPlanError } from '../plans/plan_service.js'
import { EDITABLE_STATUSES, type LitPlanStatus } from '../plans/dictionaries.js'
import { INSTALMENT_KINDS, PROCEEDING_KINDS } from './dictionaries.js'
import { scheduleProblem, type Instalment } from './instalments.js'

export const PROCEEDING_WORKFLOW_TYPE = 'litigation:proceeding'
const DEADLINE_KIND = 'litigation:instalment'
const SUBJECT_TYPE = 'lit_proceeding_plan'

export interface ProceedingInput {
  caseId: number
  kind: string
  amount: string
  content: string
  applicationReason: string
  instalments?: Instalment[]
}

async function prepare(access: UserAccess, input: ProceedingInput) {
  const found = await caseInScope(access, input.caseId)
  if (!found) throw new LitPlanError(404, '案件不存在或无权访问', 'caseId')
  const instalments = input.instalments ?? []
  if (instalments.length && !INSTALMENT_KINDS.includes(input.kind))
    throw new LitPlanError(422, '只有调解、和解、执行和解方案可以约定分期履行', 'instalments')
  const problem = scheduleProblem(input.amount, instalments)
  if (problem) throw new LitPlanError(422, problem.message, problem.field)
  return { found, instalments }
}

type Prepared = Awaited<ReturnType<typeof prepare>>

const columns = (input: ProceedingInput, p: Prepared) => ({
  case_id: p.found.id,
  case_no: p.found.caseNo,
  customer_id: p.found.customerId,
  customer_name: p.found.customerName,
  org_id: p.found.orgId,
  kind: input.kind,
  amount_fen: Money.fromYuan(input.amount).toFen(),
  content: input.content,
  reasons: input.applicationReason,
})

async function writeInstalments(trx: TransactionClientContract, planId: number, p: Prepared) {
  await trx.from('lit_proceeding_instalments').where('plan_id', planId).delete()
  if (!p.instalments.length) return
  await trx.table('lit_proceeding_instalments').multiInsert(
    p.instalments.map((item, i) => ({
      plan_id: planId,
      seq: i + 1,
      due_date: item.dueDate,
      amount_fen: Money.fromYuan(item.amount).toFen(),
    }))
  )
}

async function event(
  trx: TransactionClientContract,
  planId: number,
  eventType: string,
  from: string | null,
  to: string,
  actorId: number | null
) {
  await trx.table('lit_proceeding_events').insert({
    plan_id: planId,
    event_type: eventType,
    from_status: from,
    to_status: to,
    actor_id: actorId,
    created_at: dbNow(),
  })
}

type OnCommit = (trx: TransactionClientContract, id: number) => Promise<void>

export async function createProceeding(
  access: UserAccess,
  input: ProceedingInput,
  onCommit?: OnCommit
) {
  const prepared = await prepare(access, input)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('lit_proceeding_plans').insert({
      ...columns(input, prepared),
      plan_no: `TMP-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      created_by: access.user.id,
      status: 'draft',
      created_at: now,
      updated_at: now,
    })
    const planId = Number(id)
    const day = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyyMMdd')
    await trx
      .from('lit_proceeding_plans')
      .where('id', planId)
      .update({ plan_no: `SZFA${day}${String(planId).padStart(6, '0')}` })
    await writeInstalments(trx, planId, prepared)
    await event(trx, planId, 'created', null, 'draft', access.user.id)
    await onCommit?.(trx, planId)
    return planId
  })
}

async function lockOwn(
  trx: TransactionClientContract,
  id: number,
  userId: number,
  statuses: LitPlanStatus[]
) {
  const row = await trx.from('lit_proceeding_plans').where('id', id).forUpdate().first()
  if (!row) throw new LitPlanError(404, '记录不存在或无权访问')
  if (Number(row.created_by) !== userId)
    throw new LitPlanError(409, '只有申请人可以修改、删除或提交诉中方案')
  if (!statuses.includes(row.status))
    throw new LitPlanError(409, '诉中方案已提交审批或已审结，不能修改')
  return row
}

export async function updateProceeding(
  access: UserAccess,
  id: number,
  input: ProceedingInput,
  onCommit?: OnCommit
) {
  const prepared = await prepare(access, input)
  await db.transaction(async (trx) => {
    const row = await lockOwn(trx, id, access.user.id, EDITABLE_STATUSES)
    await trx
      .from('lit_proceeding_plans')
      .where('id', id)
      .update({ ...columns(input, prepared), updated_at: dbNow() })
    await writeInstalments(trx, id, prepared)
    await event(trx, id, 'updated', row.status, row.status, access.user.id)
    await onCommit?.(trx, id)
  })
}

export async function deleteProceeding(access: UserAccess, id: number, onCommit?: OnCommit) {
  await db.transaction(async (trx) => {
    await lockOwn(trx, id, access.user.id, ['draft'])
    await onCommit?.(trx, id)
    await trx.from('lit_proceeding_instalments').where('plan_id', id).delete()
    await trx.from('lit_proceeding_events').where('plan_id', id).delete()
    await trx.from('lit_proceeding_plans').where('id', id).delete()
  })
}

const kindLabel = (kind: string) => PROCEEDING_KINDS.find(([code]) => code === kind)?.[1] ?? kind

export async function submitProceeding(access: UserAccess, id: number, onCommit?: OnCommit) {
  return db.transaction(async (trx) => {
    const row = await lockOwn(trx, id, access.user.id, EDITABLE_STATUSES)
    const { instanceId } = await submitForApproval({
      type: PROCEEDING_WORKFLOW_TYPE,
      businessId: String(id),
      title: `诉中方案（${kindLabel(row.kind)}）${row.plan_no} ${row.case_no}`,
      amount: Money.fromFen(row.amount_fen).toYuan(),
      applicantId: access.user.id,
      orgId: access.user.orgId,
      trx,
    })
    const now = dbNow()
    await trx.from('lit_proceeding_plans').where('id', id).update({
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

/** One deadline per instalment of an approved plan (the engine re-arms on a moved date). */
async function instalmentDeadlines(trx: TransactionClientContract, plan: any) {
  const rows = await trx
    .from('lit_proceeding_instalments')
    .where('plan_id', plan.id)
    .orderBy('seq')
    .select('seq', 'due_date', db.raw('CAST(amount_fen AS CHAR) as amount_fen'))
  for (const item of rows) {
    await deadlines.upsert(
      {
        source: 'litigation',
        kind: DEADLINE_KIND,
        subjectType: SUBJECT_TYPE,
        subjectId: `${plan.id}:${item.seq}`,
        title:
          `${kindLabel(plan.kind)}分期履行第 ${item.seq} 期 ${Money.fromFen(item.amount_fen).toYuan()} 元（${plan.case_no} ${plan.customer_name}）`.slice(
            0,
            200
          ),
        dueDate: dateText(item.due_date),
        rule: `${kindLabel(plan.kind)}协议约定的分期履行日（诉中方案 ${plan.plan_no}）`,
        offsets: [5, 1, 0],
        userIds: [Number(plan.created_by)],
        orgId: Number(plan.org_id),
        permission: 'litigation:proceeding:list',
        record: { orgId: Number(plan.org_id), ownerId: Number(plan.created_by) },
        link: `/p/litigation/proceedings/Proceedings?id=${plan.id}`,
      },
      trx
    )
  }
  return rows.length
}

export async function decideProceeding(
  trx: TransactionClientContract,
  id: number,
  to: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'pending',
  actorId: number
) {
  const row = await trx.from('lit_proceeding_plans').where('id', id).forUpdate().first()
  if (!row) throw new LitPlanError(404, `诉中方案 ${id} 不存在`)
  const from = to === 'pending' ? 'returned' : 'pending'
  if (row.status !== from)
    throw new LitPlanError(409, `诉中方案 ${row.plan_no} 当前状态 ${row.status}，不能${to}`)
  const now = dbNow()
  const final = to === 'approved' || to === 'rejected'
  await trx
    .from('lit_proceeding_plans')
    .where('id', id)
    .update({
      status: to,
      decided_at: final ? now : null,
      ...(to === 'pending' ? { submitted_at: now } : {}),
      updated_at: now,
    })
  await event(trx, id, to === 'pending' ? 'submitted' : to, from, to, actorId)
  if (to === 'approved' && INSTALMENT_KINDS.includes(row.kind)) await instalmentDeadlines(trx, row)
}
