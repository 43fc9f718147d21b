/*
| Who approves a node (审批人): users at an org relative to the applicant's
| (same org, parent org, the 分行 above it, or 总行) holding one of the node's
| roles and, when posts are given, one of its posts; plus users named by
| username. Only active users. The applicant never approves their own
| application (四眼原则), even when they fit the node.
*/
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { ChainOrgRelation } from '#core/plugins/types'
import type { ChainNode } from './chain_nodes.js'

/** 总行 is level 1, 分行 level 2 (see the orgs migration). */
const BRANCH_LEVEL = 2

/** The org a relation points at, from the applicant's org; null when there is none (总行 has no parent). */
export async function relativeOrgId(
  client: QueryClientContract,
  orgId: number,
  relation: ChainOrgRelation
): Promise<number | null> {
  if (relation === 'same') return orgId
  const org = await client
    .from('orgs')
    .where('id', orgId)
    .select('id', 'parent_id', 'path', 'level')
    .first()
  if (!org) return null
  if (relation === 'parent') return org.parent_id ?? null
  // path "/1/4/9/": ancestors from the root down, the org itself last.
  const chain = String(org.path).split('/').filter(Boolean).map(Number)
  if (relation === 'head') return chain[0] ?? null
  // 分行: the level-2 ancestor; a 总行 applicant has none, a 分行 applicant is its own.
  return Number(org.level) >= BRANCH_LEVEL ? (chain[BRANCH_LEVEL - 1] ?? null) : null
}

export async function resolveAssignees(
  client: QueryClientContract,
  node: ChainNode,
  applicant: { id: number; orgId: number }
): Promise<number[]> {
  const ids = new Set<number>()
  if (node.roles.length || node.posts.length) {
    const orgId = await relativeOrgId(client, applicant.orgId, node.org)
    if (orgId !== null) {
      const query = client
        .from('users')
        .where('users.org_id', orgId)
        .where('users.status', 'active')
        .select('users.id')
      if (node.roles.length)
        query.whereIn(
          'users.id',
          client
            .from('user_roles')
            .join('roles', 'roles.id', 'user_roles.role_id')
            .whereIn('roles.code', node.roles)
            .where('roles.status', 'active')
            .select('user_roles.user_id')
        )
      if (node.posts.length)
        query.whereIn(
          'users.id',
          client
            .from('user_posts')
            .join('posts', 'posts.id', 'user_posts.post_id')
            .whereIn('posts.code', node.posts)
            .select('user_posts.user_id')
        )
      for (const row of await query) ids.add(Number(row.id))
    }
  }
  if (node.users.length) {
    const named = await client
      .from('users')
      .whereIn('username', node.users)
      .where('status', 'active')
      .select('id')
    for (const row of named) ids.add(Number(row.id))
  }
  ids.delete(applicant.id)
  return [...ids].sort((a, b) => a - b)
}
