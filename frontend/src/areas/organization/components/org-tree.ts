/* Small pure helpers over the org tree the API returns (机构树). */
import type { OrgNode } from '@/areas/organization/api'

export interface OrgOption extends OrgNode {
  disabled?: boolean
  children?: OrgOption[]
}

export function findOrg(tree: OrgNode[], id: number | null | undefined): OrgNode | null {
  if (id === null || id === undefined) return null
  for (const node of tree) {
    if (node.id === id) return node
    const found = findOrg(node.children ?? [], id)
    if (found) return found
  }
  return null
}

/** Ids of the org and everything under it. */
export function subtreeIds(node: OrgNode): number[] {
  return [node.id, ...(node.children ?? []).flatMap(subtreeIds)]
}

/**
 * The tree for a "parent org" picker when moving `movingId`: the org itself and
 * its descendants are disabled (the server refuses a move under them too).
 */
export function parentOptions(tree: OrgNode[], movingId: number | null): OrgOption[] {
  const blocked = new Set<number>()
  const moving = findOrg(tree, movingId)
  if (moving) for (const id of subtreeIds(moving)) blocked.add(id)
  const map = (nodes: OrgNode[]): OrgOption[] =>
    nodes.map((n) => ({ ...n, disabled: blocked.has(n.id), children: map(n.children ?? []) }))
  return map(tree)
}

/**
 * The tree limited to orgs matching a keyword (name, short name or code) and a
 * status, keeping the ancestors of every match so it still reads as a tree.
 */
export function filterOrgTree(tree: OrgNode[], keyword: string, status?: string | null): OrgNode[] {
  const word = keyword.trim().toLowerCase()
  if (!word && !status) return tree
  const matches = (n: OrgNode) =>
    (!status || n.status === status) &&
    (!word ||
      n.name.toLowerCase().includes(word) ||
      n.code.toLowerCase().includes(word) ||
      (n.shortName ?? '').toLowerCase().includes(word))
  return tree.flatMap((node) => {
    const children = filterOrgTree(node.children ?? [], keyword, status)
    return matches(node) || children.length ? [{ ...node, children }] : []
  })
}
