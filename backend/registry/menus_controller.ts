import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import { sortMenus, type MenuRow } from '#core/system/menu_tree'
import { createMenuValidator, updateMenuValidator } from '#core/registry/validators'
import { sourceName } from './registry_controller.js'

/*
| 菜单管理: the synced menu tree of core and plugins. Administrators rename,
| reorder and hide entries (custom_* columns and `hidden`, which the sync never
| writes), and may add directories of their own (source 'admin').
|
| Deleting: only administrators' directories. A core or plugin entry would come
| back at the next boot's sync anyway, and its page and permission code would be
| orphaned meanwhile — hide it instead.
*/

const ADMIN = 'admin'

/** Administrators' rows count as active whatever the sync wrote: it marks every non-plugin source inactive. */
const liveMenus = () =>
  db.from('menus').where((q) => q.where('active', true).orWhere('source', ADMIN))

const customColumns = ['custom_name_zh', 'custom_name_en', 'custom_sort', 'hidden'] as const

function nodeOf(rows: MenuRow[]) {
  const toNode = (r: MenuRow): any => ({
    code: r.code,
    parentCode: r.parent_code,
    type: r.type,
    name: { zh: r.name_zh, en: r.name_en },
    customName:
      r.custom_name_zh || r.custom_name_en ? { zh: r.custom_name_zh, en: r.custom_name_en } : null,
    sort: r.sort,
    customSort: r.custom_sort,
    permission: r.permission,
    page: r.page_key,
    path: r.path,
    icon: r.icon,
    hidden: Boolean(Number(r.hidden)),
    source: r.source,
    deletable: r.source === ADMIN,
    children: rows.filter((c) => c.parent_code === r.code).map(toNode),
  })
  return toNode
}

export default class MenusController {
  async index() {
    const rows = sortMenus((await liveMenus()) as MenuRow[])
    return rows
      .filter((r) => !r.parent_code || !rows.some((p) => p.code === r.parent_code))
      .map(nodeOf(rows))
  }

  /** PUT /api/system/menus/:code — rename, reorder, hide (audited). */
  async update(ctx: HttpContext) {
    const { params, request, response, i18n } = ctx
    const input = await request.validateUsing(updateMenuValidator)
    const menu = await liveMenus().where('code', params.code).first()
    if (!menu) return response.notFound({ message: i18n('http.notFound') })
    const patch: Record<string, unknown> = {}
    if (input.customNameZh !== undefined) patch.custom_name_zh = input.customNameZh || null
    if (input.customNameEn !== undefined) patch.custom_name_en = input.customNameEn || null
    if (input.customSort !== undefined) patch.custom_sort = input.customSort
    if (input.hidden !== undefined) patch.hidden = input.hidden
    if (Object.keys(patch).length) {
      await db.from('menus').where('code', menu.code).update(patch)
      await accessChanged()
      await audit.record(ctx, {
        action: 'menu.update',
        entityType: 'menu',
        entityId: menu.code,
        before: Object.fromEntries(customColumns.map((c) => [c, menu[c] ?? null])),
        after: patch,
      })
    }
    return db.from('menus').where('code', menu.code).first()
  }

  /** POST /api/system/menus — an administrator's directory, top-level or under a directory. */
  async store(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const input = await request.validateUsing(createMenuValidator)
    const code = `${ADMIN}:${input.code}`
    if (await db.from('menus').where('code', code).first()) {
      const message = i18n('registry.menu.codeExists', { code })
      return response.unprocessableEntity({
        message,
        errors: [{ field: 'code', rule: 'unique', message }],
      })
    }
    if (input.parentCode) {
      const parent = await liveMenus().where('code', input.parentCode).first()
      if (!parent || parent.type !== 'directory') {
        const message = i18n('registry.menu.parentNotDirectory')
        return response.unprocessableEntity({
          message,
          errors: [{ field: 'parentCode', rule: 'directory', message }],
        })
      }
    }
    const row = {
      code,
      parent_code: input.parentCode || null,
      source: ADMIN,
      type: 'directory',
      name_zh: input.nameZh,
      name_en: input.nameEn,
      icon: input.icon || null,
      sort: input.sort ?? 0,
      hidden: false,
      active: true,
    }
    await db.table('menus').insert(row)
    await accessChanged()
    await audit.record(ctx, {
      action: 'menu.create',
      entityType: 'menu',
      entityId: code,
      after: row,
    })
    return response.created(await db.from('menus').where('code', code).first())
  }

  /** DELETE /api/system/menus/:code — administrators' directories only, and only when empty. */
  async destroy(ctx: HttpContext) {
    const { params, response, i18n } = ctx
    const menu = await db.from('menus').where('code', params.code).first()
    if (!menu) return response.notFound({ message: i18n('http.notFound') })
    const name =
      ctx.locale === 'en'
        ? menu.custom_name_en || menu.name_en
        : menu.custom_name_zh || menu.name_zh
    if (menu.source !== ADMIN) {
      const message = i18n('registry.menu.notDeletable', {
        name,
        source: await sourceName(ctx, menu.source),
      })
      await audit.record(ctx, {
        action: 'menu.delete',
        entityType: 'menu',
        entityId: menu.code,
        result: 'failure',
        detail: 'declared',
      })
      return response.unprocessableEntity({
        message,
        errors: [{ field: 'code', rule: 'declared', message }],
      })
    }
    if (await db.from('menus').where('parent_code', menu.code).first()) {
      const message = i18n('registry.menu.hasChildren', { name })
      return response.unprocessableEntity({
        message,
        errors: [{ field: 'code', rule: 'children', message }],
      })
    }
    await db.from('menus').where('code', menu.code).delete()
    await accessChanged()
    await audit.record(ctx, {
      action: 'menu.delete',
      entityType: 'menu',
      entityId: menu.code,
      before: menu,
    })
    return response.noContent()
  }
}
