/*
| The approval's decisions on a relief plan, in the decision's own transaction:
| approved → 执行中 (plan_service.planApproved: the agreement date, the 减免
| posting, reminders); rejected / returned / withdrawn / resubmitted move the
| status. A plan that cannot take the decision throws and the decision rolls back.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { WorkflowHandler, WorkflowHandlerContext } from '#core/plugins/types'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import { planApproved } from '../plan/plan_service.js'
import { RELEASING_STATUSES, releasePlanLoans } from '../plan/plan_claims.js'

const MOVES = {
  rejected: { from: 'pending', to: 'rejected' },
  returned: { from: 'pending', to: 'returned' },
  withdrawn: { from: 'pending', to: 'draft' },
  resubmitted: { from: 'returned', to: 'pending' },
} as const

async function check(trx: TransactionClientContract, id: number, from: string, decision: string) {
  const row = await trx.from('relief_plans').where('id', id).forUpdate().first()
  if (!row) throw new Error(`减免方案 ${id} 不存在`)
  if (row.status !== from) throw new Error(`减免方案 ${id} 的状态是 ${row.status}，不能${decision}`)
}

async function move(
  trx: TransactionClientContract,
  { instance, actorId }: WorkflowHandlerContext,
  decision: keyof typeof MOVES
) {
  const { from, to } = MOVES[decision]
  const id = Number(instance.businessId)
  await check(trx, id, from, decision)
  await trx.from('relief_plans').where('id', id).update({ status: to, updated_at: dbNow() })
  await trx.table('relief_status_events').insert({
    plan_id: id,
    from_status: from,
    to_status: to,
    reason: `审批：${decision}`,
    operator_id: actorId,
    created_at: dbNow(),
  })
  // 否决 closes the plan and frees its loans; 撤回 back to 草稿 keeps them (plan_claims.ts).
  if (RELEASING_STATUSES.includes(to)) await releasePlanLoans(trx, id)
  await audit.append(null, {
    action: `relief.plan.${decision}`,
    entityType: 'relief:plan',
    entityId: id,
    before: { status: from },
    after: { status: to, workflowInstanceId: instance.id },
    trx,
  })
}

const handler: WorkflowHandler = {
  onApproved: async (ctx) => {
    const id = Number(ctx.instance.businessId)
    await check(ctx.trx, id, 'pending', 'approved')
    await planApproved(ctx.trx, id, ctx.actorId)
    await audit.append(null, {
      action: 'relief.plan.approved',
      entityType: 'relief:plan',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'executing', workflowInstanceId: ctx.instance.id },
      trx: ctx.trx,
    })
  },
  onRejected: (ctx) => move(ctx.trx, ctx, 'rejected'),
  onReturned: (ctx) => move(ctx.trx, ctx, 'returned'),
  onWithdrawn: (ctx) => move(ctx.trx, ctx, 'withdrawn'),
  onResubmitted: (ctx) => move(ctx.trx, ctx, 'resubmitted'),
}

export default handler
