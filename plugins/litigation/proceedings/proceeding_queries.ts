/* Reading 诉中方案: scoped by the case's org and the applicant (out of scope = 404). */
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { dateText } from '#core/holidays/calendar_date'
import { fromDb } from '#core/db/db_time'
import { LIKE, likeContains, likePrefix } from '#core/db/like'

const yuan = (fen: unknown) => Money.fromFen(String(fen ?? 0)).toYuan()
const iso = (value: unknown) => fromDb(value)?.toISO() ?? null

const scoped = (access: UserAccess) =>
  applyDataScope(db.from('lit_proceeding_plans as p'), access, {
    orgColumn: 'p.org_id',
    ownerColumn: 'p.created_by',
  })
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .select(
      'p.*',
      'u.real_name as applicant_name',
      db.raw('CAST(p.amount_fen AS CHAR) as amount_text')
    )

function row(r: any) {
  return {
    id: Number(r.id),
    planNo: r.plan_no as string,
    caseId: Number(r.case_id),
    caseNo: r.case_no as string,
    customerId: Number(r.customer_id),
    customerName: r.customer_name as string,
    createdBy: Number(r.created_by),
    applicantName: (r.applicant_name as string) ?? null,
    kind: r.kind as string,
    amount: yuan(r.amount_text),
    content: r.content as string,
    applicationReason: r.reasons as string,
    status: r.status as string,
    workflowInstanceId: r.workflow_instance_id === null ? null : Number(r.workflow_instance_id),
    submittedAt: iso(r.submitted_at),
    decidedAt: iso(r.decided_at),
    createdAt: iso(r.created_at),
  }
}

export async function listProceedings(
  access: UserAccess,
  filters: {
    keyword?: string
    status?: string
    kind?: string
    caseId?: number
    page?: number
    perPage?: number
  }
) {
  const query = scoped(access).orderBy('p.id', 'desc')
  if (filters.keyword)
    query.where((q) =>
      q
        .whereRaw(LIKE, ['p.plan_no', likePrefix(filters.keyword)])
        .orWhereRaw(LIKE, ['p.case_no', likeContains(filters.keyword)])
        .orWhereRaw(LIKE, ['p.customer_name', likeContains(filters.keyword)])
    )
  if (filters.status) query.where('p.status', filters.status)
  if (filters.kind) query.where('p.kind', filters.kind)
  if (filters.caseId) query.where('p.case_id', filters.caseId)
  const page = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: page.all().map(row),
    meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
  }
}

export async function proceedingDetail(access: UserAccess, id: number) {
  const found = await scoped(access).where('p.id', id).first()
  if (!found) return null
  const instalments = await db
    .from('lit_proceeding_instalments')
    .where('plan_id', id)
    .orderBy('seq')
    .select('seq', 'due_date', db.raw('CAST(amount_fen AS CHAR) as amount_fen'))
  const events = await db
    .from('lit_proceeding_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .where('e.plan_id', id)
    .orderBy('e.id')
    .select('e.*', 'u.real_name as actor_name')
  return {
    ...row(found),
    instalments: instalments.map((i) => ({
      seq: Number(i.seq),
      dueDate: dateText(i.due_date),
      amount: yuan(i.amount_fen),
    })),
    timeline: events.map((e) => ({
      id: Number(e.id),
      eventType: e.event_type as string,
      toStatus: e.to_status as string,
      actorName: (e.actor_name as string) ?? null,
      createdAt: iso(e.created_at),
    })),
  }
}
