/*
| 预案时间轴: every change of a plan's status appends one row — created,
| updated, submitted, approved, rejected, returned, withdrawn — with who and
| an optional comment. Rows are never updated or deleted (the timeline is the
| audit trail a supervisor reads). Always called with the transaction that
| changes the plan, so the row and the change commit together.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { dbNow, fromDb } from '#core/db/db_time'

export type PlanEventType =
  | 'created'
  | 'updated'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'withdrawn'
  | 'implemented'

export interface PlanEvent {
  planId: number
  eventType: PlanEventType
  fromStatus: string | null
  toStatus: string
  actorId: number | null
  comment?: string | null
}

export async function recordPlanEvent(trx: TransactionClientContract, event: PlanEvent) {
  await trx.table('disposal_plan_events').insert({
    plan_id: event.planId,
    event_type: event.eventType,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    actor_id: event.actorId,
    comment: event.comment ? event.comment.slice(0, 500) : null,
    created_at: dbNow(),
  })
}

/** The plan's timeline, oldest first, with the actor's name. */
export async function planTimeline(planId: number) {
  const rows = await db
    .from('disposal_plan_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .where('e.plan_id', planId)
    .orderBy('e.id', 'asc')
    .select('e.*', 'u.real_name as actor_name')
  return rows.map((r) => ({
    id: Number(r.id),
    eventType: r.event_type as PlanEventType,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    actorName: r.actor_name ?? null,
    comment: r.comment,
    createdAt: fromDb(r.created_at)?.toISO() ?? null,
  }))
}
