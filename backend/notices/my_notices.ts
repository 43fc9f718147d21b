/*
| 我的通知: what a signed-in user reads — published (not revoked) notices
| addressed to them — and their read marks. Addressing is the only gate here:
| a notice not addressed to the reader does not exist for them (404), whatever
| permissions they hold.
|
| A user is addressed when the notice goes to everyone, or any target matches:
|   org            — the user's own org
|   org_and_below  — the user's org or any ancestor of it (read from orgs.path)
|   role           — one of the user's active roles
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { notFound } from './notice_error.js'
import { isoTime, myNoticeSummary } from './notice_rows.js'
import { LIKE, likeContains } from '#core/db/like'

export interface MyNoticeFilters {
  page?: number
  perPage?: number
  keyword?: string
  kind?: string
  unread?: boolean
}

/** The user's org and its ancestors, from the org path "/1/4/9/". */
function orgLine(access: UserAccess): number[] {
  const ids = access.orgPath
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
  return ids.length ? ids : [access.user.orgId]
}

/** Published notices addressed to the user, as a query on `notices`. */
function addressedTo(access: UserAccess) {
  const roleIds = access.roles.map((role) => role.id)
  const matchingTarget = db
    .from('notice_targets as t')
    .select(db.raw('1'))
    .whereColumn('t.notice_id', 'notices.id')
    .where((match) => {
      match
        .where((q) => q.where('t.target_type', 'org').where('t.target_id', access.user.orgId))
        .orWhere((q) =>
          q.where('t.target_type', 'org_and_below').whereIn('t.target_id', orgLine(access))
        )
      if (roleIds.length)
        match.orWhere((q) => q.where('t.target_type', 'role').whereIn('t.target_id', roleIds))
    })
  return db
    .from('notices')
    .where('notices.status', 'published')
    .where((q) => q.where('notices.audience', 'all').orWhereExists(matchingTarget))
}

/** The notices with the user's own read mark joined on (null when unread). */
function withReadMark(access: UserAccess) {
  return addressedTo(access).leftJoin('notice_reads as r', (join) => {
    join.on('r.notice_id', '=', 'notices.id').andOnVal('r.user_id', '=', access.user.id)
  })
}

export async function listMyNotices(access: UserAccess, filters: MyNoticeFilters) {
  const query = withReadMark(access)
    .leftJoin('orgs', 'orgs.id', 'notices.org_id')
    .leftJoin('users as publisher', 'publisher.id', 'notices.published_by')
    .select(
      'notices.id',
      'notices.title',
      'notices.kind',
      'notices.published_at',
      'r.read_at',
      'orgs.name as org_name',
      'publisher.real_name as publisher_name'
    )
    .orderBy('notices.published_at', 'desc')
    .orderBy('notices.id', 'desc')
  if (filters.keyword) query.whereRaw(LIKE, ['notices.title', likeContains(filters.keyword)])
  if (filters.kind) query.where('notices.kind', filters.kind)
  if (filters.unread) query.whereNull('r.read_at')
  const result = await query.paginate(filters.page ?? 1, filters.perPage ?? 10)
  return {
    data: result.all().map(myNoticeSummary),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

export async function unreadCount(access: UserAccess): Promise<number> {
  const row = await withReadMark(access).whereNull('r.read_at').count('* as total').first()
  return Number(row?.total ?? 0)
}

/** One notice with its (sanitised) content; reading it does not mark it read — the client says so. */
export async function showMyNotice(access: UserAccess, id: number) {
  const row = await withReadMark(access)
    .leftJoin('orgs', 'orgs.id', 'notices.org_id')
    .leftJoin('users as publisher', 'publisher.id', 'notices.published_by')
    .where('notices.id', id)
    .select(
      'notices.id',
      'notices.title',
      'notices.kind',
      'notices.content_html',
      'notices.published_at',
      'r.read_at',
      'orgs.name as org_name',
      'publisher.real_name as publisher_name'
    )
    .first()
  if (!row) throw notFound()
  return { ...myNoticeSummary(row), contentHtml: row.content_html as string }
}

/** Inserts read marks, ignoring ones that exist (a second tab may have marked them first). */
async function insertReads(noticeIds: number[], userId: number) {
  const readAt = dbNow()
  for (let i = 0; i < noticeIds.length; i += 500) {
    const insert = db
      .table('notice_reads')
      .multiInsert(
        noticeIds
          .slice(i, i + 500)
          .map((id) => ({ notice_id: id, user_id: userId, read_at: readAt }))
      )
    // INSERT IGNORE on MySQL, ON CONFLICT DO NOTHING on SQLite.
    insert.knexQuery.onConflict(['notice_id', 'user_id']).ignore()
    await insert
  }
}

export async function markRead(access: UserAccess, id: number) {
  const row = await withReadMark(access)
    .where('notices.id', id)
    .select('notices.id', 'r.read_at')
    .first()
  if (!row) throw notFound()
  if (!row.read_at) await insertReads([id], access.user.id)
  const mark = await db
    .from('notice_reads')
    .where('notice_id', id)
    .where('user_id', access.user.id)
    .first()
  return { id, read: true, readAt: isoTime(mark?.read_at) }
}

export async function markAllRead(access: UserAccess) {
  const unread = await withReadMark(access).whereNull('r.read_at').select('notices.id')
  await insertReads(
    unread.map((r) => Number(r.id)),
    access.user.id
  )
  return { marked: unread.length, unread: await unreadCount(access) }
}
