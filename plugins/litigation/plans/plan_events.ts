/*
| 方案时间轴: each status change of a 诉前方案 appends one row (created, updated,
| submitted, approved, rejected, returned, withdrawn), written with the transaction
| that changes the plan; never updated or deleted.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { dbNow, fromDb } from '#core/db/db_time'

export interface LitPlanEvent {
  planId: number
  eventType: string
  fromStatus: string | null
  toStatus: string
  actorId: number | null
  comment?: string | null
}

export async function recordLitPlanEvent(trx: TransactionClientContract, event: LitPlanEvent) {
  await trx.table('lit_plan_events').insert({
    plan_id: event.planId,
    event_type: event.eventType,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    actor_id: event.actorId,
    comment: event.comment ? event.comment.slice(0, 500) : null,
    created_at: dbNow(),
  })
}

export async function litPlanTimeline(planId: number) {
  const rows = await db
    .from('lit_plan_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .where('e.plan_id', planId)
    .orderBy('e.id', 'asc')
    .select('e.*', 'u.real_name as actor_name')
  return rows.map((r) => ({
    id: Number(r.id),
    eventType: r.event_type as string,
    fromStatus: r.from_status as string | null,
    toStatus: r.to_status as string,
    actorName: (r.actor_name as string) ?? null,
    comment: (r.comment as string) ?? null,
    createdAt: fromDb(r.created_at)?.toISO() ?? null,
  }))
}
