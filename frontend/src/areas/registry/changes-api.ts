/* 待复核变更 (four-eyes queue) endpoints. */
import { http } from '@/api/http'
import type { ListQuery, Localized, Paginated } from '@/api/types'

export type ChangeStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn'

export interface PendingChange {
  id: number
  kind: string
  kindName: Localized
  summary: string
  payload: unknown
  status: ChangeStatus
  requester: string
  requesterName: string
  requestedAt: string
  deciderName: string | null
  decidedAt: string | null
  comment: string | null
  /** True when the signed-in user proposed it (they may withdraw, never approve). */
  mine: boolean
}

export const listChanges = (query: ListQuery & { status?: ChangeStatus }) =>
  http.get<Paginated<PendingChange>>('/system/changes', query)

export const approveChange = (id: number, comment?: string) =>
  http.post<void>(`/system/changes/${id}/approve`, { comment })

export const rejectChange = (id: number, comment?: string) =>
  http.post<void>(`/system/changes/${id}/reject`, { comment })

export const withdrawChange = (id: number) => http.post<void>(`/system/changes/${id}/withdraw`, {})
