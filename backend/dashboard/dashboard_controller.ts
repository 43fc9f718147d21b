import type { HttpContext } from '@adonisjs/core/http'
import { accessOf } from '#core/identity/user_access'
import { describe, widgetsFor } from '#core/dashboard/widget_registry'
import { widgetData } from '#core/dashboard/widget_data'
import { layoutFor, resetLayout, saveLayout } from '#core/dashboard/layout'
import { resetShortcuts, saveShortcuts, shortcutsFor } from '#core/dashboard/shortcuts'
import { layoutValidator, shortcutsValidator } from '#core/dashboard/validators'

/**
 * 首页视图 (/api/dashboard). Everything here is the caller's own: the widgets
 * their permissions allow, their layout and shortcuts. A widget's data is read
 * with the widget's permission checked and its data scope applied.
 */
export default class DashboardController {
  async widgets(ctx: HttpContext) {
    return { data: (await widgetsFor(await accessOf(ctx))).map(describe) }
  }

  async widgetData(ctx: HttpContext) {
    const access = await accessOf(ctx)
    return widgetData(access, String(ctx.params.id), ctx.request.qs())
  }

  async layout(ctx: HttpContext) {
    return layoutFor(await accessOf(ctx))
  }

  async saveLayout(ctx: HttpContext) {
    const { items } = await ctx.request.validateUsing(layoutValidator)
    const access = await accessOf(ctx)
    return saveLayout(access, items)
  }

  async resetLayout(ctx: HttpContext) {
    return resetLayout(await accessOf(ctx))
  }

  async shortcuts(ctx: HttpContext) {
    return shortcutsFor(await accessOf(ctx))
  }

  async saveShortcuts(ctx: HttpContext) {
    const { codes } = await ctx.request.validateUsing(shortcutsValidator)
    const access = await accessOf(ctx)
    return saveShortcuts(access, codes)
  }

  async resetShortcuts(ctx: HttpContext) {
    return resetShortcuts(await accessOf(ctx))
  }
}
