import type { HttpContext } from '@adonisjs/core/http'
import { menuService as menus } from '#core/registry/menu_service'
import { createMenuValidator, updateMenuValidator } from '#core/registry/validators'

/*
| 菜单管理 (/api/system/menus, `system:menu:*`): validate, call the service
| (menu_service.ts holds the rules); a refusal is a RegistryError the exception
| handler answers.
*/
export default class MenusController {
  async index() {
    return menus.tree()
  }

  /** PUT /api/system/menus/:code — rename, reorder, hide (audited). */
  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateMenuValidator)
    return menus.update(ctx.params.code, input, ctx)
  }

  /** POST /api/system/menus — an administrator's directory, top-level or under a directory. */
  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createMenuValidator)
    return ctx.response.created(await menus.create(input, ctx))
  }

  /** DELETE /api/system/menus/:code — administrators' directories only, and only when empty. */
  async destroy(ctx: HttpContext) {
    await menus.delete(ctx.params.code, ctx)
    return ctx.response.noContent()
  }
}
