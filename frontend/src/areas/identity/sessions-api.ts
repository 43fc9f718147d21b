/* 在线用户 endpoints (system:session:list / system:session:kick). */
import { http } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'

export interface OnlineSession {
  id: number | string
  userId: number | string
  username: string
  realName: string
  orgName: string | null
  ip: string | null
  userAgent: string | null
  /** Sent by the credit portal in a configurable header; empty for direct sign-ins. */
  clientMac: string | null
  loginAt: string
  lastActivityAt: string
  /** The session making this request; it cannot be kicked (sign out instead). */
  current: boolean
}

export const listSessions = (query: ListQuery) =>
  http.get<Paginated<OnlineSession>>('/system/sessions', query)

/** 强制下线: the session ends on every app node at its next request. */
export const kickSession = (id: OnlineSession['id']) =>
  http.delete(`/system/sessions/${encodeURIComponent(String(id))}`)
