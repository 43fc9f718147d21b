/*
| Signed calls to the API gateway as a partner system would make them, and a
| calling system created straight through the service (tests of the gateway and
| of plugins' inbound interfaces).
*/
import { randomUUID } from 'node:crypto'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import { gatewayClients } from '#core/gateway/clients'
import { signedHeaders } from '#core/gateway/signature'

export async function callingSystem(
  grants: string[],
  options: { rateLimitPerMinute?: number; enabled?: boolean } = {}
) {
  const code = `t-${randomUUID().slice(0, 8)}`
  const { client, secret } = await gatewayClients.create({
    code,
    name: `测试接入系统 ${code}`,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100,
    enabled: options.enabled ?? true,
    grants,
  })
  return { ...client, secret }
}

export interface SignedCall {
  keyId: string
  secret: string
  method: 'GET' | 'POST'
  path: string
  body?: unknown
  nonce?: string
  timestamp?: string
}

/** Sends a signed request; what is signed is exactly what is sent. */
export function signedCall(client: ApiClient, call: SignedCall) {
  const body = call.method === 'POST' ? JSON.stringify(call.body ?? {}) : ''
  const headers = signedHeaders(call.keyId, call.secret, {
    method: call.method,
    path: call.path,
    nonce: call.nonce ?? randomUUID().replaceAll('-', ''),
    timestamp: call.timestamp,
    body,
  })
  // Typed loosely: the path is any gateway route, so the client cannot infer a body type from it.
  const request: ApiRequest<any, any, any> =
    call.method === 'GET' ? client.get(call.path) : client.post(call.path)
  request.headers(headers)
  if (call.method === 'POST') request.json(call.body ?? {})
  return request
}
