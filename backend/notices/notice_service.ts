/*
| 通知公告 management: draft → published → revoked. A published notice is
| never edited (what readers saw is what the bank sent); to correct one,
| revoke it and publish a new draft. Rich text is sanitised here, on every
| write, whatever the console sent.
|
| Every query goes through the data scope on the notice's org (the creator's
| org) and, for "self only", its creator; a notice outside it is a 404.
*/
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { checkAudience, namedTargets } from './audience.js'
import { NoticeError, notFound } from './notice_error.js'
import {
  noticeSummary,
  type NoticeAudience,
  type NoticeStatus,
  type NoticeTargetType,
} from './notice_rows.js'
import { hasReadableText, sanitizeHtmlContent } from './sanitize_html.js'
import { LIKE, likeContains } from '#core/db/like'

export const NOTICE_KIND_DICT = 'notice_kind'

/** Sortable columns of the management list (API name → column); nothing else sorts. */
const SORTABLE: Record<string, string> = {
  publishedAt: 'notices.published_at',
  createdAt: 'notices.created_at',
  updatedAt: 'notices.updated_at',
  title: 'notices.title',
  status: 'notices.status',
  kind: 'notices.kind',
}

export interface NoticeFilters {
  page?: number
  perPage?: number
  keyword?: string
  sort?: string
  order?: 'asc' | 'desc'
  status?: NoticeStatus
  kind?: string
  dateFrom?: string
  dateTo?: string
}

export interface DraftInput {
  title: string
  kind: string
  contentHtml: string
}

export interface PublishInput {
  audience: NoticeAudience
  targets?: Array<{ type: NoticeTargetType; id: number }>
}

function scoped(access: UserAccess) {
  return applyDataScope(db.from('notices'), access, {
    orgColumn: 'notices.org_id',
    ownerColumn: 'notices.created_by',
  })
}

async function findScoped(access: UserAccess, id: number) {
  const row = await scoped(access).where('notices.id', id).first()
  if (!row) throw notFound()
  return row
}

/** Rows changed by a conditional update (Lucid returns a number or a one-element array). */
function affected(result: unknown): number {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}

async function checkKind(kind: string) {
  const item = await db
    .from('dict_items')
    .where('type_code', NOTICE_KIND_DICT)
    .where('code', kind)
    .where('enabled', true)
    .first()
  if (!item) throw new NoticeError(422, 'notices.unknownKind', 'kind')
}

function cleanContent(html: string): string {
  const clean = sanitizeHtmlContent(html)
  if (!hasReadableText(clean)) throw new NoticeError(422, 'notices.contentEmpty', 'contentHtml')
  return clean
}

/** 'YYYY-MM-DD' → the first second of that day / of the next day, in stored timestamp text. */
const dayStart = (date: string) => `${date} 00:00:00`
const nextDayStart = (date: string) =>
  `${DateTime.fromISO(date).plus({ days: 1 }).toFormat('yyyy-MM-dd')} 00:00:00`

