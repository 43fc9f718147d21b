/*
| Builds the side-menu tree a user may see: active, not hidden, pages whose
| permission the user holds, and directories that still have a visible child.
| Administrators' names and order (custom_*) win over the manifest's.
*/
import { menuRows } from '#core/identity/access_cache'
import type { UserAccess } from '#core/identity/user_access'

export interface MenuRow {
  code: string
  parent_code: string | null
  source: string
  type: 'directory' | 'page' | 'button'
  name_zh: string
  name_en: string
  custom_name_zh: string | null
  custom_name_en: string | null
  permission: string | null
  page_key: string | null
  path: string | null
  icon: string | null
  sort: number
  custom_sort: number | null
  hidden: number | boolean
  active: number | boolean
}

export interface MenuNode {
  code: string
  type: 'directory' | 'page'
  name: { zh: string; en: string }
  path: string | null
  page: string | null
  icon: string | null
  children: MenuNode[]
}

/*
| Page permissions every signed-in user holds without a grant: self-service
| pages over the user's own data, whose routes need only authentication (like
| GET /api/me). 消息中心 lists the messages addressed to you; a role created
| later without a grant must not silently lose its reminders. 我的审批 lists
| your own tasks and submissions (see backend/workflow/part.ts).
*/
export const SIGNED_IN_PERMISSIONS = new Set(['system:message:mine', 'system:workflow:mine'])

export const effectiveSort = (m: MenuRow) => m.custom_sort ?? m.sort

export function sortMenus<T extends MenuRow>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) => effectiveSort(a) - effectiveSort(b) || a.code.localeCompare(b.code)
  )
}

/*
| One tree per grants object: a cached one (access_cache.ts) lives as long as
| the node's copy of grants and menus, which any change to either replaces.
| Callers only read the tree.
*/
const trees = new WeakMap<object, Promise<MenuNode[]>>()

export function menuTreeFor(access: UserAccess): Promise<MenuNode[]> {
  let tree = trees.get(access.grants)
  if (!tree) {
    tree = buildMenuTree(access)
    trees.set(access.grants, tree)
    tree.catch(() => trees.delete(access.grants))
  }
  return tree
}

async function buildMenuTree(access: UserAccess): Promise<MenuNode[]> {
  const rows = await menuRows()
  const visible = rows.filter((r) => !Number(r.hidden))
  const children = new Map<string | null, MenuRow[]>()
  // A plugin's entry under another plugin's directory (manifest `parent`) stays reachable as a
  // root while that plugin is disabled.
  const present = new Set(rows.map((r) => r.code)) // a hidden directory still hides its entries
  for (const row of sortMenus(visible)) {
    const parent = row.parent_code && present.has(row.parent_code) ? row.parent_code : null
    const list = children.get(parent) ?? []
    list.push(row)
    children.set(parent, list)
  }

  const build = (parent: string | null): MenuNode[] =>
    (children.get(parent) ?? []).flatMap((row): MenuNode[] => {
      if (
        row.type === 'page' &&
        !(
          row.permission &&
          (access.can(row.permission) || SIGNED_IN_PERMISSIONS.has(row.permission))
        )
      )
        return []
      const kids = build(row.code)
      if (row.type === 'directory' && kids.length === 0) return []
      return [
        {
          code: row.code,
          type: row.type as 'directory' | 'page',
          name: { zh: row.custom_name_zh ?? row.name_zh, en: row.custom_name_en ?? row.name_en },
          path: row.path,
          page: row.page_key,
          icon: row.icon,
          children: kids,
        },
      ]
    })

  return build(null)
}
