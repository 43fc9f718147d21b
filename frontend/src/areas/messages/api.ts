/*
| 消息中心 and 我的时效 endpoints. Any signed-in user; the server only returns
| the caller's own messages, preferences and deadlines.
*/
import { http, type RequestOptions } from '@/api/http'
import type { Localized, Paginated } from '@/api/types'

export type MessageChannel = 'inapp' | 'email' | 'sms'
export type DeliveryStatus = 'queued' | 'sent' | 'failed' | 'skipped'

export interface MessageDelivery {
  channel: 'email' | 'sms'
  status: DeliveryStatus
  /** Why it was skipped or failed, in Chinese from the server. */
  detail: string | null
  sentAt: string | null
}

export interface Message {
  id: number
  type: string
  typeName: Localized
  title: string
  body: string | null
  /** Console path the message opens, e.g. '/workflow/instances/12'. */
  link: string | null
  read: boolean
  readAt: string | null
  createdAt: string | null
  deliveries: MessageDelivery[]
}

export interface MessagePreference {
  type: string
  name: Localized
  channels: MessageChannel[]
  /** The channels the user may mute. */
  optional: Array<'email' | 'sms'>
  muted: Array<'email' | 'sms'>
}

export interface MyDeadline {
  id: number
  title: string
  kind: string
  source: string
  dueDate: string
  /** Working days from today to the due date; negative once overdue. */
  workingDaysLeft: number
  rule: string
  link: string | null
  overdue: boolean
}

export interface MessageQuery {
  page?: number
  perPage?: number
  unread?: boolean
  type?: string
}

export const listMessages = (query: MessageQuery = {}) =>
  http.get<Paginated<Message>>('/messages', {
    ...query,
    unread: query.unread ? 1 : undefined,
  })
export const fetchMessageUnreadCount = (options?: RequestOptions) =>
  http.get<{ count: number }>('/messages/unread-count', undefined, options).then((r) => r.count)
export const markMessageRead = (id: number) =>
  http.post<{ count: number }>(`/messages/${encodeURIComponent(String(id))}/read`)
export const markAllMessagesRead = () =>
  http.post<{ marked: number; count: number }>('/messages/read-all')
export const fetchMessagePreferences = () =>
  http.get<{ data: MessagePreference[] }>('/messages/preferences').then((r) => r.data)
export const saveMessagePreferences = (
  muted: Array<{ type: string; channels: Array<'email' | 'sms'> }>
) => http.put<{ data: MessagePreference[] }>('/messages/preferences', { muted }).then((r) => r.data)

export const listMyDeadlines = (
  query: { status?: 'upcoming' | 'overdue'; page?: number; perPage?: number } = {}
) => http.get<Paginated<MyDeadline> & { meta: { today: string } }>('/deadlines/mine', query)
