import { http } from '@/api/http'
import type { Localized } from '@/i18n'
import type { Paginated } from '@/api/types'

/* 接入网关 (backend/gateway). */
export interface GatewayClient {
  id: number
  code: string
  name: string
  keyId: string
  enabled: boolean
  rateLimitPerMinute: number
  remark: string | null
  rotatedAt: string | null
  previousValidUntil: string | null
  grants: string[]
}

export interface InboundInterface {
  code: string
  plugin: string
  name: Localized
  description: Localized | null
  method: string
  path: string
  intendedFor: string[]
  enabled: boolean
  grantedTo: string[]
  request: unknown
  response: unknown
}

export interface GatewayCall {
  id: number
  client: string | null
  keyId: string | null
  interface: string | null
  method: string
  path: string
  nonce: string | null
  ip: string | null
  outcome: string
  httpStatus: number
  durationMs: number
  request: string | null
  response: string | null
  startedAt: string
}

export interface ClientInput {
  code?: string
  name: string
  rateLimitPerMinute: number
  enabled?: boolean
  remark?: string | null
  grants: string[]
}

const base = '/system/gateway'
export const gatewayApi = {
  clients: () => http.get<{ data: GatewayClient[] }>(`${base}/clients`),
  createClient: (input: ClientInput) =>
    http.post<{ client: GatewayClient; secret: string }>(`${base}/clients`, input),
  updateClient: (id: number, input: Partial<ClientInput>) =>
    http.put<GatewayClient>(`${base}/clients/${id}`, input),
  rotate: (id: number) =>
    http.post<{ client: GatewayClient; secret: string }>(`${base}/clients/${id}/rotate`, {}),
  interfaces: () => http.get<{ data: InboundInterface[] }>(`${base}/interfaces`),
  switchInterface: (code: string, enabled: boolean) =>
    http.put<{ code: string; enabled: boolean }>(`${base}/interfaces/${code}`, { enabled }),
  calls: (query: Record<string, string | number | undefined>) =>
    http.get<Paginated<GatewayCall>>(`${base}/calls`, query),
  openapi: () => http.get<Record<string, any>>(`${base}/openapi`),
}
