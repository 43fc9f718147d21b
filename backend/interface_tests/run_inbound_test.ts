/*
| 接口测试 · an inbound interface (接入接口) run through the real API gateway:
| a request signed with a calling system's credentials (the first open system
| granted the interface, or the one the tester names) is sent over HTTP to this
| server's /gateway/v1/… — signature, nonce, switches, grant and rate limit all
| apply, and the call lands in the gateway's call log like a partner's would.
| The secret never leaves the server; the answer shows the masked exchange.
*/
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { maskPayload } from '#core/connectors/call_log'
import { inboundRegistry } from '#core/gateway/inbound_registry'
import { gatewayClients } from '#core/gateway/clients'
import { signedHeaders } from '#core/gateway/signature'
import { InterfaceTestRefused, type InterfaceTestResult } from './run_interface_test.js'

/** The pseudo system code 接口测试 lists inbound interfaces under. */
export const GATEWAY_SYSTEM = 'gateway'

async function callerFor(code: string, clientId?: number) {
  const query = db
    .from('gateway_clients as c')
    .join('gateway_grants as g', 'g.client_id', 'c.id')
    .where('g.interface_code', code)
    .where('c.enabled', true)
    .orderBy('c.id')
    .select('c.id')
  if (clientId) query.where('c.id', clientId)
  const row = await query.first()
  return row ? gatewayClients.secretOf(Number(row.id)) : null
}

export async function runInboundTest(
  code: string,
  payload: unknown,
  clientId?: number
): Promise<InterfaceTestResult> {
  const iface = await inboundRegistry.find(code)
  if (!iface) throw new InterfaceTestRefused('unknown')
  const caller = await callerFor(code, clientId)
  if (!caller) throw new InterfaceTestRefused('noCaller')
  const method = iface.definition.method
  let path = iface.path
  let body = ''
  if (method === 'GET') {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries((payload ?? {}) as Record<string, unknown>))
      if (v !== undefined && v !== null) params.set(k, String(v))
    if ([...params].length) path += `?${params}`
  } else body = JSON.stringify(payload ?? {})
  const nonce = randomUUID().replaceAll('-', '')
  const headers = signedHeaders(caller.keyId, caller.secret, { method, path, nonce, body })
  const correlationId = `iftest:${nonce}`
  const started = performance.now()
  const url = `http://127.0.0.1:${env.get('PORT', 3333)}${path}`
  try {
    const response = await fetch(url, {
      method,
      headers: { ...headers, ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }) },
      body: method === 'GET' ? undefined : body,
      signal: AbortSignal.timeout(15_000),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {}
    return {
      ok: response.ok,
      durationMs: Math.round(performance.now() - started),
      correlationId,
      request: maskPayload(payload),
      response: maskPayload(parsed),
      error: response.ok
        ? null
        : {
            kind: 'http',
            message: String((parsed as any)?.message ?? response.statusText),
            httpStatus: response.status,
          },
    }
  } catch (error) {
    return {
      ok: false,
      durationMs: Math.round(performance.now() - started),
      correlationId,
      request: maskPayload(payload),
      response: null,
      error: { kind: 'network', message: (error as Error).message, httpStatus: null },
    }
  }
}
