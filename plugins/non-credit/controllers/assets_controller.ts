import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { audit } from '#core/audit/audit'
import { queue } from '#core/queue/queue'
import { refuseUnknownFields } from '#core/validation/unknown_fields'
import { bookApi } from '../../credit-assets/services/book_api.js'
import {
  classHistory,
  customerAssets,
  findAsset,
  findChange,
  listAssets,
} from '../services/assets.js'
import { applyForClass } from '../services/classification.js'
import { NonCreditError } from '../services/tables.js'
import {
  CLASSIFY_FIELDS,
  SYNC_FIELDS,
  classifyValidator,
  listValidator,
  syncValidator,
} from '../validators/non_credit.js'

const idOf = (ctx: HttpContext) => Number(ctx.params.id)

/* A NonCreditError is answered by the exception handler (its 404/409, or a 422 with the field message). */

/* 非信贷资产: list, detail, history, reclassification, the feed on demand, a customer's assets. */
export default class AssetsController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listValidator)
    return listAssets(await accessOf(ctx), filters)
  }

  async show(ctx: HttpContext) {
    return findAsset(await accessOf(ctx), idOf(ctx))
  }

  async history(ctx: HttpContext) {
    return { data: await classHistory(await accessOf(ctx), idOf(ctx)) }
  }

  async change(ctx: HttpContext) {
    return findChange(await accessOf(ctx), idOf(ctx))
  }

  async classify(ctx: HttpContext) {
    refuseUnknownFields(ctx, CLASSIFY_FIELDS)
    const input = await ctx.request.validateUsing(classifyValidator)
    const result = await applyForClass(ctx, await accessOf(ctx), idOf(ctx), input)
    ctx.response.status(201)
    return result
  }

  /** Queues the feed of a business date (default: today); 202 `{ jobId }` with progress. */
  async sync(ctx: HttpContext) {
    refuseUnknownFields(ctx, SYNC_FIELDS)
    const input = await ctx.request.validateUsing(syncValidator)
    const user = ctx.auth.getUserOrFail()
    const jobId = await queue.dispatch('non-credit:sync', input, { userId: user.id })
    await audit.record(ctx, {
      action: 'non-credit.sync',
      entityType: 'non_credit_asset',
      detail: JSON.stringify({ ...input, jobId }),
    })
    return ctx.response.accepted({ jobId })
  }

  /** 客户视图 panel: the customer must be in the caller's scope (else 404). */
  async customerAssets(ctx: HttpContext) {
    const access = await accessOf(ctx)
    const customerId = Number(ctx.params.customerId)
    const customer =
      Number.isSafeInteger(customerId) && customerId > 0
        ? await bookApi.customers.byId(customerId, { access })
        : null
    if (!customer) throw new NonCreditError(404, '客户不存在或无权访问', 'No such customer')
    return customerAssets(access, customerId)
  }
}
