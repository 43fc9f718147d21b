/*
| The 分配权限 tree, as el-tree shows it. A page that has buttons becomes a
| group whose first leaf is "访问页面" carrying the page's own code: el-tree
| marks a parent half-checked when only some children are checked, and
| half-checked nodes are never sent, so the page code must be a leaf of its own
| or "view the list but no buttons" could not be granted.
*/
import type { Localized } from '@/i18n'
import type { PermissionNode } from '@/areas/organization/api'

export interface GrantNode {
  key: string
  label: Localized
  type: 'directory' | 'page' | 'button'
  permission: string | null
  children: GrantNode[]
}

export const VIEW_KEY_PREFIX = 'view:'
const VIEW_LABEL: Localized = { zh: '访问页面', en: 'Open page' }

export function toGrantTree(nodes: PermissionNode[]): GrantNode[] {
  return nodes.map((node) => {
    const children = toGrantTree(node.children ?? [])
    if (node.type === 'page' && node.permission && children.length) {
      return {
        key: node.key,
        label: node.name,
        type: node.type,
        permission: null,
        children: [
          {
            key: `${VIEW_KEY_PREFIX}${node.key}`,
            label: VIEW_LABEL,
            type: 'button' as const,
            permission: node.permission,
            children: [],
          },
          ...children,
        ],
      }
    }
    return {
      key: node.key,
      label: node.name,
      type: node.type,
      permission: node.permission,
      children,
    }
  })
}

/** Every code the tree can grant. */
export function allCodes(tree: GrantNode[]): string[] {
  const out = new Set<string>()
  const walk = (nodes: GrantNode[]) => {
    for (const n of nodes) {
      if (n.permission) out.add(n.permission)
      walk(n.children)
    }
  }
  walk(tree)
  return [...out].sort()
}

/**
 * Keys to check for a role's codes. Only leaves are set: checking a parent key
 * would check all its children, granting codes the role does not hold.
 */
export function checkedKeysFor(tree: GrantNode[], codes: Iterable<string>): string[] {
  const held = new Set(codes)
  const keys: string[] = []
  const walk = (nodes: GrantNode[]) => {
    for (const n of nodes) {
      if (!n.children.length) {
        if (n.permission && (held.has('*') || held.has(n.permission))) keys.push(n.key)
      } else walk(n.children)
    }
  }
  walk(tree)
  return keys
}

/**
 * The codes to send: those of the fully checked nodes (el-tree's
 * `getCheckedNodes(false, false)`), never of half-checked parents.
 */
export function collectGrantedCodes(
  checked: ReadonlyArray<Pick<GrantNode, 'permission'>>,
  halfChecked: ReadonlyArray<Pick<GrantNode, 'permission'>> = []
): string[] {
  const half = new Set(halfChecked)
  const codes = new Set<string>()
  for (const node of checked) {
    if (!half.has(node) && node.permission) codes.add(node.permission)
  }
  return [...codes].sort()
}
