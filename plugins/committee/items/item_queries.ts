import db from '@adonisjs/lucid/services/db'
import { applyDataScope } from '#core/identity/data_scope'
import type { UserAccess } from '#core/identity/user_access'
import { LIKE, likeContains } from '#core/db/like'
import { Money } from '#core/money/money'
import { fromDb } from '#core/db/db_time'
import { itemKind } from './kind_registry.js'
import { itemView } from './item_service.js'

/*
| Reading items for a user: always through the data scope of the submitting org
| (a branch's items are seen by that branch and, through its scope, head office);
| the submitter sees their own. Out of scope = not found.
*/

/** Items the user may see. (A builder: never return it from an async function.) */
export function scopedItems(access: UserAccess) {
  return applyDataScope(db.from('committee_items as i'), access, {
    orgColumn: 'i.org_id',
    ownerColumn: 'i.submitted_by',
  })
}

export function kindLabel(kind: string) {
  return itemKind(kind)?.label ?? { zh: kind, en: kind }
}

export function recordLink(kind: string, recordId: string) {
  return itemKind(kind)?.link?.(recordId) ?? null
}

export interface ItemFilters {
  page?: number
  perPage?: number
  keyword?: string
  status?: string
  kind?: string
  /** Only items a meeting of this org may take (the org's subtree). */
  orgPath?: string
}

export async function listItems(access: UserAccess, filters: ItemFilters) {
  const query = scopedItems(access).leftJoin('orgs as o', 'o.id', 'i.org_id')
  if (filters.status) query.where('i.status', filters.status)
  if (filters.kind) query.where('i.kind', filters.kind)
  if (filters.keyword) query.whereRaw(LIKE, ['i.title', likeContains(filters.keyword)])
  if (filters.orgPath) query.whereRaw(LIKE, ['o.path', `${filters.orgPath}%`])
  const perPage = filters.perPage ?? 20
  const page = filters.page ?? 1
  const [{ total }] = await query.clone().count('* as total')
  const rows = await query
    .select('i.*', 'o.name as org_name')
    .orderBy('i.id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
  return {
    data: rows.map((row) => ({
      ...itemView(row),
      orgName: row.org_name,
      kindLabel: kindLabel(row.kind),
      link: recordLink(row.kind, String(row.record_id)),
    })),
    meta: { total: Number(total), page, perPage },
  }
}

export async function itemDetail(access: UserAccess, id: number) {
  const row = await scopedItems(access)
    .leftJoin('orgs as o', 'o.id', 'i.org_id')
    .where('i.id', id)
    .select('i.*', 'o.name as org_name')
    .first()
  if (!row) return null
  const materials = await db
    .from('committee_materials')
    .where('item_id', id)
    .orderBy('id')
    .select('id', 'file_name', 'link', 'size', 'stored_path', 'created_at')
  const sittings = await db
    .from('committee_agenda as a')
    .join('committee_meetings as m', 'm.id', 'a.meeting_id')
    .where('a.item_id', id)
    .orderBy('a.id')
    .select(
      'a.meeting_id',
      'm.meeting_no',
      'm.meeting_date',
      'a.voting',
      'a.decision',
      'a.resolution_no'
    )
  return {
    ...itemView(row),
    orgName: row.org_name,
    amountText: Money.fromFen(String(row.amount_fen)).toYuan(),
    kindLabel: kindLabel(row.kind),
    link: recordLink(row.kind, String(row.record_id)),
    parties: JSON.parse(row.parties_json ?? '[]') as number[],
    materials: materials.map((m) => ({
      id: m.id,
      name: m.file_name,
      link: m.link,
      size: m.size,
      uploaded: Boolean(m.stored_path),
      createdAt: fromDb(m.created_at)?.toFormat('yyyy-MM-dd HH:mm') ?? null,
    })),
    sittings: sittings.map((s) => ({
      meetingId: s.meeting_id,
      meetingNo: s.meeting_no,
      voting: s.voting,
      decision: s.decision,
      resolutionNo: s.resolution_no,
    })),
  }
}
