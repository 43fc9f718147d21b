import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { accessOf } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { queue } from '#core/queue/queue'
import { dbNow } from '#core/db/db_time'
import { LIKE, likeContains } from '#core/db/like'
import { countBatchCustomers, createBatch } from '../services/batch_create.js'
import { InspectionError, idParam, scopedByCreator, scopedTable } from '../services/scope.js'
import {
  BATCH_FIELDS,
  FILTER_FIELDS,
  batchValidator,
  listValidator,
  previewValidator,
  refusedUnknown,
} from '../validators/inspections.js'
import { meta, notFound } from './replies.js'
import { refuseUnknown } from '#core/validation/unknown_fields'

/*
| 批量检查: batches of the caller's org (仅本人: their own), a preview count of a
| filter, a new batch (items inserted set-based, the run queued as a job whose
| progress the console follows), its customers with their results (in the
| caller's scope), and 重新执行 (failed checks go again, never doubled).
*/
const batchOf = (r: any) => ({
  id: Number(r.id),
  batchNo: r.batch_no,
  filter: JSON.parse(r.filter),
  items: JSON.parse(r.items),
  total: Number(r.total),
  done: Number(r.done),
  failed: Number(r.failed),
  status: r.status,
  jobId: r.job_id,
  lastError: r.last_error,
  createdAt: r.created_at,
})

async function scopedBatch(ctx: HttpContext) {
  const id = idParam(ctx.params.id)
  if (!id) return null
  return scopedByCreator('insp_batches', 'b', await accessOf(ctx))
    .where('b.id', id)
    .select('b.*')
    .first()
}

async function dispatchRun(ctx: HttpContext, batchId: number) {
  const jobId = await queue.dispatch(
    'inspections:run-batch',
    { batchId },
    { userId: ctx.auth.getUserOrFail().id }
  )
  await db
    .from('insp_batches')
    .where('id', batchId)
    .update({ job_id: String(jobId), updated_at: dbNow() })
  return String(jobId)
}

export default class BatchesController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const query = scopedByCreator('insp_batches', 'b', await accessOf(ctx)).select('b.*')
    if (q.status) query.where('b.status', q.status)
    const page = await query.orderBy('b.id', 'desc').paginate(q.page ?? 1, q.perPage ?? 20)
    return { data: page.all().map(batchOf), meta: meta(page) }
  }

  /** How many customers a filter picks (before creating the batch). */
  async preview(ctx: HttpContext) {
    if (refusedUnknown(ctx, ['filter'])) return
    refuseUnknown(ctx.request.input('filter'), FILTER_FIELDS)
    const { filter } = await ctx.request.validateUsing(previewValidator)
    return { customers: await countBatchCustomers(await accessOf(ctx), filter) }
  }

  async store(ctx: HttpContext) {
    if (refusedUnknown(ctx, BATCH_FIELDS)) return
    refuseUnknown(ctx.request.input('filter'), FILTER_FIELDS)
    const input = await ctx.request.validateUsing(batchValidator)
    const batch = await createBatch(ctx, await accessOf(ctx), input)
    const jobId = await dispatchRun(ctx, batch.id)
    return ctx.response.status(201).send({ ...batch, jobId })
  }

  async show(ctx: HttpContext) {
    const row = await scopedBatch(ctx)
    if (!row) return notFound(ctx)
    return batchOf(row)
  }

  /** The batch's customers in the caller's scope, with their results. */
  async items(ctx: HttpContext) {
    const row = await scopedBatch(ctx)
    if (!row) return notFound(ctx)
    const q = await ctx.request.validateUsing(listValidator)
    const query = scopedTable('insp_batch_items', 'i', await accessOf(ctx))
      .where('i.batch_id', row.id)
      .select('i.*')
    if (q.status) query.where('i.status', q.status)
    if (q.finding) query.where('i.finding', q.finding)
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w.whereRaw(LIKE, ['i.customer_no', like]).orWhereRaw(LIKE, ['i.customer_name', like])
      )
    }
    const page = await query.orderBy('i.id').paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map((i) => ({
        id: Number(i.id),
        customerId: Number(i.customer_id),
        customerNo: i.customer_no,
        customerName: i.customer_name,
        customerType: i.customer_type,
        status: i.status,
        attempts: Number(i.attempts),
        finding: i.finding,
        conclusion: i.conclusion,
        inspector: i.inspector,
        checkedOn: i.checked_on ? dateText(i.checked_on) : null,
        error: i.error,
      })),
      meta: meta(page),
    }
  }

  /** 重新执行: failed checks (and any left open) go to 智能贷后 again under their own keys. */
  async retry(ctx: HttpContext) {
    if (refusedUnknown(ctx, [])) return
    const row = await scopedBatch(ctx)
    if (!row) return notFound(ctx)
    if (row.status === 'queued' || row.status === 'running')
      throw new InspectionError(422, 'id', '该批次正在执行', 'The batch is running')
    const reset = await db
      .from('insp_batch_items')
      .where('batch_id', row.id)
      .where('status', 'failed')
      .update({ status: 'retry', attempts: 0 })
    await db
      .from('insp_batches')
      .where('id', row.id)
      .update({ status: 'queued', updated_at: dbNow() })
    const jobId = await dispatchRun(ctx, Number(row.id))
    await audit.record(ctx, {
      action: 'inspections.batch.retry',
      entityType: 'inspection_batch',
      entityId: Number(row.id),
      after: { jobId, failedRequeued: Number(Array.isArray(reset) ? reset[0] : reset) },
    })
    return ctx.response.status(202).send({ jobId })
  }
}
