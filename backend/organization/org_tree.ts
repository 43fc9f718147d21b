/*
| 机构树 arithmetic, kept pure so it is unit-tested without a database. An org's
| `path` lists its ancestors and itself ("/1/4/9/"); "own org and below" is a
| prefix match on it, so a move must rewrite the path of the whole subtree.
*/

export interface OrgRow {
  id: number
  code: string
  name: string
  short_name: string | null
  parent_id: number | null
  level: number
  path: string
  sort: number
  status: string
}

export interface OrgNode {
  id: number
  code: string
  name: string
  shortName: string | null
  parentId: number | null
  level: number
  sort: number
  status: string
  children: OrgNode[]
}

export function toOrgNode(r: OrgRow): OrgNode {
  return {
    id: Number(r.id),
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    level: Number(r.level),
    sort: Number(r.sort),
    status: r.status,
    children: [],
  }
}

/**
 * Nests the rows a user may see. An org whose parent is outside the scope
 * becomes a root, so a branch manager's tree starts at their branch.
 */
export function buildOrgTree(rows: OrgRow[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>()
  for (const r of rows) nodes.set(Number(r.id), toOrgNode(r))
  const roots: OrgNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId)
    ;(parent ? parent.children : roots).push(node)
  }
  const order = (list: OrgNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
    for (const n of list) order(n.children)
  }
  order(roots)
  return roots
}

/** The path a new child of `parent` gets once its id is known. */
export function childPath(parent: { path: string } | null, id: number) {
  return `${parent?.path ?? '/'}${id}/`
}

/** True when `candidate` is `org` itself or lies under it (moving there would make a cycle). */
export function isSelfOrDescendant(org: { path: string }, candidate: { path: string }) {
  return candidate.path.startsWith(org.path)
}

/**
 * New path and level of every org in a moved subtree. `subtree` holds the org
 * and its descendants (paths starting with the org's path).
 */
export function relocate(
  org: { id: number; path: string; level: number },
  newParent: { path: string; level: number } | null,
  subtree: Array<{ id: number; path: string; level: number }>
): Array<{ id: number; path: string; level: number }> {
  const newPath = childPath(newParent, org.id)
  const levelShift = (newParent ? newParent.level + 1 : 1) - org.level
  return subtree.map((o) => ({
    id: o.id,
    path: newPath + o.path.slice(org.path.length),
    level: o.level + levelShift,
  }))
}
