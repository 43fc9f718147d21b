/*
| What people do to an approval (审批操作). Each action is one transaction:
| lock the instance, check the actor may act, change tasks and status, write
| history and audit, call the business handler when the approval ends. A
| throwing handler rolls all of it back.
|
|   approve    — the actor's task; the node completes per its mode (或签/会签,
|                加签 signers always count), then the next node opens or the
|                approval ends (handler onApproved)
|   reject     — ends the approval (onRejected)
|   return     — to an earlier node (it opens again) or to the applicant
|                (onReturned; the applicant resubmits)
|   transfer   — hands the actor's task to another user (转办)
|   add-signer — adds a signer to the current node (加签)
|   withdraw   — the applicant, before any decision in this round (onWithdrawn)
|   resubmit   — the applicant, after a return to them (a new round)
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { lockInstance, nodeOf, openTaskOf, yuanOf, type InstanceRow } from './instance_store.js'
import { assertMayTakeTask } from './assignee_rules.js'
import { journal } from './journal.js'
import { notifyNewTasks } from './notify_parties.js'
import {
  callHandler,
  cancelOpenTasks,
  closeInstance,
  insertTask,
  nextSeq,
  openNode,
} from './node_flow.js'
import { submitForApproval } from './submit.js'
import { closeTaskDeadlines } from './task_deadlines.js'
import { WorkflowError } from './workflow_error.js'

interface Act {
  instanceId: number
  actorId: number
  comment?: string | null
}

function inTransaction<T>(
  instanceId: number,
  work: (trx: TransactionClientContract, instance: InstanceRow) => Promise<T>
): Promise<T> {
  return db.transaction(async (trx) => {
    const result = await work(trx, await lockInstance(trx, instanceId))
    // Whatever the action closed, its 审批时限 reminders go with it.
    await closeTaskDeadlines(trx, instanceId)
    return result
  })
}

/** The actor's open task on the node being decided. */
async function myTask(trx: TransactionClientContract, instance: InstanceRow, actorId: number) {
  if (instance.status !== 'pending' || instance.mode === 'external')
    throw new WorkflowError(409, 'workflow.notPending')
  const task = await openTaskOf(trx, instance, actorId)
  if (!task) throw new WorkflowError(409, 'workflow.noTask')
  return task
}

async function decideTask(
  trx: TransactionClientContract,
  taskId: number,
  status: string,
  comment: string | null | undefined
) {
  const now = dbNow()
  await trx
    .from('wf_tasks')
    .where('id', taskId)
    .update({ status, comment: comment ?? null, decided_at: now, updated_at: now })
}

export function approve(input: Act) {
  return inTransaction(input.instanceId, async (trx, instance) => {
    const task = await myTask(trx, instance, input.actorId)
    const seq = instance.currentSeq!
    const node = nodeOf(instance, seq)!
    await decideTask(trx, task.id, 'approved', input.comment)
    await journal(trx, instance, {
      action: 'approve',
      actorId: input.actorId,
      taskId: task.id,
      nodeSeq: seq,
      comment: input.comment,
    })
    // 或签: one regular approver decides for the others; 加签 signers still must approve.
    if (node.mode === 'any' && !task.added)
      await trx
        .from('wf_tasks')
        .where('instance_id', instance.id)
        .where('round', instance.round)
        .where('node_seq', seq)
        .where('status', 'pending')
        .where('added', false)
        .update({ status: 'cancelled', updated_at: dbNow() })
    const open = await trx
      .from('wf_tasks')
      .where('instance_id', instance.id)
      .where('round', instance.round)
      .where('node_seq', seq)
      .where('status', 'pending')
      .count('* as n')
      .first()
    if (Number(open?.n ?? 0) > 0) return { status: instance.status }
    const next = nextSeq(instance, seq)
    if (next !== undefined) {
      await openNode(trx, instance, next)
      return { status: instance.status }
    }
    await closeInstance(trx, instance, 'approved', input.actorId)
    await journal(trx, instance, { action: 'complete', actorId: input.actorId, nodeSeq: seq })
    return { status: instance.status }
  })
}

export function reject(input: Act) {
  return inTransaction(input.instanceId, async (trx, instance) => {
    const task = await myTask(trx, instance, input.actorId)
    const seq = instance.currentSeq!
    await decideTask(trx, task.id, 'rejected', input.comment)
    await closeInstance(trx, instance, 'rejected', input.actorId)
    await journal(trx, instance, {
      action: 'reject',
      actorId: input.actorId,
      taskId: task.id,
      nodeSeq: seq,
      comment: input.comment,
    })
    return { status: instance.status }
  })
}

