/*
| The approval's decisions on a plan, applied in the decision's own
| transaction: the status moves (codes of the dictionary `relief_status`) and
| the move is audited. A record that cannot take the decision (gone, not 审批中)
| throws, and the workflow rolls its decision back too.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { WorkflowHandler, WorkflowHandlerContext } from '#core/plugins/types'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/support/db_time'

/** Each decision: the status it needs and the status it leaves. */
const MOVES = {
  approved: { from: 'pending', to: 'active' },
  rejected: { from: 'pending', to: 'rejected' },
  returned: { from: 'pending', to: 'returned' },
  withdrawn: { from: 'pending', to: 'draft' },
  resubmitted: { from: 'returned', to: 'pending' },
} as const

async function move(
  trx: TransactionClientContract,
  { instance, actorId }: WorkflowHandlerContext,
  decision: keyof typeof MOVES
) {
  const { from, to } = MOVES[decision]
  const id = Number(instance.businessId)
  const row = await trx.from('relief_plans').where('id', id).forUpdate().first()
  if (!row) throw new Error(`债权减免 ${id} 不存在`)
  if (row.status !== from) throw new Error(`债权减免 ${id} 的状态是 ${row.status}，不能${decision}`)
  await trx.from('relief_plans').where('id', id).update({ status: to, updated_at: dbNow() })
  const actor = await trx.from('users').where('id', actorId).select('username').first()
  await audit.append(null, {
    action: `relief.plan.${decision}`,
    entityType: 'relief:plan',
    entityId: id,
    before: { status: from },
    after: { status: to, workflowInstanceId: instance.id },
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
