/*
| Every step of an approval is written twice, in the step's transaction: a
| history row (the approval's own timeline, shown on the detail page) and an
| audit row (审计日志, the bank-wide trail). A rolled-back step leaves neither.
*/
import { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import type { InstanceRow } from './instance_store.js'

export type HistoryAction =
  | 'submit'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'return'
  | 'transfer'
  | 'add_signer'
  | 'withdraw'
  | 'complete'
  | 'external'
  | 'attach'

export interface Step {
  action: HistoryAction
  actorId: number | null
  taskId?: number | null
  nodeSeq?: number | null
  targetUserId?: number | null
  targetSeq?: number | null
  comment?: string | null
}

export async function journal(
  trx: TransactionClientContract,
  instance: InstanceRow,
  step: Step
): Promise<number> {
  const [id] = await trx.table('wf_history').insert({
    instance_id: instance.id,
    task_id: step.taskId ?? null,
    round: instance.round,
    node_seq: step.nodeSeq ?? null,
    action: step.action,
    actor_id: step.actorId,
    target_user_id: step.targetUserId ?? null,
    target_seq: step.targetSeq ?? null,
    comment: step.comment ?? null,
    created_at: dbNow(),
  })
  // The request's context names who, from where; a call from a job has none.
  const ctx = HttpContext.get()
  const actorUsername =
    !ctx?.auth?.user && step.actorId
      ? ((await trx.from('users').where('id', step.actorId).select('username').first())?.username ??
        null)
      : null
  await audit.record(ctx ?? null, {
    action: `workflow.${step.action}`,
    entityType: 'workflow_instance',
    entityId: instance.id,
    after: {
      type: instance.typeCode,
      businessId: instance.businessId,
      status: instance.status,
      round: instance.round,
      node: step.nodeSeq ?? null,
      ...(step.targetUserId ? { targetUserId: step.targetUserId } : {}),
      ...(step.targetSeq !== undefined && step.targetSeq !== null
        ? { targetSeq: step.targetSeq }
        : {}),
    },
    detail: step.comment ?? null,
    actorUsername,
    trx,
  })
  return Number(id)
}
