import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { RuleError } from '#core/plugins/rule_error'
import {
  limitationEventValidator,
  limitationListValidator,
  limitationReviewValidator,
} from '../validators/limitation.js'
import { limitationFor } from '../limitation/limitation_service.js'
import { listAssets } from '../limitation/asset_list.js'
import { loanInScope, registerEvent, reviewEvent } from '../limitation/manual_events.js'

/*
| 时效管理: the risk assets with their limitation dates, one loan's periods and
| events, registering an event and the legal review of a post-expiry signature.
| The services (limitation/) go through the data scope of the permission in use;
| out of scope is a 404 like a missing record.
*/
export default class LimitationController {
  /** 风险资产时效一览. */
  async index(ctx: HttpContext) {
    const q = await ctx.request.validateUsing(limitationListValidator)
    return listAssets(await accessOf(ctx), q)
  }

  /** One loan: every period with its rule and trail, the events with their effect, warnings. */
  async show(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    if (!Number.isSafeInteger(id) || id < 1) throw RuleError.notFound()
    const [found] = await limitationFor({ loanId: id }, { access: await accessOf(ctx) })
    if (!found) throw RuleError.notFound()
    return found
  }

  /** 登记时效事件 (催收, 承认, 起诉, 中止事由, 判决 …): append-only and audited. */
  async storeEvent(ctx: HttpContext) {
    const loan = await loanInScope(await accessOf(ctx), Number(ctx.params.id))
    const input = await ctx.request.validateUsing(limitationEventValidator)
    const user = ctx.auth.getUserOrFail()
    return ctx.response.status(201).send(await registerEvent(ctx, loan, input, user.id))
  }

  /** 法律审核 of a post-expiry signature (waiver). */
  async review(ctx: HttpContext) {
    const { reviewNote } = await ctx.request.validateUsing(limitationReviewValidator)
    const user = ctx.auth.getUserOrFail()
    return reviewEvent(ctx, await accessOf(ctx), Number(ctx.params.id), reviewNote, user.id)
  }
}
