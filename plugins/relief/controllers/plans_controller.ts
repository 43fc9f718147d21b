import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { renderPdf } from '#core/documents/pdf'
import { LIKE, likeContains } from '#core/db/like'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { BUCKETS, BUCKET_LABELS } from '../plan/buckets.js'
import { readPlan, scopedPlans, planSummary } from '../plan/plan_read.js'
import { loanBuckets } from '../plan/prefill.js'
import { KIND_LABELS, retryPosting } from '../plan/postings.js'
import { createPlan, submitPlan, updatePlan } from '../plan/plan_service.js'
import { registerPayment, reversePayment } from '../plan/plan_accounting.js'
import { changeStatus } from '../plan/plan_tracking.js'
import {
  bucketsValidator,
  listValidator,
  paymentValidator,
  planValidator,
  reasonValidator,
  statusValidator,
} from '../validators/plan.js'

/*
| 债权减免's routes: 申报 (list, form, submit), 账务处理 (payments, 冲正, 通知单),
| 跟踪 (status changes). Every list and by-id read goes through the data scope
| (out of scope = 404); every write is audited by the service in its transaction.
*/
const notFound = (ctx: HttpContext) =>
  ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })

const idOf = (ctx: HttpContext, key = 'id') => {
  const id = Number(ctx.params[key])
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

export default class PlansController {
  async index(ctx: HttpContext) {
    const { page, perPage, keyword, status } = await ctx.request.validateUsing(listValidator)
    const access = await accessOf(ctx)
    const query = scopedPlans(access).select('p.*')
    if (keyword) query.whereRaw(LIKE, ['p.plan_no', likeContains(keyword)])
    if (status) query.where('p.status', status)
    const result = await query.orderBy('p.id', 'desc').paginate(page ?? 1, perPage ?? 20)
    const rows = result.all().map(planSummary)
    const ids = [...new Set(rows.map((r) => r.customerId))]
    const customers = ids.length
      ? (await bookApi.customers.search({ ids, perPage: ids.length }, { access })).data
      : []
    const names = new Map(customers.map((c) => [c.id, c.name]))
    return {
      data: rows.map((r) => ({ ...r, customerName: names.get(r.customerId) ?? null })),
      meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
    }
  }

  async show(ctx: HttpContext) {
    const id = idOf(ctx)
    const plan = id ? await readPlan(id, await accessOf(ctx), await businessDate.current()) : null
    if (!plan) return notFound(ctx)
    const customer = await bookApi.customers.byId(plan.customerId)
    return { ...plan, customerName: customer?.name ?? null }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(planValidator)
    const access = await accessOf(ctx)
    const id = await db.transaction((trx) => createPlan(trx, access, input, ctx))
    return ctx.response.created(await readPlan(id, access, await businessDate.current()))
  }

  async update(ctx: HttpContext) {
    const id = idOf(ctx)
    if (!id) return notFound(ctx)
    const input = await ctx.request.validateUsing(planValidator)
    const access = await accessOf(ctx)
    await db.transaction((trx) => updatePlan(trx, access, id, input, ctx))
    return readPlan(id, access, await businessDate.current())
  }

  async submit(ctx: HttpContext) {
    const id = idOf(ctx)
    if (!id) return notFound(ctx)
    const access = await accessOf(ctx)
    const route = await db.transaction((trx) => submitPlan(trx, access, id, ctx))
    return { ...(await readPlan(id, access, await businessDate.current())), route }
  }

  /** 科目预填: each loan's buckets from core banking or 利息试算 as of the date. */
  async buckets(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(bucketsValidator)
    const access = await accessOf(ctx)
    const data = []
    for (const loanId of input.loanIds) {
      const b = await loanBuckets(access, loanId, input.source, input.date)
      data.push({ loanId: b.loanId, loanNo: b.loanNo, fiveClass: b.fiveClass, owed: b.owed })
    }
    return {
      source: input.source,
      date: input.date,
      data,
      buckets: BUCKETS.map((b) => ({ code: b, label: BUCKET_LABELS[b] })),
    }
  }

  /** Loans of a customer for the picker (in scope), or a customer's guarantors. */
  async loans(ctx: HttpContext) {
    const customerId = Number(ctx.request.input('customerId'))
    if (!Number.isSafeInteger(customerId) || customerId <= 0) return { data: [] }
    const access = await accessOf(ctx)
    const page = await bookApi.loans.search({ customerId, perPage: 200 }, { access })
    const guarantees = page.data.length
      ? await bookApi.guarantees.byKeys(
          page.data.map((l) => l.id),
          { access }
        )
      : []
    return {
      data: page.data.map((l) => ({
        id: l.id,
        loanNo: l.loanNo,
        balance: l.balance,
        fiveClass: l.fiveClass,
        status: l.status,
      })),
      // 保证 (not 抵押/质押): the guarantors a plan may relieve.
      guarantors: guarantees
        .filter((g) => g.guaranteeType === 'guaranty')
        .map((g) => ({ guaranteeId: g.id, loanId: g.loanId, name: g.guarantorName })),
    }
  }

  /** 营业日: the console offers it as "today" for plan, due and payment dates. */
  async today() {
    return { businessDate: await businessDate.current() }
  }

  async customers(ctx: HttpContext) {
    const { page, perPage, keyword } = await ctx.request.validateUsing(listValidator)
    // The picker labels its current value by ids ("3,7"); anything else in it is ignored.
    const ids = String(ctx.request.input('ids') ?? '')
      .split(',')
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0)
      .slice(0, 200)
    return bookApi.customers.search(
      ids.length ? { ids, perPage: ids.length } : { keyword, page, perPage },
      { access: await accessOf(ctx) }
    )
  }

  async pay(ctx: HttpContext) {
    const id = idOf(ctx)
    if (!id) return notFound(ctx)
    const input = await ctx.request.validateUsing(paymentValidator)
    const access = await accessOf(ctx)
    const result = await db.transaction((trx) => registerPayment(trx, access, id, input, ctx))
    return {
      ...(await readPlan(id, access, await businessDate.current())),
      completed: result.completed,
    }
  }

  async reverse(ctx: HttpContext) {
    const id = idOf(ctx)
    const postingId = idOf(ctx, 'postingId')
    if (!id || !postingId) return notFound(ctx)
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    const access = await accessOf(ctx)
    await db.transaction((trx) => reversePayment(trx, access, id, postingId, reason, ctx))
    return readPlan(id, access, await businessDate.current())
  }

  /** 重新记账: a posting core banking refused, sent again with its keys (in scope; audited). */
  async retry(ctx: HttpContext) {
    const id = idOf(ctx)
    const postingId = idOf(ctx, 'postingId')
    const access = await accessOf(ctx)
    const plan = id ? await readPlan(id, access, await businessDate.current()) : null
    if (!plan || !postingId) return notFound(ctx)
    const done = await retryPosting(plan.id, postingId)
    await audit.record(ctx, {
      action: 'relief.posting.retry',
      entityType: 'relief:posting',
      entityId: postingId,
      detail: `${done.noticeNo}: ${done.keys.join(', ')}`,
    })
    return readPlan(plan.id, access, await businessDate.current())
  }

  async status(ctx: HttpContext) {
    const id = idOf(ctx)
    if (!id) return notFound(ctx)
    const input = await ctx.request.validateUsing(statusValidator)
    const access = await accessOf(ctx)
    await db.transaction((trx) => changeStatus(trx, access, id, input, ctx))
    return readPlan(id, access, await businessDate.current())
  }

  /** 通知单 of one posting (PDF), in scope; printing is audited. */
  async notice(ctx: HttpContext) {
    const id = idOf(ctx)
    const postingId = idOf(ctx, 'postingId')
    const access = await accessOf(ctx)
    const plan = id ? await readPlan(id, access, await businessDate.current()) : null
    const posting = plan?.postings.find((p) => p.id === postingId)
    if (!plan || !posting) return notFound(ctx)
    const customer = await bookApi.customers.byId(plan.customerId)
    const original = posting.reversesId
      ? plan.postings.find((p) => p.id === posting.reversesId)
      : null
    const pdf = await renderPdf({
      plugin: 'relief',
      template: 'notice',
      data: {
        plan,
        posting,
        title: `${KIND_LABELS[posting.kind]}通知单`,
        customerName: customer?.name ?? '',
        original: original ? { noticeNo: original.noticeNo, kindLabel: original.kindLabel } : null,
        lines: posting.lines.map((l) => ({
          loanNo: l.loanNo,
          bucket: l.bucket === 'cash' ? '收款' : BUCKET_LABELS[l.bucket].zh,
          amount: l.amount,
        })),
      },
    })
    await audit.record(ctx, {
      action: 'relief.posting.print',
      entityType: 'relief:posting',
      entityId: posting.id,
    })
    return ctx.response
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${posting.noticeNo}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf)
  }

  /** 减免方案 (PDF). */
  async pdf(ctx: HttpContext) {
    const id = idOf(ctx)
    const access = await accessOf(ctx)
    const plan = id ? await readPlan(id, access, await businessDate.current()) : null
    if (!plan) return notFound(ctx)
    const customer = await bookApi.customers.byId(plan.customerId)
    const pdf = await renderPdf({
      plugin: 'relief',
      template: 'plan',
      data: {
        plan,
        customerName: customer?.name ?? '',
        loans: plan.loans.map((l) => ({
          loanNo: l.loanNo,
          fiveClass: l.fiveClass,
          buckets: BUCKETS.map((b) => ({
            label: BUCKET_LABELS[b].zh,
            owed: l.owed[b],
            relief: l.relief[b],
          })),
        })),
      },
    })
    await audit.record(ctx, {
      action: 'relief.plan.print',
      entityType: 'relief:plan',
      entityId: plan.id,
    })
    return ctx.response
      .header('content-type', 'application/pdf')
      .header('cache-control', 'no-store')
      .send(pdf)
  }
}
