/*
| 检查: a GET to the system's health path (default /health), outside the
| breaker and without retries — an operator wants the system's answer now, not
| the breaker's memory. The result is stored as the system's status and logged
| in the call log as interface `health`.
*/
import { TaskCancelledError, TimeoutStrategy, timeout } from 'cockatiel'
import { logCall } from './call_log.js'
import { findSystemRow, setSystemHealth } from './connector_store.js'
import { connectorRegistry } from './registry.js'

export interface HealthResult {
  status: 'up' | 'down'
  httpStatus: number | null
  durationMs: number
  error: string | null
}

export async function checkSystem(code: string, timeoutMs = 5_000): Promise<HealthResult | null> {
  const definition = connectorRegistry.system(code)
  const row = await findSystemRow(code)
  if (!definition || !row) return null
  const started = new Date()
  let httpStatus: number | null = null
  let error: string | null = null
  let kind: 'timeout' | 'unavailable' | 'http' | null = null
  if (!row.baseUrl) {
    error = 'no base URL configured'
    kind = 'unavailable'
  } else {
    const url =
      row.baseUrl.replace(/\/+$/, '') +
      '/' +
      (definition.healthPath ?? '/health').replace(/^\/+/, '')
    try {
      await timeout(timeoutMs, TimeoutStrategy.Aggressive).execute(async ({ signal }) => {
        const response = await fetch(url, { signal, headers: { Accept: 'application/json' } })
        httpStatus = response.status
        await response.arrayBuffer()
      })
      if (httpStatus! < 200 || httpStatus! >= 300) {
        error = `HTTP ${httpStatus}`
        kind = 'http'
      }
    } catch (failure) {
      kind = failure instanceof TaskCancelledError ? 'timeout' : 'unavailable'
      error =
        failure instanceof TaskCancelledError
          ? `no answer within ${timeoutMs} ms`
          : `cannot reach ${code}: ${(failure as any)?.cause?.code ?? (failure as Error).message}`
    }
  }
  const durationMs = Date.now() - started.getTime()
  const status = error ? 'down' : 'up'
  await logCall({
    system: code,
    iface: 'health',
    direction: 'outbound',
    startedAt: started,
    durationMs,
    status: error ? 'failure' : 'success',
    httpStatus,
    attempt: 1,
    errorKind: kind,
    error,
  })
  await setSystemHealth(code, { status, lastError: error, checked: true })
  return { status, httpStatus, durationMs, error }
}