export async function listNotices(access: UserAccess, filters: NoticeFilters) {
  if (filters.sort && !SORTABLE[filters.sort])
    throw new NoticeError(422, 'notices.unknownSort', 'sort')
  const query = scoped(access)
    .leftJoin('orgs', 'orgs.id', 'notices.org_id')
    .leftJoin('users', 'users.id', 'notices.created_by')
    .select(
      'notices.id',
      'notices.title',
      'notices.kind',
      'notices.status',
      'notices.audience',
      'notices.org_id',
      'notices.created_by',
      'notices.published_at',
      'notices.revoked_at',
      'notices.created_at',
      'notices.updated_at',
      'orgs.name as org_name',
      'users.real_name as creator_name'
    )
  if (filters.keyword) query.whereRaw(LIKE, ['notices.title', likeContains(filters.keyword)])
  if (filters.status) query.where('notices.status', filters.status)
  if (filters.kind) query.where('notices.kind', filters.kind)
  // A draft has no publish date; the range then applies to when it was written.
  if (filters.dateFrom)
    query.whereRaw('COALESCE(notices.published_at, notices.created_at) >= ?', [
      dayStart(filters.dateFrom),
    ])
  if (filters.dateTo)
    query.whereRaw('COALESCE(notices.published_at, notices.created_at) < ?', [
      nextDayStart(filters.dateTo),
    ])
  if (filters.sort) query.orderBy(SORTABLE[filters.sort], filters.order ?? 'desc')
  else query.orderBy('notices.created_at', 'desc')
  query.orderBy('notices.id', 'desc')

  const result = await query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  return {
    data: result.all().map(noticeSummary),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

export async function showNotice(access: UserAccess, id: number) {
  const row = await scoped(access)
    .leftJoin('orgs', 'orgs.id', 'notices.org_id')
    .leftJoin('users', 'users.id', 'notices.created_by')
    .where('notices.id', id)
    .select('notices.*', 'orgs.name as org_name', 'users.real_name as creator_name')
    .first()
  if (!row) throw notFound()
  const reads = await db.from('notice_reads').where('notice_id', id).count('* as total').first()
  return {
    ...noticeSummary(row),
    contentHtml: row.content_html as string,
    targets: await namedTargets(id),
    readCount: Number(reads?.total ?? 0),
  }
}

/** What the audit log keeps of a notice: its fields, not its (possibly long) body. */
function auditView(row: any) {
  return {
    title: row.title,
    kind: row.kind,
    status: row.status,
    audience: row.audience,
    contentLength: String(row.content_html ?? '').length,
  }
}

export async function createDraft(access: UserAccess, input: DraftInput) {
  await checkKind(input.kind)
  const now = dbNow()
  const row = {
    title: input.title,
    kind: input.kind,
    content_html: cleanContent(input.contentHtml),
    status: 'draft',
    audience: 'all',
    created_by: access.user.id,
    org_id: access.user.orgId,
    created_at: now,
    updated_at: now,
  }
  const [id] = await db.table('notices').insert(row)
  return { id: Number(id), after: auditView(row) }
}

export async function updateDraft(access: UserAccess, id: number, input: DraftInput) {
  const before = await findScoped(access, id)
  if (before.status !== 'draft') throw new NoticeError(409, 'notices.notDraft')
  await checkKind(input.kind)
  const patch = {
    title: input.title,
    kind: input.kind,
    content_html: cleanContent(input.contentHtml),
    updated_at: dbNow(),
  }
  // Conditional on the state, so a publish that won the race is never overwritten.
  const changed = await db.from('notices').where('id', id).where('status', 'draft').update(patch)
  if (!affected(changed)) throw new NoticeError(409, 'notices.notDraft')
  return { before: auditView(before), after: auditView({ ...before, ...patch }) }
}

export async function publishNotice(access: UserAccess, id: number, input: PublishInput) {
  const before = await findScoped(access, id)
  if (before.status !== 'draft') throw new NoticeError(409, 'notices.notDraft')
  const targets = await checkAudience(access, input.audience, input.targets)
  const now = dbNow()
  await db.transaction(async (trx) => {
    const changed = await trx.from('notices').where('id', id).where('status', 'draft').update({
      status: 'published',
      audience: input.audience,
      published_at: now,
      published_by: access.user.id,
      updated_at: now,
    })
    if (!affected(changed)) throw new NoticeError(409, 'notices.notDraft')
    await trx.from('notice_targets').where('notice_id', id).delete()
    if (targets.length)
      await trx
        .table('notice_targets')
        .multiInsert(targets.map((t) => ({ notice_id: id, target_type: t.type, target_id: t.id })))
  })
  return {
    before: auditView(before),
    after: { ...auditView({ ...before, status: 'published', audience: input.audience }), targets },
  }
}

export async function revokeNotice(access: UserAccess, id: number) {
  const before = await findScoped(access, id)
  if (before.status !== 'published') throw new NoticeError(409, 'notices.notPublished')
  const now = dbNow()
  const changed = await db
    .from('notices')
    .where('id', id)
    .where('status', 'published')
    .update({ status: 'revoked', revoked_at: now, revoked_by: access.user.id, updated_at: now })
  if (!affected(changed)) throw new NoticeError(409, 'notices.notPublished')
  return { before: auditView(before), after: auditView({ ...before, status: 'revoked' }) }
}

/** Only drafts are deleted: a published or revoked notice is part of the record. */
export async function deleteDraft(access: UserAccess, id: number) {
  const before = await findScoped(access, id)
  if (before.status !== 'draft') throw new NoticeError(409, 'notices.onlyDraftDeleted')
  const removed = await db.from('notices').where('id', id).where('status', 'draft').delete()
  if (!affected(removed)) throw new NoticeError(409, 'notices.onlyDraftDeleted')
  return { before: auditView(before) }
}
