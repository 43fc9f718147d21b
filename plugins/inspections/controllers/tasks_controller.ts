import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { accessOf } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { businessDate } from '#core/business_day/business_date'
import { LIKE, likeContains } from '#core/db/like'
import { checklists } from '../services/checklists.js'
import { fileEvidence } from '../services/evidence.js'
import { idParam, scopedTable } from '../services/scope.js'
import { createAdhoc, submitResult } from '../services/tasks.js'
import {
  EVIDENCE_FIELDS,
  RESULT_FIELDS,
  TASK_FIELDS,
  evidenceValidator,
  listValidator,
  refusedUnknown,
  resultValidator,
  taskValidator,
} from '../validators/inspections.js'
import { meta, notFound } from './replies.js'

/*
| 检查任务: 定期 (from plans) and 非定期 tasks in the caller's data scope (out of
| scope = 404), one with its checklist, answers, evidence and proposals; 非定期检查
| created here; the result and the evidence photos (影像平台). Writes audited.
*/
const taskOf = (r: any) => ({
  id: Number(r.id),
  taskNo: r.task_no,
  kind: r.kind,
  planId: r.plan_id === null ? null : Number(r.plan_id),
  periodKey: r.period_key,
  customerId: Number(r.customer_id),
  customerNo: r.customer_no,
  customerName: r.customer_name,
  items: JSON.parse(r.items),
  reason: r.reason,
  assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
  assigneeName: r.assignee_name ?? null,
  dueOn: dateText(r.due_on),
  status: r.status,
  overdue: r.status === 'open' && dateText(r.due_on) < (r.today ?? ''),
  finding: r.finding,
  conclusion: r.conclusion,
  completedAt: r.completed_at,
})

async function scopedTask(ctx: HttpContext) {
  const id = idParam(ctx.params.id)
  if (!id) return null
  return scopedTable('insp_tasks', 't', await accessOf(ctx))
    .where('t.id', id)
    .select('t.*')
    .first()
}

export default class TasksController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const access = await accessOf(ctx)
    const query = scopedTable('insp_tasks', 't', access)
      .leftJoin('users as u', 'u.id', 't.assignee_id')
      .select('t.*', 'u.real_name as assignee_name')
    if (q.status) query.where('t.status', q.status)
    if (q.kind) query.where('t.kind', q.kind)
    if (q.finding) query.where('t.finding', q.finding)
    if (q.mine) query.where('t.assignee_id', access.user.id)
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w.whereRaw(LIKE, ['t.task_no', like]).orWhereRaw(LIKE, ['t.customer_name', like])
      )
    }
    const page = await query
      .orderBy('t.status', 'desc')
      .orderBy('t.due_on')
      .orderBy('t.id', 'desc')
      .paginate(q.page ?? 1, q.perPage ?? 20)
    const today = await businessDate.current()
    return { data: page.all().map((r) => taskOf({ ...r, today })), meta: meta(page) }
  }

  async show(ctx: HttpContext) {
    const row = await scopedTask(ctx)
    if (!row) return notFound(ctx)
    const id = Number(row.id)
    const [answers, evidence, proposals, lists] = await Promise.all([
      db.from('insp_task_results').where('task_id', id).orderBy('id'),
      db.from('insp_evidence').where('task_id', id).orderBy('id'),
      db.from('insp_proposals').where('task_id', id).orderBy('id'),
      checklists(),
    ])
    const task = taskOf(row)
    return {
      ...task,
      checklist: task.items.map((item: keyof typeof lists) => ({ item, points: lists[item] })),
      answers: answers.map((a) => ({
        item: a.item_code,
        point: a.point_code,
        ok: Boolean(a.ok),
        note: a.note,
      })),
      evidence: evidence.map((e) => ({
        id: Number(e.id),
        item: e.item_code,
        point: e.point_code,
        title: e.title,
        docNo: e.doc_no,
        url: e.url,
        createdAt: e.created_at,
      })),
      proposals: proposals.map((p) => ({
        id: Number(p.id),
        loanId: Number(p.loan_id),
        loanNo: p.loan_no,
        fromClass: p.from_class,
        toClass: p.to_class,
        reason: p.reason,
        status: p.status,
      })),
    }
  }

  /** 非定期检查. */
  async store(ctx: HttpContext) {
    if (refusedUnknown(ctx, TASK_FIELDS)) return
    const input = await ctx.request.validateUsing(taskValidator)
    return ctx.response.status(201).send(await createAdhoc(ctx, await accessOf(ctx), input))
  }

  async result(ctx: HttpContext) {
    if (refusedUnknown(ctx, RESULT_FIELDS)) return
    const row = await scopedTask(ctx)
    if (!row) return notFound(ctx)
    const input = await ctx.request.validateUsing(resultValidator)
    return await submitResult(ctx, await accessOf(ctx), Number(row.id), input)
  }

  /** A photo or scan for one checklist point, filed on the 影像平台. */
  async upload(ctx: HttpContext) {
    if (refusedUnknown(ctx, EVIDENCE_FIELDS)) return
    const row = await scopedTask(ctx)
    if (!row) return notFound(ctx)
    const input = await ctx.request.validateUsing(evidenceValidator)
    const filed = await fileEvidence(
      { id: Number(row.id), customerNo: row.customer_no, items: JSON.parse(row.items) },
      input,
      ctx.auth.getUserOrFail().id
    )
    await audit.record(ctx, {
      action: 'inspections.evidence.upload',
      entityType: 'inspection_task',
      entityId: Number(row.id),
      after: {
        item: input.item,
        point: input.point,
        fileName: input.fileName,
        docNo: filed.docNo,
      },
    })
    return ctx.response.created(filed)
  }
}
