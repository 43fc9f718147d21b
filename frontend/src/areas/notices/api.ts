/*
| 通知公告 endpoints: the management side (/system/notices, system:notice:*) and
| the reader side (/notices/mine, any signed-in user, only notices addressed to them).
*/
import { http, type RequestOptions } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'

export type NoticeStatus = 'draft' | 'published' | 'revoked'
export type NoticeAudience = 'all' | 'targeted'
export type NoticeTargetType = 'org' | 'org_and_below' | 'role'

export interface NoticeTarget {
  type: NoticeTargetType
  id: number
  name?: string | null
}

export interface NoticeSummary {
  id: number
  title: string
  kind: string
  status: NoticeStatus
  audience: NoticeAudience
  orgId: number
  orgName: string | null
  createdBy: number
  creatorName: string | null
  publishedAt: string | null
  revokedAt: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface NoticeDetail extends NoticeSummary {
  /** Sanitised by the server before it was stored. */
  contentHtml: string
  targets: NoticeTarget[]
  readCount: number
}

export interface NoticeDraft {
  title: string
  kind: string
  contentHtml: string
}

export interface PublishRequest {
  audience: NoticeAudience
  targets?: Array<{ type: NoticeTargetType; id: number }>
}

export interface AudienceOrg {
  id: number
  code: string
  name: string
  children: AudienceOrg[]
}

export interface AudienceOptions {
  /** False for a publisher with a narrower data scope: no 全行 and no roles. */
  wholeBank: boolean
  orgs: AudienceOrg[]
  roles: Array<{ id: number; code: string; name: string }>
}

export interface MyNotice {
  id: number
  title: string
  kind: string
  orgName: string | null
  publisherName: string | null
  publishedAt: string | null
  read: boolean
  readAt: string | null
}

export interface MyNoticeDetail extends MyNotice {
  /** Sanitised by the server before it was stored. */
  contentHtml: string
}

export interface NoticeListQuery extends ListQuery {
  status?: NoticeStatus
  kind?: string
  dateFrom?: string
  dateTo?: string
}

const item = (id: number) => `/system/notices/${encodeURIComponent(String(id))}`
const mine = (id: number) => `/notices/mine/${encodeURIComponent(String(id))}`

export const listNotices = (query: NoticeListQuery) =>
  http.get<Paginated<NoticeSummary>>('/system/notices', query)
export const showNotice = (id: number) => http.get<NoticeDetail>(item(id))
export const createNotice = (draft: NoticeDraft) =>
  http.post<NoticeDetail>('/system/notices', draft)
export const updateNotice = (id: number, draft: NoticeDraft) =>
  http.put<NoticeDetail>(item(id), draft)
export const publishNotice = (id: number, request: PublishRequest) =>
  http.post<NoticeDetail>(`${item(id)}/publish`, request)
export const revokeNotice = (id: number) => http.post<NoticeDetail>(`${item(id)}/revoke`)
export const deleteNotice = (id: number) => http.delete<void>(item(id))
export const fetchAudienceOptions = () =>
  http.get<AudienceOptions>('/system/notices/audience-options')

export const listMyNotices = (query: ListQuery & { unread?: boolean; kind?: string } = {}) =>
  http.get<Paginated<MyNotice>>('/notices/mine', query)
export const fetchUnreadCount = (options?: RequestOptions) =>
  http
    .get<{ unread: number }>('/notices/mine/unread-count', undefined, options)
    .then((r) => r.unread)
export const showMyNotice = (id: number) => http.get<MyNoticeDetail>(mine(id))
export const markNoticeRead = (id: number) =>
  http.post<{ id: number; read: boolean; readAt: string | null }>(`${mine(id)}/read`)
export const markAllNoticesRead = () =>
  http.post<{ marked: number; unread: number }>('/notices/mine/read-all')
