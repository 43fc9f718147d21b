import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { businessDate } from '#core/business_day/business_date'
import { interestTrialValidator, loanSearchValidator } from '../validators/interest_trial.js'
import { runInterestTrial } from '../interest/trial.js'
import { prefillFromLoan, searchLoans } from '../interest/loan_prefill.js'

/*
| 利息试算. The trial itself reads nothing and writes nothing (a what-if a clerk
| runs many times a day), so it is not audited; the loan lookups are data-scoped.
*/
export default class InterestTrialController {
  async run(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(interestTrialValidator)
    return runInterestTrial(input)
  }

  async loans(ctx: HttpContext) {
    const { keyword } = await ctx.request.validateUsing(loanSearchValidator)
    return { data: await searchLoans(await accessOf(ctx), keyword) }
  }

  /** The form filled from one loan, as of the current business date. */
  async prefill(ctx: HttpContext) {
    const id = Number(ctx.params.id)
    if (!Number.isSafeInteger(id) || id < 1)
      return ctx.response.status(404).send({ message: ctx.i18n('http.notFound') })
    const filled = await prefillFromLoan(await accessOf(ctx), id)
    const today = await businessDate.current()
    if (today > filled.input.start) filled.input.asOf = today
    return filled
  }
}
