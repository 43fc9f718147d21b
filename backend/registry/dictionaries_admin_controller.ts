import type { HttpContext } from '@adonisjs/core/http'
import { dictionaryService as dictionaries } from '#core/registry/dictionary_service'
import {
  createDictItemValidator,
  createDictTypeValidator,
  reorderDictItemsValidator,
  updateDictItemValidator,
  updateDictTypeValidator,
} from '#core/registry/validators'

/*
| 数据字典管理 (/api/system/dictionaries, `system:dict:*`): validate, call the
| service (dictionary_service.ts holds the rules); a refusal is a RegistryError
| the exception handler answers.
*/
export default class DictionariesAdminController {
  /** GET /api/system/dictionaries — every live type with all its items (disabled too). */
  async index() {
    return dictionaries.list()
  }

  /** POST /api/system/dictionaries — an administrator's own type. */
  async storeType(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createDictTypeValidator)
    return ctx.response.created(await dictionaries.createType(input, ctx))
  }

  /** PUT /api/system/dictionaries/:code — names (custom names on a declared type). */
  async updateType(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateDictTypeValidator)
    return dictionaries.updateType(ctx.params.code, input, ctx)
  }

  /** DELETE /api/system/dictionaries/:code — administrators' types only, with their items. */
  async destroyType(ctx: HttpContext) {
    await dictionaries.deleteType(ctx.params.code, ctx)
    return ctx.response.noContent()
  }

  /** POST /api/system/dictionaries/:code/items — an administrator's item (also on a declared type). */
  async storeItem(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createDictItemValidator)
    return ctx.response.created(await dictionaries.createItem(ctx.params.code, input, ctx))
  }

  /** PUT /api/system/dictionaries/:code/items/:id */
  async updateItem(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateDictItemValidator)
    return dictionaries.updateItem(ctx.params.code, ctx.params.id, input, ctx)
  }

  /** DELETE /api/system/dictionaries/:code/items/:id — administrators' items only. */
  async destroyItem(ctx: HttpContext) {
    await dictionaries.deleteItem(ctx.params.code, ctx.params.id, ctx)
    return ctx.response.noContent()
  }

  /** PUT /api/system/dictionaries/:code/order `{ ids }` — the full new order. */
  async reorder(ctx: HttpContext) {
    const { ids } = await ctx.request.validateUsing(reorderDictItemsValidator)
    return dictionaries.reorder(ctx.params.code, ids, ctx)
  }
}
