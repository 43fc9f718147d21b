import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/auth/user_access'
import { bookApi } from '../services/book_api.js'
import { pickerValidator } from '../validators/pickers.js'

/**
 * 记录选择器 (console RecordPicker, sources in ui/pickers.ts): customers and a
 * customer's loans for other plugins' forms, through book_api inside the
 * caller's data scope, so a form never offers a record its user could not open.
 */
export default class PickersController {
  private async input(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(pickerValidator)
    return {
      keyword: input.ids ? undefined : input.keyword || undefined,
      ids: input.ids?.split(',').map(Number),
      customerId: input.customerId,
      page: input.page ?? 1,
      perPage: input.ids ? 50 : (input.perPage ?? 20),
    }
  }

  async customers(ctx: HttpContext) {
    const page = await bookApi.customers.search(await this.input(ctx), {
      access: await accessOf(ctx),
    })
    return {
      data: page.data.map((c) => ({ value: c.id, label: c.name, hint: c.customerNo })),
      total: page.meta.total,
    }
  }

  async loans(ctx: HttpContext) {
    const page = await bookApi.loans.search(await this.input(ctx), { access: await accessOf(ctx) })
    return {
      data: page.data.map((l) => ({ value: l.id, label: l.loanNo, hint: l.balance })),
      total: page.meta.total,
    }
  }
}
