/* 服务管理 and 外发消息 endpoints: one typed function per endpoint. */
import { http, type Query } from '@/api/http'
import type { ListQuery, Paginated } from '@/api/types'

/** up 正常 · down 异常 · unknown 未检查 · open 熔断 · disabled 停用 */
export type SystemHealth = 'up' | 'down' | 'unknown' | 'open' | 'disabled'

export interface ConnectorInterface {
  code: string
  name: string
  direction: 'inbound' | 'outbound'
  method: string
  path: string
  moneyChanging: boolean
  timeoutMs: number
  retries: number
  enabled: boolean
}

export interface ConnectorSystem {
  code: string
  name: string
  owner: string
  enabled: boolean
  baseUrl: string | null
  health: SystemHealth
  status: string
  breakerState: 'closed' | 'open' | 'half_open' | 'isolated'
  lastCheckedAt: string | null
  lastError: string | null
  lastCall: {
    at: string
    status: 'success' | 'failure'
    httpStatus: number | null
    errorKind: string | null
    durationMs: number
  } | null
  stats: { calls24h: number; failures24h: number; avgMs24h: number | null }
  outbox: { pending: number; dead: number }
  interfaces: ConnectorInterface[]
}

export interface ConnectorCall {
  id: number
  system: string
  interface: string
  direction: string
  startedAt: string
  durationMs: number
  status: 'success' | 'failure'
  httpStatus: number | null
  attempt: number
  errorKind: string | null
  error: string | null
  request: string | null
  response: string | null
  correlationId: string | null
  idempotencyKey: string | null
}

export interface HealthResult {
  status: 'up' | 'down'
  httpStatus: number | null
  durationMs: number
  error: string | null
}

export type OutboxStatus = 'pending' | 'sent' | 'dead'

export interface OutboxMessage {
  id: number
  idempotencyKey: string
  system: string
  interface: string
  status: OutboxStatus
  attempts: number
  nextAttemptAt: string
  claimed: boolean
  lastError: string | null
  lastHttpStatus: number | null
  correlationId: string | null
  createdAt: string
  sentAt: string | null
  payload: string | null
  ack: string | null
}

export const listConnectors = () =>
  http.get<{ data: ConnectorSystem[] }>('/system/connectors').then((r) => r.data)

export const updateConnector = (
  code: string,
  change: { enabled?: boolean; baseUrl?: string | null }
) => http.put(`/system/connectors/${encodeURIComponent(code)}`, change)

export const updateConnectorInterface = (code: string, iface: string, enabled: boolean) =>
  http.put(
    `/system/connectors/${encodeURIComponent(code)}/interfaces/${encodeURIComponent(iface)}`,
    { enabled }
  )

export const checkConnector = (code: string) =>
  http.post<HealthResult>(`/system/connectors/${encodeURIComponent(code)}/check`)

export const listConnectorCalls = (query: ListQuery & Query) =>
  http.get<Paginated<ConnectorCall>>('/system/connectors/calls', query)

export const listOutbox = (query: ListQuery & Query) =>
  http.get<Paginated<OutboxMessage>>('/system/outbox', query)

export const retryOutboxMessage = (id: number) =>
  http.post<OutboxMessage>(`/system/outbox/${id}/retry`)
