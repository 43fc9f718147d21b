/* The plan list and detail as the pages read them (in the caller's scope). */
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { escapeLike } from '#core/db/like'
import { ITEMS, itemPlain, itemRows, planPlain, planRow, scopedPlans } from './plan_store.js'
import { PLAN_STATUSES } from './dictionaries.js'
import { postingsOf, postingSummary } from '../postings/posting_service.js'

export interface PlanListInput {
  page?: number
  perPage?: number
  keyword?: string
  status?: string
  statuses?: string
  kind?: string
}

export async function listPlans(access: UserAccess, input: PlanListInput) {
  const query = scopedPlans(access)
  if (input.keyword) {
    const text = escapeLike(input.keyword)
    query.where((q) =>
      q
        .whereRaw(`p.plan_no LIKE ? ESCAPE '!'`, [`${text}%`])
        .orWhereRaw(`p.title LIKE ? ESCAPE '!'`, [`%${text}%`])
        .orWhereRaw(`p.reply_no LIKE ? ESCAPE '!'`, [`${text}%`])
        .orWhereExists((sub) =>
          sub
            .from(`${ITEMS} as i`)
            .whereRaw('i.plan_id = p.id')
            .whereRaw(`i.subject_no LIKE ? ESCAPE '!'`, [`${text}%`])
        )
    )
  }
  if (input.status) query.where('p.status', input.status)
  if (input.statuses) {
    const wanted = input.statuses
      .split(',')
      .filter((s) => (PLAN_STATUSES as readonly string[]).includes(s))
    query.whereIn('p.status', wanted)
  }
  if (input.kind) query.where('p.kind', input.kind)
  const page = input.page ?? 1
  const perPage = input.perPage ?? 20
  const [{ total }] = await query.clone().clearSelect().count('* as total')
  const rows = await query
    .orderBy('p.id', 'desc')
    .offset((page - 1) * perPage)
    .limit(perPage)
  return { data: rows.map(planPlain), meta: { total: Number(total), page, perPage } }
}

const ITEM_LIMIT = 1000

async function executedCount(planId: number) {
  const [row] = await db.from(ITEMS).where('plan_id', planId).count('written_off_on as n')
  return Number(row.n)
}

export async function planDetail(access: UserAccess, id: number) {
  const plan = planPlain(await planRow(access, id))
  const items = (await itemRows(id).then((rows) => rows.slice(0, ITEM_LIMIT))).map(itemPlain)
  const postings = plan.status === 'replied' ? await postingsOf(id) : []
  const materials = await db.from('write_off_materials').where('plan_id', id).orderBy('id')
  // The approval (workflow core), for the page's link to its history.
  const instance = await db
    .from('wf_instances')
    .where('type_code', 'write-off:plan')
    .where('business_id', String(id))
    .orderBy('id', 'desc')
    .select('id')
    .first()
  return {
    ...plan,
    workflowInstanceId: instance ? Number(instance.id) : null,
    // 执行进度: subjects written off so far (a large batch executes in the background).
    executed: items.length === 0 ? 0 : await executedCount(id),
    items,
    itemsShown: items.length,
    postings: postingSummary(postings),
    materials: materials.map((m) => ({
      id: Number(m.id),
      itemId: m.item_id === null ? null : Number(m.item_id),
      stage: m.stage,
      title: m.title,
      docNo: m.doc_no,
      url: m.url,
      createdAt: new Date(m.created_at).toISOString(),
    })),
  }
}
