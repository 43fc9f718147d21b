/*
| Moving an approval along its chain: opening a node (one task per approver,
| with its working-day deadline), closing the instance, and calling the
| business plugin's handler in the same transaction as the status change.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { shanghaiToday } from '#core/business_day/business_date'
import { workingDays } from '#core/holidays/working_days'
import type { WorkflowHandler } from '#core/plugins/types'
import { dbNow } from '#core/db/db_time'
import { resolveAssignees } from './assignees.js'
import { instanceInfo, nodeOf, type InstanceRow, type InstanceStatus } from './instance_store.js'
import { notifyNewTasks, notifyResult } from './notify_parties.js'
import { addTaskDeadline } from './task_deadlines.js'
import { handlerOf } from './type_registry.js'
import { WorkflowError } from './workflow_error.js'

export async function dueDateFor(deadlineDays: number | null): Promise<string | null> {
  if (!deadlineDays) return null
  return workingDays.addWorkingDays(shanghaiToday(), deadlineDays)
}

export async function insertTask(
  trx: TransactionClientContract,
  instance: InstanceRow,
  seq: number,
  assigneeId: number,
  options: { added?: boolean; dueDate: string | null }
): Promise<number> {
  const now = dbNow()
  const [id] = await trx.table('wf_tasks').insert({
    instance_id: instance.id,
    round: instance.round,
    node_seq: seq,
    assignee_id: assigneeId,
    status: 'pending',
    added: Boolean(options.added),
    due_date: options.dueDate,
    created_at: now,
    updated_at: now,
  })
  await addTaskDeadline(trx, instance, {
    id: Number(id),
    assigneeId,
    dueDate: options.dueDate,
    nodeName: nodeOf(instance, seq)?.name.zh ?? '',
  })
  return Number(id)
}

/** Opens node `seq`: its approvers get a task each. A node nobody can approve stops the step (422). */
export async function openNode(trx: TransactionClientContract, instance: InstanceRow, seq: number) {
  const node = nodeOf(instance, seq)
  if (!node) throw new Error(`Approval ${instance.id} has no node ${seq}`)
  const userIds = await resolveAssignees(trx, node, {
    id: instance.applicantId,
    orgId: instance.orgId,
  })
  if (!userIds.length) throw new WorkflowError(422, 'workflow.noApprover', { node: node.name.zh })
  const dueDate = await dueDateFor(node.deadlineDays)
  for (const userId of userIds) await insertTask(trx, instance, seq, userId, { dueDate })
  instance.currentSeq = seq
  await trx
    .from('wf_instances')
    .where('id', instance.id)
    .update({ current_seq: seq, status: 'pending', updated_at: dbNow() })
  await notifyNewTasks(trx, instance, userIds)
}

/** Ends every open task of the instance (the node was decided another way). */
export async function cancelOpenTasks(trx: TransactionClientContract, instance: InstanceRow) {
  await trx
    .from('wf_tasks')
    .where('instance_id', instance.id)
    .where('status', 'pending')
    .update({ status: 'cancelled', updated_at: dbNow() })
}

const HOOKS: Partial<Record<InstanceStatus, keyof WorkflowHandler>> = {
  approved: 'onApproved',
  rejected: 'onRejected',
  returned: 'onReturned',
  withdrawn: 'onWithdrawn',
}

/**
 * The business plugin reacts inside the decision's transaction. Whatever it
 * throws becomes a 422 carrying its message, and the caller's transaction
 * rolls the decision back with it.
 */
export async function callHandler(
  trx: TransactionClientContract,
  instance: InstanceRow,
  actorId: number,
  hook: keyof WorkflowHandler | undefined = HOOKS[instance.status]
) {
  if (!hook) return
  const handler = await handlerOf(instance.typeCode)
  try {
    await handler[hook]?.({ instance: instanceInfo(instance), trx, actorId })
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : String(error)
    throw new WorkflowError(422, 'workflow.handlerRefused', {}, message)
  }
}

/** Leaves the pending state: approved, rejected, returned (to the applicant) or withdrawn. */
export async function closeInstance(
  trx: TransactionClientContract,
  instance: InstanceRow,
  status: Exclude<InstanceStatus, 'pending'>,
  actorId: number
) {
  await cancelOpenTasks(trx, instance)
  instance.status = status
  instance.currentSeq = null
  const now = dbNow()
  await trx
    .from('wf_instances')
    .where('id', instance.id)
    .update({
      status,
      current_seq: null,
      finished_at: status === 'returned' ? null : now,
      updated_at: now,
    })
  await callHandler(trx, instance, actorId)
  if (status !== 'withdrawn') await notifyResult(trx, instance)
}

/** The node after `seq` in this instance's chain, or undefined at the end. */
export const nextSeq = (instance: InstanceRow, seq: number) =>
  instance.chain.map((n) => n.seq).find((s) => s > seq)