/** `toSeq` 0 returns to the applicant; otherwise an earlier node of this chain. */
export function returnTo(input: Act & { toSeq: number }) {
  return inTransaction(input.instanceId, async (trx, instance) => {
    const task = await myTask(trx, instance, input.actorId)
    const seq = instance.currentSeq!
    if (input.toSeq !== 0 && !(input.toSeq < seq && nodeOf(instance, input.toSeq)))
      throw new WorkflowError(422, 'workflow.badReturnTarget')
    await decideTask(trx, task.id, 'returned', input.comment)
    if (input.toSeq === 0) {
      await closeInstance(trx, instance, 'returned', input.actorId)
    } else {
      await cancelOpenTasks(trx, instance)
      await openNode(trx, instance, input.toSeq)
    }
    await journal(trx, instance, {
      action: 'return',
      actorId: input.actorId,
      taskId: task.id,
      nodeSeq: seq,
      targetSeq: input.toSeq,
      comment: input.comment,
    })
    return { status: instance.status }
  })
}

export function transfer(input: Act & { userId: number }) {
  return inTransaction(input.instanceId, async (trx, instance) => {
    const task = await myTask(trx, instance, input.actorId)
    await assertMayTakeTask(trx, instance, input.userId)
    await decideTask(trx, task.id, 'transferred', input.comment)
    await insertTask(trx, instance, task.node_seq, input.userId, {
      added: Boolean(task.added),
      dueDate: task.due_date ? String(task.due_date).slice(0, 10) : null,
    })
    await journal(trx, instance, {
      action: 'transfer',
      actorId: input.actorId,
      taskId: task.id,
      nodeSeq: instance.currentSeq,
      targetUserId: input.userId,
      comment: input.comment,
    })
    await notifyNewTasks(trx, instance, [input.userId])
    return { status: instance.status }
  })
}

export function addSigner(input: Act & { userId: number }) {
  return inTransaction(input.instanceId, async (trx, instance) => {
    const task = await myTask(trx, instance, input.actorId)
    await assertMayTakeTask(trx, instance, input.userId)
    await insertTask(trx, instance, task.node_seq, input.userId, {
      added: true,
      dueDate: task.due_date ? String(task.due_date).slice(0, 10) : null,
    })
    await journal(trx, instance, {
      action: 'add_signer',
      actorId: input.actorId,
      taskId: task.id,
      nodeSeq: instance.currentSeq,
      targetUserId: input.userId,
      comment: input.comment,
    })
    await notifyNewTasks(trx, instance, [input.userId])
    return { status: instance.status }
  })
}

export function withdraw(input: Act) {
  return inTransaction(input.instanceId, async (trx, instance) => {
    if (instance.applicantId !== input.actorId)
      throw new WorkflowError(409, 'workflow.notApplicant')
    if (instance.status !== 'pending') throw new WorkflowError(409, 'workflow.notPending')
    const decided = await trx
      .from('wf_tasks')
      .where('instance_id', instance.id)
      .where('round', instance.round)
      .whereIn('status', ['approved', 'rejected', 'returned'])
      .first()
    if (decided) throw new WorkflowError(409, 'workflow.alreadyDecided')
    await closeInstance(trx, instance, 'withdrawn', input.actorId)
    await journal(trx, instance, {
      action: 'withdraw',
      actorId: input.actorId,
      comment: input.comment,
    })
    return { status: instance.status }
  })
}

/** The applicant sends a returned approval again, unchanged (a plugin resubmits with changes through submitForApproval). */
export function resubmit(input: Act) {
  return db.transaction(async (trx) => {
    const row = await trx.from('wf_instances').where('id', input.instanceId).first()
    if (!row) throw new WorkflowError(404, 'http.notFound')
    if (Number(row.applicant_id) !== input.actorId)
      throw new WorkflowError(409, 'workflow.notApplicant')
    if (row.status !== 'returned') throw new WorkflowError(409, 'workflow.notReturned')
    await submitForApproval({
      type: row.type_code,
      businessId: row.business_id,
      title: row.title,
      amount: yuanOf(row.amount_fen === null ? null : String(row.amount_fen)),
      applicantId: input.actorId,
      orgId: Number(row.org_id),
      trx,
    })
    // The business record learns it is under approval again (it may have marked itself returned).
    await callHandler(
      trx,
      await lockInstance(trx, input.instanceId),
      input.actorId,
      'onResubmitted'
    )
    return { status: 'pending' }
  })
}
