/*
| The tree the 分配权限 editor shows: active directories, pages and buttons
| with their permission codes. Codes a manifest declares without a menu (e.g.
| `system:user:reset-password`) join the page of the same `<plugin>:<resource>`
| as button-like leaves, or a trailing 其他权限 group, so every grantable code
| is reachable from the editor.
*/
import db from '@adonisjs/lucid/services/db'
import { sortMenus, type MenuRow } from '#core/system/menu_tree'

export interface PermissionNode {
  /** Unique node key: the menu code, or `perm:<code>` for a code without a menu. */
  key: string
  type: 'directory' | 'page' | 'button'
  name: { zh: string; en: string }
  permission: string | null
  children: PermissionNode[]
}

const resourceOf = (code: string) => code.split(':').slice(0, 2).join(':')

/** Pure: nests menus, attaches menu-less codes, drops directories with nothing to grant. */
export function buildPermissionTree(
  menus: MenuRow[],
  permissions: Array<{ code: string; name_zh: string; name_en: string }>
): PermissionNode[] {
  const rows = sortMenus(menus)
  const present = new Set(rows.map((r) => r.code))
  const byParent = new Map<string | null, MenuRow[]>()
  for (const row of rows) {
    const parent = row.parent_code && present.has(row.parent_code) ? row.parent_code : null
    byParent.set(parent, [...(byParent.get(parent) ?? []), row])
  }
  const toNode = (row: MenuRow): PermissionNode => ({
    key: row.code,
    type: row.type,
    name: { zh: row.custom_name_zh ?? row.name_zh, en: row.custom_name_en ?? row.name_en },
    permission: row.permission,
    children: (byParent.get(row.code) ?? []).map(toNode),
  })
  const roots = (byParent.get(null) ?? []).map(toNode)

  const onMenus = new Set(rows.map((r) => r.permission).filter(Boolean) as string[])
  const pages = new Map<string, PermissionNode>()
  const walk = (nodes: PermissionNode[]) => {
    for (const n of nodes) {
      if (n.type === 'page' && n.permission && !pages.has(resourceOf(n.permission))) {
        pages.set(resourceOf(n.permission), n)
      }
      walk(n.children)
    }
  }
  walk(roots)
  const others: PermissionNode[] = []
  for (const p of [...permissions].sort((a, b) => a.code.localeCompare(b.code))) {
    if (onMenus.has(p.code)) continue
    const leaf: PermissionNode = {
      key: `perm:${p.code}`,
      type: 'button',
      name: { zh: p.name_zh, en: p.name_en },
      permission: p.code,
      children: [],
    }
    const page = pages.get(resourceOf(p.code))
    ;(page ? page.children : others).push(leaf)
  }
  if (others.length) {
    roots.push({
      key: 'perm:*other',
      type: 'directory',
      name: { zh: '其他权限', en: 'Other permissions' },
      permission: null,
      children: others,
    })
  }

  const prune = (nodes: PermissionNode[]): PermissionNode[] =>
    nodes.flatMap((n) => {
      const children = prune(n.children)
      if (n.type === 'directory' && !children.length) return []
      return [{ ...n, children }]
    })
  return prune(roots)
}

export async function permissionTree() {
  const menus = (await db.from('menus').where('active', true)) as MenuRow[]
  const permissions = await db
    .from('permissions')
    .where('active', true)
    .select('code', 'name_zh', 'name_en')
  return buildPermissionTree(menus, permissions)
}
