import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { scopedOutcome } from '../outcomes/outcome_read.js'
import { planIdParam } from '../plans/plan_scope.js'

/**
 * One disposal outcome (the ledger's row opened by id): its loans, plan,
 * source and reversal. Out of the user's data scope is 404, like a missing id.
 */
export default class OutcomeController {
  async show(ctx: HttpContext) {
    const outcome = await scopedOutcome(await accessOf(ctx), planIdParam(ctx.params.id))
    if (!outcome) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return outcome
  }
}
