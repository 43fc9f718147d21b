import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { accessChanged } from '#core/identity/access_cache'
import { sortMenus, type MenuRow } from '#core/system/menu_tree'
import type { createMenuValidator, updateMenuValidator } from '#core/registry/validators'
import { RegistryError } from './registry_error.js'
import { sourceName } from './source_name.js'

/*
| 菜单管理: the synced menu tree of core and plugins. Administrators rename,
| reorder and hide entries (custom_* columns and `hidden`, which the sync never
| writes), and may add directories of their own (source 'admin').
|
| Deleting: only administrators' directories. A core or plugin entry would come
| back at the next boot's sync anyway, and its page and permission code would be
| orphaned meanwhile — hide it instead.
| A refusal is a RegistryError; `ctx` (null in jobs and tests) is who the audit
| log names.
*/

const ADMIN = 'admin'

type Ctx = HttpContext | null

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

export const menuService = {
  /** The live tree, roots first (an entry whose parent is gone shows as a root). */
  async tree() {
    const rows = sortMenus((await liveMenus()) as MenuRow[])
    return rows
      .filter((r) => !r.parent_code || !rows.some((p) => p.code === r.parent_code))
      .map(nodeOf(rows))
  },

  /** Rename, reorder, hide (audited); answers the row. */
  async update(code: string, input: Infer<typeof updateMenuValidator>, ctx: Ctx) {
    const menu = await liveMenus().where('code', code).first()
    if (!menu) throw RegistryError.notFound()
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
  },

  /** An administrator's directory, top-level or under a directory; answers the row. */
  async create(input: Infer<typeof createMenuValidator>, ctx: Ctx) {
    const code = `${ADMIN}:${input.code}`
    if (await db.from('menus').where('code', code).first()) {
      throw RegistryError.refused('code', 'unique', 'registry.menu.codeExists', { code })
    }
    if (input.parentCode) {
      const parent = await liveMenus().where('code', input.parentCode).first()
      if (!parent || parent.type !== 'directory') {
        throw RegistryError.refused('parentCode', 'directory', 'registry.menu.parentNotDirectory')
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
    return db.from('menus').where('code', code).first()
  },

  /** Administrators' directories only, and only when empty. A refused declared entry is audited. */
  async delete(code: string, ctx: Ctx) {
    const menu = await db.from('menus').where('code', code).first()
    if (!menu) throw RegistryError.notFound()
    const name = {
      zh: menu.custom_name_zh || menu.name_zh,
      en: menu.custom_name_en || menu.name_en,
    }
    if (menu.source !== ADMIN) {
      const source = await sourceName(menu.source)
      await audit.record(ctx, {
        action: 'menu.delete',
        entityType: 'menu',
        entityId: menu.code,
        result: 'failure',
        detail: 'declared',
      })
      throw RegistryError.refused('code', 'declared', 'registry.menu.notDeletable', {
        name,
        source,
      })
    }
    if (await db.from('menus').where('parent_code', menu.code).first()) {
      throw RegistryError.refused('code', 'children', 'registry.menu.hasChildren', { name })
    }
    await db.from('menus').where('code', menu.code).delete()
    await accessChanged()
    await audit.record(ctx, {
      action: 'menu.delete',
      entityType: 'menu',
      entityId: menu.code,
      before: menu,
    })
  },
}
