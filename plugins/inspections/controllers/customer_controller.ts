import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { idParam, scopedTable } from '../services/scope.js'
import { notFound } from './replies.js'

/*
| 客户视图 › 日常检查: one customer's check tasks (定期 and 非定期, newest first)
| and the results 智能贷后 sent back for it in batch checks. The customer is
| read through credit-assets' book service with the caller's scope (out of
| scope = 404); tasks and batch results are filtered by the same scope.
*/
const LIMIT = 50

export default class CustomerInspectionsController {
  async results(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.customerId)
    const customer = id ? await bookApi.customers.byId(id, { access }) : null
    if (!customer) return notFound(ctx)
    const [tasks, checks] = await Promise.all([
      scopedTable('insp_tasks', 't', access)
        .leftJoin('users as u', 'u.id', 't.assignee_id')
        .where('t.customer_id', customer.id)
        .orderBy('t.due_on', 'desc')
        .orderBy('t.id', 'desc')
        .limit(LIMIT)
        .select('t.*', 'u.real_name as assignee_name'),
      scopedTable('insp_batch_items', 'i', access)
        .join('insp_batches as b', 'b.id', 'i.batch_id')
        .where('i.customer_id', customer.id)
        .orderBy('i.id', 'desc')
        .limit(LIMIT)
        .select('i.*', 'b.batch_no'),
    ])
    return {
      customerId: customer.id,
      tasks: tasks.map((r) => ({
        id: Number(r.id),
        taskNo: r.task_no as string,
        kind: r.kind as string,
        periodKey: r.period_key as string | null,
        dueOn: dateText(r.due_on),
        status: r.status as string,
        assigneeName: (r.assignee_name as string | null) ?? null,
        finding: r.finding as string | null,
        conclusion: r.conclusion as string | null,
      })),
      batchChecks: checks.map((r) => ({
        id: Number(r.id),
        batchId: Number(r.batch_id),
        batchNo: r.batch_no as string,
        status: r.status as string,
        finding: r.finding as string | null,
        conclusion: r.conclusion as string | null,
        inspector: r.inspector as string | null,
        checkedOn: r.checked_on ? dateText(r.checked_on) : null,
      })),
    }
  }
}
