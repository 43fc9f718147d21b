/*
| 岗位管理: posts (客户经理, 风险经理 …) are bank-wide, not owned by an org, so
| they carry no data scope. A post still held by staff is not deleted.
*/
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { dbNow } from '#core/db/db_time'
import type { Actor } from './actor.js'
import { OrganizationError } from './errors.js'
import { countOf } from './scope.js'
import { LIKE, likeContains } from '#core/db/like'

export interface PostQuery {
  page?: number
  perPage?: number
  keyword?: string
  status?: 'active' | 'disabled'
  sort?: 'code' | 'name' | 'sort'
  order?: 'asc' | 'desc'
}

export interface PostInput {
  code: string
  name: string
  sort?: number
  status?: 'active' | 'disabled'
}

const toPost = (r: any) => ({
  id: Number(r.id),
  code: r.code,
  name: r.name,
  sort: Number(r.sort),
  status: r.status,
  createdAt: r.created_at,
})

const snapshot = (r: any) => ({
  code: r.code,
  name: r.name,
  sort: Number(r.sort),
  status: r.status,
})

async function findPost(id: number) {
  const row = await db.from('posts').where('id', id).first()
  if (!row) throw OrganizationError.notFound()
  return row
}

async function assertCodeFree(code: string, exceptId?: number) {
  const query = db.from('posts').where('code', code)
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) {
    throw OrganizationError.field('code', 'unique', 'organization.post.codeTaken', { code })
  }
}

export const postService = {
  async list(_actor: Actor, q: PostQuery) {
    const query = db.from('posts')
    if (q.status) query.where('status', q.status)
    if (q.keyword) {
      query.where((w) =>
        w
          .whereRaw(LIKE, ['name', likeContains(q.keyword)])
          .orWhereRaw(LIKE, ['code', likeContains(q.keyword)])
      )
    }
    if (q.sort) query.orderBy(q.sort, q.order ?? 'asc')
    query.orderBy('sort').orderBy('id')
    const page = await query.paginate(q.page ?? 1, q.perPage ?? 20)
    const rows = page.all()
    const held = rows.length
      ? await db
          .from('user_posts')
          .whereIn(
            'post_id',
            rows.map((r) => r.id)
          )
          .groupBy('post_id')
          .select('post_id')
          .count('* as n')
      : []
    return {
      data: rows.map((r) => ({
        ...toPost(r),
        userCount: Number(held.find((h) => Number(h.post_id) === Number(r.id))?.n ?? 0),
      })),
      meta: { total: page.total, page: page.currentPage, perPage: page.perPage },
    }
  },

  /** Active posts, for the user editor. */
  async options() {
    const rows = await db.from('posts').where('status', 'active').orderBy('sort').orderBy('id')
    return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name }))
  },

  async show(_actor: Actor, id: number) {
    return toPost(await findPost(id))
  },

  async create(actor: Actor, input: PostInput) {
    await assertCodeFree(input.code)
    const now = dbNow()
    const [id] = await db.table('posts').insert({
      code: input.code,
      name: input.name,
      sort: input.sort ?? 0,
      status: input.status ?? 'active',
      created_at: now,
      updated_at: now,
    })
    const after = await findPost(Number(id))
    await audit.record(actor.ctx, {
      action: 'post.create',
      entityType: 'post',
      entityId: Number(id),
      after: snapshot(after),
    })
    return toPost(after)
  },

  async update(actor: Actor, id: number, patch: Partial<PostInput>) {
    const before = await findPost(id)
    if (patch.code !== undefined) await assertCodeFree(patch.code, id)
    const fields: Record<string, unknown> = { updated_at: dbNow() }
    for (const key of ['code', 'name', 'sort', 'status'] as const) {
      if (patch[key] !== undefined) fields[key] = patch[key]
    }
    await db.from('posts').where('id', id).update(fields)
    const after = await findPost(id)
    await audit.record(actor.ctx, {
      action: 'post.update',
      entityType: 'post',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    })
    return toPost(after)
  },

  async destroy(actor: Actor, id: number) {
    const before = await findPost(id)
    const holders = await countOf(db.from('user_posts').where('post_id', id))
    if (holders) throw OrganizationError.blocked('organization.post.inUse', { n: holders })
    await db.from('posts').where('id', id).delete()
    await audit.record(actor.ctx, {
      action: 'post.delete',
      entityType: 'post',
      entityId: id,
      before: snapshot(before),
    })
  },
}
