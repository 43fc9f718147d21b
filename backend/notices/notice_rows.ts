/*
| Database rows → API shapes. Timestamps leave as ISO strings with the offset
| (MySQL hands back a Date, SQLite the stored text), so the console shows the
| same time from either database.
*/
import { DateTime } from 'luxon'

export function isoTime(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  const parsed =
    value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromSQL(String(value))
  return parsed.isValid ? parsed.toISO() : String(value)
}

export type NoticeStatus = 'draft' | 'published' | 'revoked'
export type NoticeAudience = 'all' | 'targeted'
export type NoticeTargetType = 'org' | 'org_and_below' | 'role'

export interface NoticeTarget {
  type: NoticeTargetType
  id: number
  /** Org or role name at the time of reading; null when it has since been deleted. */
  name?: string | null
}

/** A row of the management list (no content: the list stays light). */
export function noticeSummary(row: any) {
  return {
    id: Number(row.id),
    title: row.title as string,
    kind: row.kind as string,
    status: row.status as NoticeStatus,
    audience: row.audience as NoticeAudience,
    orgId: Number(row.org_id),
    orgName: (row.org_name ?? null) as string | null,
    createdBy: Number(row.created_by),
    creatorName: (row.creator_name ?? null) as string | null,
    publishedAt: isoTime(row.published_at),
    revokedAt: isoTime(row.revoked_at),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  }
}

/** A notice as its reader sees it (the "my notices" side). */
export function myNoticeSummary(row: any) {
  return {
    id: Number(row.id),
    title: row.title as string,
    kind: row.kind as string,
    orgName: (row.org_name ?? null) as string | null,
    publisherName: (row.publisher_name ?? null) as string | null,
    publishedAt: isoTime(row.published_at),
    read: row.read_at !== null && row.read_at !== undefined,
    readAt: isoTime(row.read_at),
  }
}
