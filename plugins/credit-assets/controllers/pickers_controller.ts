import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import { accessOf } from '#core/identity/user_access'
import { bookApi } from '../services/book_api.js'
import { pickerValidator } from '../validators/pickers.js'

/**
 * 记录选择器 (console RecordPicker, sources in ui/pickers.ts): customers and a
 * customer's loans for other plugins' forms, through book_api inside the
 * caller's data scope, so a form never offers a record its user could not open.
 */
export default class PickersController {
  private async input(ctx: HttpContext) {
    return this.paging(await ctx.request.validateUsing(pickerValidator))
  }

  private paging(input: Infer<typeof pickerValidator>) {
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

  /**
   * 风险资产: found by loan number (prefix), customer name or number; labelled
   * "借据号 客户名", the balance as hint. `value=loan` makes the option's value
   * the loan id (forms that store loan ids), and `ids` are then loan ids.
   */
  async riskAssets(ctx: HttpContext) {
    const raw = await ctx.request.validateUsing(pickerValidator)
    const input = this.paging(raw)
    const access = await accessOf(ctx)
    const byLoan = raw.value === 'loan'
    const status = raw.status ?? 'managed'
    const page = await bookApi.riskAssets.search(
      {
        ...input,
        ids: byLoan ? undefined : input.ids,
        loanIds: byLoan ? input.ids : undefined,
        status: status === 'all' || input.ids ? undefined : status,
      },
      { access }
    )
    const loanIds = page.data.map((r) => r.loanId)
    const customerIds = [...new Set(page.data.map((r) => r.customerId))]
    const [loans, customers] = loanIds.length
      ? await Promise.all([
          bookApi.loans.search({ loanIds, perPage: loanIds.length }, { access }),
          bookApi.customers.search({ ids: customerIds, perPage: customerIds.length }, { access }),
        ])
      : [{ data: [] }, { data: [] }]
    const loanOf = new Map(loans.data.map((l) => [l.id, l]))
    const customerOf = new Map(customers.data.map((c) => [c.id, c]))
    return {
      data: page.data.map((r) => {
        const loan = loanOf.get(r.loanId)
        const name = customerOf.get(r.customerId)?.name ?? ''
        return {
          value: byLoan ? r.loanId : r.id,
          label: `${loan?.loanNo ?? r.loanId} ${name}`.trim(),
          hint: loan?.balance,
        }
      }),
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
