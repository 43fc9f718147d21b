/*
| 接口测试 · one run: calls an outbound interface of a registered system with the
| tester's payload through the ordinary connector (breaker, timeout, call log),
| once (no retries: a test must show what one call does), and answers with the
| masked request and response and the time taken.
|
| Money-changing interfaces (postings) are run only against a system whose base
| URL is on this machine (the simulator): a test must never move money in the
| bank's core system. Each such run carries its own idempotency key.
*/
import { randomUUID } from 'node:crypto'
import { call } from '#core/connectors/http_connector'
import { ConnectorError } from '#core/connectors/connector_error'
import { maskPayload } from '#core/connectors/call_log'
import { connectorRegistry } from '#core/connectors/registry'
import { findSystemRow } from '#core/connectors/connector_store'

export class InterfaceTestRefused extends Error {
  constructor(readonly code: 'unknown' | 'inbound' | 'moneyNotLoopback' | 'noCaller') {
    super(code)
  }
}

export interface InterfaceTestResult {
  ok: boolean
  durationMs: number
  correlationId: string
  request: string | null
  response: string | null
  error: { kind: string; message: string; httpStatus: number | null } | null
}

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i

export async function runInterfaceTest(
  system: string,
  iface: string,
  payload: unknown
): Promise<InterfaceTestResult> {
  // 接入接口 run through the API gateway with a signed request (run_inbound_test.ts).
  if (system === 'gateway')
    return (await import('./run_inbound_test.js')).runInboundTest(iface, payload)
  const definition = connectorRegistry.interface(system, iface)
  if (!definition) throw new InterfaceTestRefused('unknown')
  if (definition.direction !== 'outbound') throw new InterfaceTestRefused('inbound')
  let idempotencyKey: string | undefined
  if (definition.moneyChanging) {
    const row = await findSystemRow(system)
    if (!row?.baseUrl || !LOOPBACK.test(row.baseUrl))
      throw new InterfaceTestRefused('moneyNotLoopback')
    idempotencyKey = `iftest:${randomUUID()}`
  }
  const correlationId = `iftest:${randomUUID()}`
  const started = performance.now()
  try {
    const response = await call(system, iface, payload, {
      correlationId,
      idempotencyKey,
      retries: 0,
    })
    return {
      ok: true,
      durationMs: Math.round(performance.now() - started),
      correlationId,
      request: maskPayload(payload),
      response: maskPayload(response),
      error: null,
    }
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    return {
      ok: false,
      durationMs: Math.round(performance.now() - started),
      correlationId,
      request: maskPayload(payload),
      response: maskPayload(error.responseBody),
      error: { kind: error.kind, message: error.message, httpStatus: error.httpStatus },
    }
  }
}
