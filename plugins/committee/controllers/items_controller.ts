import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { accessOf } from '#core/identity/user_access'
import { itemDetail, listItems } from '../items/item_queries.js'
import { registeredKinds } from '../items/kind_registry.js'
import { idParam } from './params.js'

const listValidator = vine.compile(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
    keyword: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(['pending', 'scheduled', 'decided', 'withdrawn']).optional(),
    kind: vine.string().trim().maxLength(80).optional(),
  })
)

/** 上会事项: the pool, in the user's data scope (out of scope = 404). */
export default class ItemsController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(listValidator)
    return listItems(await accessOf(ctx), input)
  }

  async show(ctx: HttpContext) {
    const item = await itemDetail(await accessOf(ctx), idParam(ctx.params.id))
    if (!item) return ctx.response.notFound({ message: ctx.i18n('http.notFound') })
    return item
  }

  async kinds() {
    return registeredKinds()
  }
}
