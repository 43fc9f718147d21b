import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { accessOf } from '#core/identity/user_access'
import { bookApi } from '../../../credit-assets/services/book_api.js'
import { partyOptions } from '../../cases/case_parties.js'

const partyOptionsValidator = vine.compile(
  vine.object({
    customerId: vine.number().withoutDecimals().min(1).max(2_147_483_647),
    loanIds: vine
      .string()
      .trim()
      .regex(/^\d{1,10}(,\d{1,10}){0,199}$/)
      .optional(),
  })
)

/** The case form's choices from the book, in the user's scope. */
export default class CaseFormController {
  /** 当事人 the book knows for a customer and loans: the bank, the borrower, guarantors, mortgagors. */
  async parties(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(partyOptionsValidator, {
      data: ctx.request.qs(),
    })
    const access = await accessOf(ctx)
    const customer = await bookApi.customers.byId(input.customerId, { access })
    if (!customer) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    const loanIds = (input.loanIds ?? '').split(',').filter(Boolean).map(Number)
    return { data: await partyOptions(access, customer, loanIds) }
  }
}
