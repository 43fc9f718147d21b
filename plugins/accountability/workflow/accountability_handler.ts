/*
| The approval's decisions on a 责任认定, in the decision's own transaction: the
| status moves (dictionary `accountability_status`), the decision date is the
| business date, and the move is audited. A case that cannot take the decision
| throws, and the workflow rolls its decision back too.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { WorkflowHandler, WorkflowHandlerContext } from '#core/plugins/types'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { CASES } from '../services/cases.js'

const MOVES = {
  approved: { from: 'pending', to: 'approved' },
  rejected: { from: 'pending', to: 'rejected' },
  returned: { from: 'pending', to: 'returned' },
  withdrawn: { from: 'pending', to: 'withdrawn' },
  resubmitted: { from: 'returned', to: 'pending' },
} as const

async function move(
  trx: TransactionClientContract,
  { instance, actorId }: WorkflowHandlerContext,
  decision: keyof typeof MOVES
) {
  const { from, to } = MOVES[decision]
  const id = Number(instance.businessId)
  const row = await trx.from(CASES).where('id', id).forUpdate().first()
  if (!row) throw new Error(`责任认定 ${id} 不存在`)
  if (row.status !== from) throw new Error(`责任认定 ${id} 的状态是 ${row.status}，不能${decision}`)
  const decidedOn =
    decision === 'approved' || decision === 'rejected' ? await businessDate.current() : null
  await trx
    .from(CASES)
    .where('id', id)
    .update({ status: to, decided_on: decidedOn, updated_at: dbNow() })
  const actor = await trx.from('users').where('id', actorId).select('username').first()
  await audit.append(null, {
    action: `accountability.case.${decision}`,
    entityType: 'accountability:case',
    entityId: id,
    before: { status: from },
    after: { status: to, decidedOn, workflowInstanceId: instance.id },
    actorUsername: actor?.username ?? null,
    trx,
  })
}

const handler: WorkflowHandler = {
  onApproved: (ctx) => move(ctx.trx, ctx, 'approved'),
  onRejected: (ctx) => move(ctx.trx, ctx, 'rejected'),
  onReturned: (ctx) => move(ctx.trx, ctx, 'returned'),
  onWithdrawn: (ctx) => move(ctx.trx, ctx, 'withdrawn'),
  onResubmitted: (ctx) => move(ctx.trx, ctx, 'resubmitted'),
}

export default handler
