/*
| 非定期检查 (ad hoc) and the result of any check: the answers per checklist point,
| the conclusion and finding (正常 / 关注 / 风险), refused while a point that requires
| evidence has none on the 影像平台. A 风险 finding tells the customer's handlers
| (who hold the permission and have the customer in scope) through 消息; a
| finding may propose a five-class change for a loan of the customer, recorded
| here and linked to the loan (credit-assets has no public proposal service).
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { recordRecipients } from '#core/identity/record_recipients'
import { notify } from '#core/messages/notify'
import { businessDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { assigneeResolver } from './assignees.js'
import { checklists, missingEvidence, type CheckItem } from './checklists.js'
import { dropTaskDeadline, taskDeadline } from './deadlines.js'
import { HANDLE_PERMISSION, InspectionError, notFoundError } from './scope.js'

export async function createAdhoc(
  ctx: HttpContext,
  access: UserAccess,
  input: {
    customerId: number
    items: CheckItem[]
    dueOn: string
    reason: string
    assigneeId?: number
  }
) {
  const customer = await bookApi.customers.byId(input.customerId, { access })
  if (!customer) throw new InspectionError(404, 'customerId', '客户不存在', 'Customer not found')
  if (input.dueOn < (await businessDate.current()))
    throw new InspectionError(
      422,
      'dueOn',
      '完成期限不能早于当前营业日期',
      'The due date is before the business date'
    )
  const ref = { orgId: customer.orgId, managerId: customer.managerId ?? null }
  const resolver = assigneeResolver()
  let assigneeId: number | null
  if (input.assigneeId) {
    if (!(await resolver.eligible(input.assigneeId, ref)))
      throw new InspectionError(
        422,
        'assigneeId',
        '检查人须持有日常检查权限且该客户在其数据权限内',
        'The assignee must hold the check permission and have the customer in scope'
      )
    assigneeId = input.assigneeId
  } else assigneeId = await resolver.resolve(ref)
  return db.transaction(async (trx) => {
    const now = dbNow()
    const [id] = await trx.table('insp_tasks').insert({
      task_no: `P${randomUUID().replaceAll('-', '').slice(0, 30)}`,
      kind: 'adhoc',
      customer_id: customer.id,
      customer_no: customer.customerNo,
      customer_name: customer.name,
      items: JSON.stringify(input.items),
      reason: input.reason,
      assignee_id: assigneeId,
      due_on: input.dueOn,
      status: 'open',
      org_id: customer.orgId,
      manager_id: customer.managerId ?? null,
      created_by: access.user.id,
      created_at: now,
      updated_at: now,
    })
    const taskNo = `FD${now.slice(0, 10).replaceAll('-', '')}${String(id).padStart(6, '0')}`
    await trx.from('insp_tasks').where('id', id).update({ task_no: taskNo })
    await taskDeadline(trx, {
      id: Number(id),
      taskNo,
      customerName: customer.name,
      dueOn: input.dueOn,
      assigneeId,
      orgId: customer.orgId,
      managerId: customer.managerId ?? null,
    })
    await audit.append(ctx, {
      action: 'inspections.task.create',
      entityType: 'inspection_task',
      entityId: Number(id),
      after: {
        taskNo,
        customerId: customer.id,
        items: input.items,
        dueOn: input.dueOn,
        assigneeId,
      },
      trx,
    })
    return { id: Number(id), taskNo, assigneeId }
  })
}

export interface ResultInput {
  answers: Array<{ item: string; point: string; ok: boolean; note?: string }>
  finding: 'normal' | 'attention' | 'risk'
  conclusion: string
  proposal?: { loanId: number; toClass: string; reason: string }
}

export async function submitResult(
  ctx: HttpContext,
  access: UserAccess,
  taskId: number,
  input: ResultInput
) {
  const user = ctx.auth.getUserOrFail()
  return db.transaction(async (trx) => {
    const task = await trx.from('insp_tasks').where('id', taskId).forUpdate().first()
    if (!task) throw notFoundError()
    if (task.status === 'done')
      throw new InspectionError(422, 'id', '该检查任务已完成', 'The task is already done')
    const ref = {
      orgId: Number(task.org_id),
      managerId: task.manager_id === null ? null : Number(task.manager_id),
    }
    if (!(await assigneeResolver().eligible(user.id, ref)))
      throw new InspectionError(
        422,
        'id',
        '您无权处理该客户的检查',
        'You may not handle this check'
      )
    const items = JSON.parse(task.items) as CheckItem[]
    const lists = await checklists(trx)
    const valid = new Set(items.flatMap((i) => lists[i].map((p) => `${i}.${p.code}`)))
    const wrong = input.answers.filter((a) => !valid.has(`${a.item}.${a.point}`))
    if (wrong.length)
      throw new InspectionError(
        422,
        'answers',
        `不属于本任务检查清单的项目：${wrong.map((a) => `${a.item}.${a.point}`).join('、')}`,
        `Not on this task's checklist: ${wrong.map((a) => `${a.item}.${a.point}`).join(', ')}`
      )
    const answered = new Set(input.answers.map((a) => `${a.item}.${a.point}`))
    const unanswered = [...valid].filter((k) => !answered.has(k))
    if (unanswered.length)
      throw new InspectionError(
        422,
        'answers',
        `检查清单尚有未填写的项目：${unanswered.join('、')}`,
        `Checklist points not answered: ${unanswered.join(', ')}`
      )
    const evidence = await trx.from('insp_evidence').where('task_id', taskId)
    const missing = missingEvidence(lists, items, evidence)
    if (missing.length)
      throw new InspectionError(
        422,
        'evidence',
        `以下项目须上传影像资料：${missing.map((m) => m.label).join('；')}`,
        `Evidence required for: ${missing.map((m) => `${m.item}.${m.point}`).join(', ')}`
      )
    let proposal: { id: number; loanNo: string } | null = null
    if (input.proposal) {
      const loan = await bookApi.loans.byId(input.proposal.loanId, { access, client: trx })
      if (!loan || loan.customerId !== Number(task.customer_id))
        throw new InspectionError(
          422,
          'proposal.loanId',
          '借据不属于该客户或不在数据权限内',
          'The loan is not of this customer or out of scope'
        )
      if (loan.fiveClass === input.proposal.toClass)
        throw new InspectionError(
          422,
          'proposal.toClass',
          '建议分类与当前分类相同',
          'The proposed class equals the current one'
        )
      const [pid] = await trx.table('insp_proposals').insert({
        task_id: taskId,
        loan_id: loan.id,
        loan_no: loan.loanNo,
        from_class: loan.fiveClass,
        to_class: input.proposal.toClass,
        reason: input.proposal.reason,
        status: 'proposed',
        org_id: loan.orgId,
        manager_id: loan.managerId ?? null,
        created_by: user.id,
        created_at: dbNow(),
      })
      proposal = { id: Number(pid), loanNo: loan.loanNo }
    }
    await trx.table('insp_task_results').multiInsert(
      input.answers.map((a) => ({
        task_id: taskId,
        item_code: a.item,
        point_code: a.point,
        ok: a.ok,
        note: a.note ?? null,
      }))
    )
    await trx.from('insp_tasks').where('id', taskId).update({
      status: 'done',
      finding: input.finding,
      conclusion: input.conclusion,
      completed_at: dbNow(),
      completed_by: user.id,
      updated_at: dbNow(),
    })
    await dropTaskDeadline(trx, taskId)
    if (input.finding === 'risk' || proposal) {
      const userIds = await recordRecipients({
        orgId: ref.orgId,
        permission: HANDLE_PERMISSION,
        record: { orgId: ref.orgId, ownerId: ref.managerId },
      })
      await notify(
        {
          type: 'inspections.finding',
          userIds: [...userIds, ...(task.assignee_id ? [Number(task.assignee_id)] : [])],
          title: `日常检查发现风险：${task.customer_name}（${task.task_no}）`,
          body: proposal
            ? `${input.conclusion}\n建议借据 ${proposal.loanNo} 调整五级分类为 ${input.proposal!.toClass}`
            : input.conclusion,
          link: `/p/inspections/Tasks?id=${taskId}`,
        },
        { trx }
      )
    }
    await audit.append(ctx, {
      action: 'inspections.task.complete',
      entityType: 'inspection_task',
      entityId: taskId,
      before: { status: task.status },
      after: { status: 'done', finding: input.finding, answers: input.answers.length, proposal },
      trx,
    })
    return { id: taskId, status: 'done', proposal }
  })
}
