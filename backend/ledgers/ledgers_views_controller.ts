import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import type { RegisteredLedger } from '#core/ledgers/registry'
import { savedViews } from '#core/ledgers/saved_views'

const viewValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(60),
    isDefault: vine.boolean().optional(),
    config: vine.object({
      columns: vine.array(vine.string().maxLength(40)).maxLength(200).optional(),
      filters: vine.record(vine.any()).optional(),
      sort: vine.string().maxLength(40).optional(),
      order: vine.enum(['asc', 'desc'] as const).optional(),
      perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    }),
  })
)

/** 我的视图: a user's saved views of one ledger; nobody else's are ever listed or touched. */
export default class LedgersViewsController {
  async index(ctx: HttpContext, ledger: RegisteredLedger) {
    return savedViews.list(ledger, ctx.auth.user!.id)
  }

  async store(ctx: HttpContext, ledger: RegisteredLedger) {
    const input = await ctx.request.validateUsing(viewValidator)
    const id = await savedViews.save(ledger, ctx.auth.user!.id, input)
    return ctx.response.created({ id })
  }

  async destroy(ctx: HttpContext, ledger: RegisteredLedger) {
    const id = Number(ctx.params.viewId)
    if (!(await savedViews.remove(ledger, ctx.auth.user!.id, id)))
      return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return ctx.response.noContent()
  }
}
