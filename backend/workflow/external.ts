/*
| 外部授权及流程管理: a type whose mode is `external` is decided by the bank's
| approval system instead of our chain. The submission goes out through the
| connectors outbox (written in the submission's transaction: nothing is sent
| for a submission that rolled back; delivery retries with one idempotency key
| per round), to interface `approval-flow.submit`. The system's decision comes
| back through `applyExternalDecision` (POST /api/workflow/external/decision),
| which closes the instance exactly like an internal last decision.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { connectorRegistry } from '#core/connectors/registry'
import { lockInstance, yuanOf, type InstanceRow } from './instance_store.js'
import { journal } from './journal.js'
import { closeInstance } from './node_flow.js'
import { closeTaskDeadlines } from './task_deadlines.js'
import { WorkflowError } from './workflow_error.js'

export const EXTERNAL_SYSTEM = 'approval-flow'
export const EXTERNAL_SUBMIT = 'submit'

/** The external system's reference of an instance's round (stable: the receiver dedupes by it). */
export const externalRef = (instance: InstanceRow) => `WF${instance.id}-${instance.round}`

export async function sendToExternal(trx: TransactionClientContract, instance: InstanceRow) {
  if (!connectorRegistry.interface(EXTERNAL_SYSTEM, EXTERNAL_SUBMIT))
    throw new WorkflowError(422, 'workflow.externalUnavailable')
  const ref = externalRef(instance)
  await outbox.enqueue(trx, {
    system: EXTERNAL_SYSTEM,
    interface: EXTERNAL_SUBMIT,
    idempotencyKey: `workflow:${ref}`,
    correlationId: ref,
    payload: {
      ref,
      type: instance.typeCode,
      businessId: instance.businessId,
      title: instance.title,
      amount: yuanOf(instance.amountFen),
      applicantId: instance.applicantId,
      orgId: instance.orgId,
    },
  })
  instance.externalRef = ref
  await trx.from('wf_instances').where('id', instance.id).update({ external_ref: ref })
}

export interface ExternalDecision {
  ref: string
  decision: 'approved' | 'rejected' | 'returned'
  comment?: string | null
  /** Who records it here (the operator or the integration user). */
  actorId: number
}

export async function applyExternalDecision(input: ExternalDecision) {
  return db.transaction(async (trx) => {
    const row = await trx.from('wf_instances').where('external_ref', input.ref).first()
    if (!row) throw new WorkflowError(404, 'http.notFound')
    const instance = await lockInstance(trx, Number(row.id))
    if (instance.status !== 'pending' || instance.externalRef !== input.ref)
      throw new WorkflowError(409, 'workflow.notPending')
    await closeInstance(trx, instance, input.decision, input.actorId)
    await closeTaskDeadlines(trx, instance.id)
    await journal(trx, instance, {
      action: 'external',
      actorId: input.actorId,
      comment: input.comment ?? null,
      targetSeq: null,
    })
    return { instanceId: instance.id, status: instance.status }
  })
}
