/*
| 发起流程: a business plugin submits a record for approval, inside its own
| transaction (the record's status change and the submission commit together).
|
|   const { instanceId } = await submitForApproval({ type: 'disposal:plan',
|     businessId: String(plan.id), title: plan.name, amount: '1500000.00',
|     applicantId: user.id, orgId: user.orgId, trx })
|
| The chain is taken at submission, 授权 tiers applied to the amount: a later
| edit of the chain does not change a running approval. A record that was
| returned to the applicant is resubmitted by calling this again (a new round
| of the same instance, with the new title and amount).
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { applicableNodes, readChain } from './chain_nodes.js'
import { instanceFromRow, lockInstance, type InstanceRow } from './instance_store.js'
import { journal } from './journal.js'
import { openNode } from './node_flow.js'
import { registeredType } from './type_registry.js'
import { ensureTypeRow } from './type_sync.js'
import { WorkflowError } from './workflow_error.js'
import { sendToExternal } from './external.js'

export interface SubmitInput {
  type: string
  businessId: string
  title: string
  /** Yuan, two decimals. Required by a type with amount tiers. */
  amount?: string | null
  applicantId: number
  orgId: number
  trx: TransactionClientContract
}

async function chainFor(
  trx: TransactionClientContract,
  typeCode: string,
  amountFen: string | null
) {
  const nodes = applicableNodes(await readChain(trx, typeCode), amountFen)
  if (!nodes.length) throw new WorkflowError(422, 'workflow.noChain')
  return nodes
}

/** Starts the round: the external system takes it, or the first node opens. */
async function startRound(trx: TransactionClientContract, instance: InstanceRow) {
  if (instance.mode === 'external') {
    await sendToExternal(trx, instance)
    return
  }
  await openNode(trx, instance, instance.chain[0].seq)
}

export async function submitForApproval(input: SubmitInput): Promise<{ instanceId: number }> {
  const { trx } = input
  const type = await registeredType(input.type)
  if (!type) throw new WorkflowError(422, 'workflow.unknownType', { type: input.type })
  await ensureTypeRow(trx, type)
  const typeRow = await trx.from('wf_types').where('code', input.type).first()
  if (!input.businessId || input.businessId.length > 64)
    throw new Error(`Workflow business id must be 1–64 characters: "${input.businessId}"`)
  const amount =
    input.amount === undefined || input.amount === null ? null : Money.fromYuan(input.amount)
  if (amount?.isNegative()) throw new WorkflowError(422, 'workflow.badAmount')
  const amountFen = amount ? amount.toFen() : null
  // The list shows titles whole up to 200 characters; a longer one is cut, not refused.
  input = { ...input, title: Array.from(input.title).slice(0, 200).join('') }
  if (type.definition.amountTiers && amountFen === null)
    throw new WorkflowError(422, 'workflow.amountRequired')
  const mode = typeRow.mode === 'external' ? 'external' : 'internal'
  // Internal chains are resolved now; an external system decides its own chain.
  const chain = mode === 'external' ? [] : await chainFor(trx, input.type, amountFen)

  const open = await trx
    .from('wf_instances')
    .where('type_code', input.type)
    .where('business_id', input.businessId)
    .whereIn('status', ['pending', 'returned'])
    .orderBy('id', 'desc')
    .first()
  if (open?.status === 'pending') throw new WorkflowError(409, 'workflow.alreadyPending')

  const now = dbNow()
  let instance: InstanceRow
  if (open) {
    instance = await lockInstance(trx, Number(open.id))
    if (instance.applicantId !== input.applicantId)
      throw new WorkflowError(409, 'workflow.notApplicant')
    Object.assign(instance, {
      title: input.title,
      amountFen,
      chain,
      mode,
      status: 'pending',
      round: instance.round + 1,
    })
    await trx
      .from('wf_instances')
      .where('id', instance.id)
      .update({
        title: input.title,
        amount_fen: amountFen,
        chain_json: JSON.stringify(chain),
        mode,
        status: 'pending',
        round: instance.round,
        updated_at: now,
      })
  } else {
    const [id] = await trx.table('wf_instances').insert({
      type_code: input.type,
      business_id: input.businessId,
      title: input.title,
      amount_fen: amountFen,
      applicant_id: input.applicantId,
      org_id: input.orgId,
      status: 'pending',
      mode,
      chain_json: JSON.stringify(chain),
      current_seq: null,
      round: 1,
      created_at: now,
      updated_at: now,
    })
    instance = instanceFromRow(await trx.from('wf_instances').where('id', id).first())
  }
  await journal(trx, instance, {
    action: open ? 'resubmit' : 'submit',
    actorId: input.applicantId,
  })
  await startRound(trx, instance)
  return { instanceId: instance.id }
}
