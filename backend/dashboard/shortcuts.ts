/*
| 常用功能: the pages a user pins to their home page. Only page menus the user
| may open right now can be chosen (the same tree /api/me builds), and pins the
| user can no longer open are dropped on read.
*/
import type { UserAccess } from '#core/identity/user_access'
import { menuTreeFor, type MenuNode } from '#core/system/menu_tree'
import { DashboardError } from './dashboard_error.js'
import { readPreference, writePreference } from './preferences_store.js'

export const MAX_SHORTCUTS = 16
const DEFAULT_COUNT = 8

export interface ShortcutOption {
  code: string
  name: { zh: string; en: string }
  path: string | null
  page: string | null
  icon: string | null
  /** The directory names above the page, for the picker. */
  trail: Array<{ zh: string; en: string }>
}

function pagesOf(nodes: MenuNode[], trail: ShortcutOption['trail'] = []): ShortcutOption[] {
  return nodes.flatMap((node) =>
    node.type === 'page'
      ? [
          {
            code: node.code,
            name: node.name,
            path: node.path,
            page: node.page,
            icon: node.icon,
            trail,
          },
        ]
      : pagesOf(node.children, [...trail, node.name])
  )
}

export async function shortcutOptions(access: UserAccess): Promise<ShortcutOption[]> {
  return pagesOf(await menuTreeFor(access))
}

export async function shortcutsFor(access: UserAccess) {
  const options = await shortcutOptions(access)
  const byCode = new Map(options.map((o) => [o.code, o]))
  const stored = await readPreference<string[]>(access.user.id, 'shortcuts_json')
  const codes = Array.isArray(stored)
    ? stored.filter((code) => byCode.has(code))
    : options.slice(0, DEFAULT_COUNT).map((o) => o.code)
  return { codes, custom: Array.isArray(stored), options }
}

export async function saveShortcuts(access: UserAccess, codes: string[]) {
  const allowed = new Set((await shortcutOptions(access)).map((o) => o.code))
  const seen = new Set<string>()
  codes.forEach((code, index) => {
    if (!allowed.has(code))
      throw new DashboardError(422, 'dashboard.menuNotAllowed', { code }, `codes.${index}`)
    if (seen.has(code))
      throw new DashboardError(422, 'dashboard.duplicateShortcut', { code }, `codes.${index}`)
    seen.add(code)
  })
  await writePreference(access.user.id, 'shortcuts_json', codes)
  return shortcutsFor(access)
}

export async function resetShortcuts(access: UserAccess) {
  await writePreference(access.user.id, 'shortcuts_json', null)
  return shortcutsFor(access)
}
