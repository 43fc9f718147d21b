/*
| Reading and locking one approval instance. Every action locks the instance
| row first, so two approvers clicking at once decide one after the other
| (the second then sees the new state and is refused).
*/
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import type { WorkflowInstanceInfo } from '#core/plugins/types'
import { dbNow } from '#core/db/db_time'
import type { ChainNode } from './chain_nodes.js'
import { notFound } from './workflow_error.js'

export type InstanceStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'

export interface InstanceRow {
  id: number
  typeCode: string
  businessId: string
  title: string
  amountFen: string | null
  applicantId: number
  orgId: number
  status: InstanceStatus
  mode: 'internal' | 'external'
  chain: ChainNode[]
  currentSeq: number | null
  round: number
  externalRef: string | null
}

export function instanceFromRow(row: any): InstanceRow {
  return {
    id: Number(row.id),
    typeCode: row.type_code,
    businessId: row.business_id,
    title: row.title,
    amountFen: row.amount_fen === null ? null : String(row.amount_fen),
    applicantId: Number(row.applicant_id),
    orgId: Number(row.org_id),
    status: row.status,
    mode: row.mode === 'external' ? 'external' : 'internal',
    chain: JSON.parse(row.chain_json),
    currentSeq: row.current_seq === null ? null : Number(row.current_seq),
    round: Number(row.round),
    externalRef: row.external_ref ?? null,
  }
}

const isSqlite = (trx: TransactionClientContract) =>
  ['sqlite3', 'better-sqlite3', 'libsql'].includes(trx.dialect.name)

export async function lockInstance(
  trx: TransactionClientContract,
  id: number
): Promise<InstanceRow> {
  if (isSqlite(trx)) {
    // SQLite: a write first takes the file's write lock for this transaction.
    await trx.from('wf_instances').where('id', id).update({ updated_at: dbNow() })
    const row = await trx.from('wf_instances').where('id', id).first()
    if (!row) throw notFound()
    return instanceFromRow(row)
  }
  const row = await trx.from('wf_instances').where('id', id).forUpdate().first()
  if (!row) throw notFound()
  return instanceFromRow(row)
}

export function yuanOf(amountFen: string | null): string | null {
  return amountFen === null ? null : Money.fromFen(amountFen).toYuan()
}

/** What a plugin handler sees (contract W). */
export function instanceInfo(instance: InstanceRow): WorkflowInstanceInfo {
  return {
    id: instance.id,
    typeCode: instance.typeCode,
    businessId: instance.businessId,
    title: instance.title,
    amount: yuanOf(instance.amountFen),
    applicantId: instance.applicantId,
    orgId: instance.orgId,
  }
}

export function nodeOf(instance: InstanceRow, seq: number | null): ChainNode | undefined {
  return instance.chain.find((n) => n.seq === seq)
}

/** The user's open (pending) task on the instance's current node in this round, if any. */
export function openTaskOf(client: QueryClientContract, instance: InstanceRow, userId: number) {
  return client
    .from('wf_tasks')
    .where('instance_id', instance.id)
    .where('round', instance.round)
    .where('node_seq', instance.currentSeq!)
    .where('assignee_id', userId)
    .where('status', 'pending')
    .first()
}
