import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { dateText } from '#core/holidays/calendar_date'
import { Money } from '#core/money/money'
import { queue } from '#core/queue/queue'
import { LIKE, likeContains } from '#core/db/like'
import {
  itemValidator,
  listValidator,
  refusedUnknown,
  registerValidator,
} from '../validators/collection.js'
import { idParam, scopedTable } from '../services/scope.js'
import { itemKey, startItem } from '../services/items.js'
import { registerInterruption } from '../services/register.js'

/*
| 催收管理: items (started here, sent through the outbox) with their sending
| state and records, the records synced back, and 登记时效中断 on a record with
| proof. Every list and id goes through the data scope (out of scope = 404).
*/
const yuanOrNull = (fen: unknown) =>
  fen === null || fen === undefined ? null : Money.fromFen(String(fen)).toYuan()

const recordOf = (r: any) => ({
  id: Number(r.id),
  recordNo: r.record_no,
  itemId: Number(r.item_id),
  itemNo: r.item_no ?? null,
  customerName: r.customer_name ?? null,
  method: r.method,
  collectedOn: dateText(r.collected_on),
  collector: r.collector,
  result: r.result,
  proof: r.proof_doc_no
    ? { kind: r.proof_kind, docNo: r.proof_doc_no, title: r.proof_title }
    : null,
  promisedAmount: yuanOrNull(r.promised_amount_fen),
  registeredAt: r.registered_at ?? null,
})

export default class ItemsController {
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const query = scopedTable('collection_items', 'i', await accessOf(ctx)).select('i.*')
    if (q.status) query.where('i.status', q.status)
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w.whereRaw(LIKE, ['i.item_no', like]).orWhereRaw(LIKE, ['i.customer_name', like])
      )
    }
    const page = await query.orderBy('i.id', 'desc').paginate(q.page ?? 1, q.perPage ?? 20)
    const ids = page.all().map((r) => Number(r.id))
    const loans = ids.length
      ? await db.from('collection_item_loans').whereIn('item_id', ids).orderBy('id')
      : []
    const keys = page.all().map((r) => itemKey(r.item_no))
    const sending = new Map(
      keys.length
        ? (
            await db
              .from('outbox_messages')
              .whereIn('idempotency_key', keys)
              .select('idempotency_key', 'status', 'attempts', 'last_error')
          ).map((m) => [m.idempotency_key, m])
        : []
    )
    return {
      data: page.all().map((r) => {
        const m = sending.get(itemKey(r.item_no))
        return {
          id: Number(r.id),
          itemNo: r.item_no,
          customerId: Number(r.customer_id),
          customerName: r.customer_name,
          method: r.method,
          dueOn: r.due_on ? dateText(r.due_on) : null,
          instructions: r.instructions,
          status: r.status,
          // The outbox: pending (will be retried), sent, dead (an operator retries it on 外发消息).
          sending: m ? { status: m.status, attempts: Number(m.attempts) } : null,
          loanNos: loans.filter((l) => Number(l.item_id) === Number(r.id)).map((l) => l.loan_no),
          createdAt: r.created_at,
        }
      }),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  async store(ctx: HttpContext) {
    if (refusedUnknown(ctx, ['customerId', 'loanIds', 'method', 'dueOn', 'instructions'])) return
    const input = await ctx.request.validateUsing(itemValidator)
    const item = await startItem(ctx, await accessOf(ctx), input)
    return ctx.response.status(201).send(item)
  }

  /** 同步催收记录 now (the job also runs every 15 minutes). */
  async sync(ctx: HttpContext) {
    const jobId = await queue.dispatch(
      'collection:sync-records',
      {},
      {
        userId: ctx.auth.getUserOrFail().id,
      }
    )
    return ctx.response.status(202).send({ jobId })
  }

  async records(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(listValidator)
    const query = scopedTable('collection_records', 'r', await accessOf(ctx))
      .join('collection_items as i', 'i.id', 'r.item_id')
      .select('r.*', 'i.item_no', 'i.customer_name')
    if (q.status === 'registered') query.whereNotNull('r.registered_at')
    if (q.status === 'unregistered') query.whereNull('r.registered_at')
    if (q.keyword) {
      const like = likeContains(q.keyword)
      query.where((w) =>
        w
          .whereRaw(LIKE, ['r.record_no', like])
          .orWhereRaw(LIKE, ['i.item_no', like])
          .orWhereRaw(LIKE, ['i.customer_name', like])
      )
    }
    const page = await query.orderBy('r.id', 'desc').paginate(q.page ?? 1, q.perPage ?? 20)
    return {
      data: page.all().map(recordOf),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  }

  /** 登记时效中断 for a record with proof (disposal's limitation API). */
  async register(ctx: HttpContext) {
    if (refusedUnknown(ctx, ['signed', 'remark'])) return
    const access = await accessOf(ctx)
    const id = idParam(ctx.params.id)
    const row = id
      ? await scopedTable('collection_records', 'r', access)
          .where('r.id', id)
          .select('r.id')
          .first()
      : null
    if (!row) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const input = await ctx.request.validateUsing(registerValidator)
    // A refusal (ItemError, or disposal's LimitationError as one) is answered by the exception handler.
    const events = await registerInterruption(ctx, access, Number(row.id), input)
    return { events }
  }
}
