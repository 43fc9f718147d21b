import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import vine from '@vinejs/vine'
import { sortMenus, type MenuRow } from '#core/system/menu_tree'

const updateMenuValidator = vine.compile(
  vine.object({
    customNameZh: vine.string().trim().maxLength(100).nullable().optional(),
    customNameEn: vine.string().trim().maxLength(100).nullable().optional(),
    customSort: vine.number().withoutDecimals().range([-100000, 100000]).nullable().optional(),
    hidden: vine.boolean().optional(),
  })
)

/** 菜单管理: the synced menu tree; administrators rename, reorder and hide entries. */
export default class MenusController {
  async index() {
    const rows = sortMenus((await db.from('menus').where('active', true)) as MenuRow[])
    const toNode = (r: MenuRow): any => ({
      code: r.code,
      parentCode: r.parent_code,
      type: r.type,
      name: { zh: r.name_zh, en: r.name_en },
      customName:
        r.custom_name_zh || r.custom_name_en
          ? { zh: r.custom_name_zh, en: r.custom_name_en }
          : null,
      sort: r.sort,
      customSort: r.custom_sort,
      permission: r.permission,
      page: r.page_key,
      path: r.path,
      icon: r.icon,
      hidden: Boolean(Number(r.hidden)),
      source: r.source,
      children: rows.filter((c) => c.parent_code === r.code).map(toNode),
    })
    return rows
      .filter((r) => !r.parent_code || !rows.some((p) => p.code === r.parent_code))
      .map(toNode)
  }

  async update({ params, request, response, i18n }: HttpContext) {
    const input = await request.validateUsing(updateMenuValidator)
    const patch: Record<string, unknown> = {}
    if (input.customNameZh !== undefined) patch.custom_name_zh = input.customNameZh || null
    if (input.customNameEn !== undefined) patch.custom_name_en = input.customNameEn || null
    if (input.customSort !== undefined) patch.custom_sort = input.customSort
    if (input.hidden !== undefined) patch.hidden = input.hidden
    const updated = Object.keys(patch).length
      ? await db.from('menus').where('code', params.code).update(patch)
      : [1]
    if (!Number(Array.isArray(updated) ? updated[0] : updated))
      return response.notFound({ message: i18n('http.notFound') })
    return db.from('menus').where('code', params.code).first()
  }
}
