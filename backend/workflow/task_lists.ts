/*
| 待办 / 已办 / 我发起的: the caller's own tasks and submissions. Being the
| assignee or the applicant is the access rule (like 我的通知), so these need
| no grant and no data scope: nobody sees another person's boxes.
*/
import db from '@adonisjs/lucid/services/db'
import { isoTime } from '#core/notices/notice_rows'
import type { ChainNode } from './chain_nodes.js'
import { yuanOf } from './instance_store.js'
import { LIKE, likeContains } from '#core/db/like'

export type Box = 'todo' | 'done' | 'mine'

export interface TaskFilters {
  box?: Box
  type?: string
  keyword?: string
  page?: number
  perPage?: number
}

const DONE_TASK = ['approved', 'rejected', 'returned', 'transferred']

const dateOnly = (value: unknown) =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? isoTime(value)!.slice(0, 10)
      : String(value).slice(0, 10)

/** The business page of an instance (the type's link with its business id). */
export const businessLink = (link: string | null, businessId: string) =>
  link ? link.replaceAll('{businessId}', encodeURIComponent(businessId)) : null

function boxQuery(userId: number, box: Box) {
  if (box === 'mine')
    return db
      .from('wf_instances as i')
      .where('i.applicant_id', userId)
      .select(
        db.raw('NULL as task_id'),
        'i.current_seq as node_seq',
        'i.created_at as at',
        db.raw('NULL as due_date'),
        db.raw('NULL as task_status')
      )
  const query = db
    .from('wf_tasks as t')
    .join('wf_instances as i', 'i.id', 't.instance_id')
    .where('t.assignee_id', userId)
    .select(
      't.id as task_id',
      't.node_seq',
      't.created_at as at',
      't.due_date',
      't.status as task_status'
    )
  if (box === 'todo') query.where('t.status', 'pending').where('i.status', 'pending')
  else query.whereIn('t.status', DONE_TASK)
  return query
}

export async function listBox(userId: number, filters: TaskFilters, locale: string) {
  const box = filters.box ?? 'todo'
  const query = boxQuery(userId, box)
    .join('wf_types as ty', 'ty.code', 'i.type_code')
    .join('users as a', 'a.id', 'i.applicant_id')
    .join('orgs as o', 'o.id', 'i.org_id')
    .select(
      'i.id as instance_id',
      'i.type_code',
      'i.business_id',
      'i.title',
      'i.amount_fen',
      'i.status',
      'i.chain_json',
      'ty.name_zh',
      'ty.name_en',
      'ty.link',
      'a.real_name as applicant_name',
      'o.name as org_name'
    )
  if (filters.type) query.where('i.type_code', filters.type)
  if (filters.keyword) query.whereRaw(LIKE, ['i.title', likeContains(filters.keyword)])
  query.orderBy(box === 'mine' ? 'i.id' : 't.id', 'desc')
  const result = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: result.all().map((row: any) => {
      const chain = JSON.parse(row.chain_json) as ChainNode[]
      const node = chain.find((n) => n.seq === Number(row.node_seq))
      return {
        taskId: row.task_id === null ? null : Number(row.task_id),
        instanceId: Number(row.instance_id),
        typeCode: row.type_code,
        typeName: locale === 'en' ? row.name_en : row.name_zh,
        businessId: row.business_id,
        title: row.title,
        amount: yuanOf(row.amount_fen === null ? null : String(row.amount_fen)),
        applicantName: row.applicant_name,
        orgName: row.org_name,
        nodeName: node ? (locale === 'en' ? node.name.en : node.name.zh) : null,
        status: row.status,
        taskStatus: row.task_status ?? null,
        createdAt: isoTime(row.at),
        dueDate: dateOnly(row.due_date),
        link: businessLink(row.link, row.business_id),
      }
    }),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

export async function boxCounts(userId: number) {
  const count = async (box: Box) =>
    Number((await boxQuery(userId, box).clearSelect().count('* as n').first())?.n ?? 0)
  const [todo, done, mine] = await Promise.all([count('todo'), count('done'), count('mine')])
  return { todo, done, mine }
}

/** The approval types for the box filter (active ones). */
export async function typeOptions(locale: string) {
  const rows = await db.from('wf_types').where('active', true).orderBy('code')
  return rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.name_en : r.name_zh }))
}
