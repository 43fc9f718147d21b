/*
| 减免方案's status machine: who may do what, and which status moves to which.
| Every write of the plan's status goes through `setStatus` (the status trail
| row beside it) after `assertMay` (the one place that says which statuses an
| action starts from).
|
|   action      by (permission / decision)   from                        → to
|   edit        relief:plan:create           草稿, 已退回                  (unchanged)
|   submit      relief:plan:create           草稿, 已退回                  → 上会中 | 审批中
|   committee   资产处置委员会 decision       上会中                        → 审批中 | 已否决 | 上会中 (复议)
|   approval    workflow relief:plan(-principal) 审批中 → 执行中; 退回 → 已退回; 否决 → 已否决;
|               撤回 → 草稿; 已退回 再提交 → 审批中   (workflow/plan_handler.ts)
|   pay         relief:plan:account          执行中                        → 执行中 | 已完成
|   reverse     relief:plan:account          执行中                        (unchanged)
|   default     relief:plan:track            执行中                        → 已违约 (减免冲正)
|   terminate   relief:plan:track            执行中, 草稿, 已退回           → 已终止 (减免冲正 if posted)
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { planSummary, scopedPlans } from './plan_read.js'
import { ReliefError } from './relief_error.js'
import { RELEASING_STATUSES, releasePlanLoans } from './plan_claims.js'

export type PlanStatus =
  | 'draft'
  | 'committee'
  | 'pending'
  | 'returned'
  | 'rejected'
  | 'executing'
  | 'completed'
  | 'defaulted'
  | 'terminated'

interface Move {
  /** The permission (route) or the decision that acts. */
  by: string
  from: readonly PlanStatus[]
  to: readonly PlanStatus[]
  /** The 409 when the plan is in another status. */
  refused: { zh: string; en: string; field?: string }
}

export const MOVES = {
  edit: {
    by: 'relief:plan:create',
    from: ['draft', 'returned'],
    to: [],
    refused: {
      zh: '只有草稿或已退回的方案可以修改',
      en: 'Only a draft or returned plan can be edited',
    },
  },
  submit: {
    by: 'relief:plan:create',
    from: ['draft', 'returned'],
    to: ['committee', 'pending'],
    refused: {
      zh: '只有草稿或已退回的方案可以提交',
      en: 'Only a draft or returned plan can be submitted',
    },
  },
  committee: {
    by: 'committee decision',
    from: ['committee'],
    to: ['pending', 'rejected', 'committee'],
    refused: { zh: '减免方案不在上会状态', en: 'The plan is not before the committee' },
  },
  pay: {
    by: 'relief:plan:account',
    from: ['executing'],
    to: ['executing', 'completed'],
    refused: {
      zh: '只有执行中的方案可以登记还款',
      en: 'Only a plan in execution takes payments',
    },
  },
  reverse: {
    by: 'relief:plan:account',
    from: ['executing'],
    to: [],
    refused: {
      zh: '只有执行中的方案可以还款冲正',
      en: 'Only a plan in execution takes reversals',
    },
  },
  default: {
    by: 'relief:plan:track',
    from: ['executing'],
    to: ['defaulted'],
    refused: {
      zh: '当前状态不能变更为该状态',
      en: 'The plan cannot move to this status',
      field: 'status',
    },
  },
  terminate: {
    by: 'relief:plan:track',
    from: ['executing', 'draft', 'returned'],
    to: ['terminated'],
    refused: {
      zh: '当前状态不能变更为该状态',
      en: 'The plan cannot move to this status',
      field: 'status',
    },
  },
} as const satisfies Record<string, Move>

export type PlanAction = keyof typeof MOVES

/** 409 unless the plan's status is one the action starts from. */
export function assertMay(action: PlanAction, plan: { status: string; planNo?: string }) {
  const move: Move = MOVES[action]
  if (move.from.includes(plan.status as PlanStatus)) return
  const zh =
    action === 'committee' && plan.planNo ? `减免方案 ${plan.planNo} 不在上会状态` : move.refused.zh
  throw new ReliefError(409, zh, move.refused.en, move.refused.field)
}

/** One row of the status trail (relief_status_events). */
export async function trail(
  trx: TransactionClientContract,
  planId: number,
  from: string | null,
  to: string,
  reason: string | null,
  operatorId: number | null
) {
  await trx.table('relief_status_events').insert({
    plan_id: planId,
    from_status: from,
    to_status: to,
    reason,
    operator_id: operatorId,
    created_at: dbNow(),
  })
}

export async function setStatus(
  trx: TransactionClientContract,
  plan: { id: number; status: string },
  to: PlanStatus,
  reason: string | null,
  operatorId: number | null,
  extra: Record<string, unknown> = {}
) {
  await trx
    .from('relief_plans')
    .where('id', plan.id)
    .update({ status: to, status_reason: reason, updated_at: dbNow(), ...extra })
  await trail(trx, plan.id, plan.status, to, reason, operatorId)
  // Closed: its loans are free for other disposals (plan_claims.ts).
  if (RELEASING_STATUSES.includes(to)) await releasePlanLoans(trx, plan.id)
}

/** Locks the plan in scope (404 otherwise); `access` null: a decision of the system. */
export async function lockPlan(
  trx: TransactionClientContract,
  access: UserAccess | null,
  id: number
) {
  const query = access ? scopedPlans(access, trx) : trx.from('relief_plans as p')
  const row = await query.where('p.id', id).select('p.*').forUpdate().first()
  if (!row) throw new ReliefError(404, '减免方案不存在', 'No such relief plan')
  return planSummary(row)
}
