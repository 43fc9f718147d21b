/*
| Who may take over or join an approval (转办 / 加签) and who may read one.
| A person the chain itself names for a node (assignees.ts) always may. Anyone
| else must
|   - hold the node's approval role (one of its roles and, when it names posts,
|     one of its posts) — a node that names only people admits only them; and
|   - have the approval's business record in their data scope: the type's
|     `permission` (the record's read permission) if it declares one, with the
|     record's org (the applicant's) inside that permission's scope.
| Otherwise the step is refused with 422 and the reason. Reading follows the
| same scope rule (instance_detail.ts), so a task handed to someone outside
| the record's scope could never be read by them either.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/identity/user'
import { applyDataScope } from '#core/identity/data_scope'
import { UserAccess } from '#core/identity/user_access'
import { resolveAssignees } from './assignees.js'
import type { ChainNode } from './chain_nodes.js'
import { nodeOf, openTaskOf, type InstanceRow } from './instance_store.js'
import { registeredType } from './type_registry.js'
import { WorkflowError } from './workflow_error.js'

/** The chain names the user for this node (same rule that opened it). */
export async function namedByChain(
  client: QueryClientContract,
  instance: Pick<InstanceRow, 'applicantId' | 'orgId'>,
  node: ChainNode,
  userId: number
) {
  const ids = await resolveAssignees(client, node, {
    id: instance.applicantId,
    orgId: instance.orgId,
  })
  return ids.includes(userId)
}

/** The user holds the node's approval role (and post, when the node names posts). */
async function holdsNodeRole(client: QueryClientContract, node: ChainNode, userId: number) {
  if (!node.roles.length && !node.posts.length) return false
  if (node.roles.length) {
    const role = await client
      .from('user_roles')
      .join('roles', 'roles.id', 'user_roles.role_id')
      .where('user_roles.user_id', userId)
      .whereIn('roles.code', node.roles)
      .where('roles.status', 'active')
      .first()
    if (!role) return false
  }
  if (node.posts.length) {
    const post = await client
      .from('user_posts')
      .join('posts', 'posts.id', 'user_posts.post_id')
      .where('user_posts.user_id', userId)
      .whereIn('posts.code', node.posts)
      .first()
    if (!post) return false
  }
  return true
}

/**
 * The approval's business record is in the user's data scope: they hold the
 * type's read permission (when it declares one) and the record's org — or,
 * for a self-only scope, the applicant — falls inside that permission's scope.
 */
export async function recordInScope(
  access: UserAccess,
  instance: { id: number; typeCode: string }
): Promise<boolean> {
  const permission = (await registeredType(instance.typeCode))?.definition.permission
  if (permission && !access.can(permission)) return false
  const previous = access.activePermission
  access.activePermission = permission ?? null
  try {
    const row = await applyDataScope(db.from('wf_instances').where('id', instance.id), access, {
      orgColumn: 'wf_instances.org_id',
      ownerColumn: 'wf_instances.applicant_id',
    }).first()
    return Boolean(row)
  } finally {
    access.activePermission = previous
  }
}

/**
 * Why `userId` may not take a task on the approval's current node by 转办/加签
 * (the 422 to answer with), or null when they may: an active user, not the
 * applicant, not already holding a task on this node, and allowed to approve it
 * (named by the chain, or the node's role with the record in their data scope).
 * The action refuses with it (actions.ts) and the candidate list offers only
 * people it lets through (task_lists.ts): one rule for both.
 */
export async function assigneeRefusal(
  client: QueryClientContract,
  instance: InstanceRow,
  userId: number
): Promise<WorkflowError | null> {
  const user = await User.query({ client }).where('id', userId).where('status', 'active').first()
  if (!user) return new WorkflowError(422, 'workflow.badUser')
  if (userId === instance.applicantId)
    return new WorkflowError(422, 'workflow.applicantCannotApprove')
  if (await openTaskOf(client, instance, userId))
    return new WorkflowError(422, 'workflow.alreadyAssigned')
  const node = nodeOf(instance, instance.currentSeq)
  if (!node) return new WorkflowError(409, 'workflow.notPending')
  if (await namedByChain(client, instance, node, userId)) return null
  if (!(await holdsNodeRole(client, node, userId)))
    return new WorkflowError(422, 'workflow.assigneeNotApprover', {
      user: user.realName,
      node: node.name.zh,
    })
  if (!(await recordInScope(await UserAccess.load(user), instance)))
    return new WorkflowError(422, 'workflow.assigneeOutOfScope', { user: user.realName })
  return null
}

/** Refuses (422, with the reason) a transfer or 加签 to someone who may not take the task. */
export async function assertMayTakeTask(
  client: QueryClientContract,
  instance: InstanceRow,
  userId: number
) {
  const refusal = await assigneeRefusal(client, instance, userId)
  if (refusal) throw refusal
}
