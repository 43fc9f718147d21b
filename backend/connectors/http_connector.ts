/*
| Calls to external systems: `connectors.call(system, interface, body, options)`.
| Every attempt runs through the system's circuit breaker and a per-attempt
| timeout, is logged (masked) in connector_calls, and fails as a ConnectorError.
|
| Retries (exponential back-off) only where a repeat cannot do harm: idempotent
| methods (GET, PUT, DELETE) and calls carrying an Idempotency-Key (outbox
| deliveries). A POST without a key is tried once — a timeout does not tell us
| whether the other side acted. Money-changing interfaces refuse a keyless call
| outright: they go through the outbox (outbox.ts).
*/
import { randomUUID } from 'node:crypto'
import {
  BrokenCircuitError,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  handleWhen,
  retry,
  timeout,
} from 'cockatiel'
import { ConnectorError, httpFailureMessage } from './connector_error.js'
import { connectorRegistry } from './registry.js'
import { breakerFor, breakerState } from './breakers.js'
import { logCall } from './call_log.js'
import {
  findSystemRow,
  interfaceEnabled,
  setSystemHealth,
  type SystemRow,
} from './connector_store.js'

export interface CallOptions {
  correlationId?: string
  /** Sent as the `Idempotency-Key` header; makes a POST retryable. */
  idempotencyKey?: string
  /** Overrides of the interface's definition (tests, the outbox). */
  timeoutMs?: number
  retries?: number
  /** First retry delay; later ones grow exponentially (with jitter) up to 5 s. */
  backoffMs?: number
}

const IDEMPOTENT_METHODS = new Set(['GET', 'PUT', 'DELETE'])

export function joinUrl(base: string, path: string) {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')
}

export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

interface Attempt {
  system: string
  iface: string
  url: string
  method: string
  body: unknown
  headers: Record<string, string>
  timeoutMs: number
  attempt: number
  correlationId: string
  idempotencyKey?: string
}

/** What a request that got no answer (timed out, could not connect) fails with. */
export function transportFailure(error: unknown, system: string, iface: string, timeoutMs: number) {
  return error instanceof TaskCancelledError
    ? new ConnectorError('timeout', `no answer within ${timeoutMs} ms`, system, iface)
    : new ConnectorError(
        'unavailable',
        `cannot reach ${system}: ${(error as any)?.cause?.code ?? (error as Error).message}`,
        system,
        iface
      )
}

/** One HTTP exchange; logged whatever happens; throws only ConnectorError. */
async function attemptOnce(a: Attempt): Promise<unknown> {
  const started = new Date()
  const log = (fields: {
    status: 'success' | 'failure'
    httpStatus?: number | null
    response?: unknown
    error?: ConnectorError
  }) =>
    logCall({
      system: a.system,
      iface: a.iface,
      direction: 'outbound',
      startedAt: started,
      durationMs: Date.now() - started.getTime(),
      status: fields.status,
      httpStatus: fields.httpStatus ?? null,
      attempt: a.attempt,
      errorKind: fields.error?.kind ?? null,
      error: fields.error?.message ?? null,
      request: a.body,
      response: fields.response,
      correlationId: a.correlationId,
      idempotencyKey: a.idempotencyKey,
    })

  let httpStatus: number | null = null
  let responseBody: unknown = null
  try {
    await timeout(a.timeoutMs, TimeoutStrategy.Aggressive).execute(async ({ signal }) => {
      const hasBody = a.method !== 'GET' && a.body !== undefined && a.body !== null
      const response = await fetch(a.url, {
        method: a.method,
        headers: a.headers,
        body: hasBody ? JSON.stringify(a.body) : undefined,
        signal,
      })
      httpStatus = response.status
      responseBody = await readBody(response)
    })
  } catch (error) {
    const failure = transportFailure(error, a.system, a.iface, a.timeoutMs)
    await log({ status: 'failure', error: failure })
    throw failure
  }
  if (httpStatus! < 200 || httpStatus! >= 300) {
    const failure = new ConnectorError(
      'http',
      httpFailureMessage(a.system, a.iface, httpStatus!, responseBody),
      a.system,
      a.iface,
      httpStatus,
      responseBody
    )
    await log({ status: 'failure', httpStatus, response: responseBody, error: failure })
    throw failure
  }
  await log({ status: 'success', httpStatus, response: responseBody })
  return responseBody
}

/** Refusals before any network traffic are logged too, so the console shows why nothing went out. */
async function refuse(error: ConnectorError, body: unknown, options: CallOptions) {
  await logCall({
    system: error.system,
    iface: error.iface,
    direction: 'outbound',
    startedAt: new Date(),
    durationMs: 0,
    status: 'failure',
    attempt: 0,
    errorKind: error.kind,
    error: error.message,
    request: body,
    correlationId: options.correlationId ?? null,
    idempotencyKey: options.idempotencyKey ?? null,
  })
  return error
}

/**
 * 服务管理's switches for one call (or one batch): the system's row with its base
 * URL, or the refusal (switched off, no URL) as a ConnectorError, not yet logged.
 */
export async function openSystem(
  system: string,
  iface: string
): Promise<SystemRow | ConnectorError> {
  const row = await findSystemRow(system)
  if (!row || !row.enabled)
    return new ConnectorError('disabled', `external system ${system} is disabled`, system, iface)
  if (!(await interfaceEnabled(system, iface)))
    return new ConnectorError('disabled', `interface ${system}.${iface} is disabled`, system, iface)
  if (!row.baseUrl)
    return new ConnectorError('unavailable', `no base URL configured for ${system}`, system, iface)
  return row as SystemRow & { baseUrl: string }
}

/** Writes the connector_systems row only when the status or this node's breaker changed. */
export async function noteHealth(system: string, row: SystemRow, outcome: 'up' | 'down' | null) {
  const state = breakerState(system)
  if ((outcome && outcome !== row.status) || state !== row.breakerState)
    await setSystemHealth(system, { status: outcome ?? undefined, breakerState: state }).catch(
      () => {}
    )
}

export async function call<TResponse = unknown, TRequest = unknown>(
  system: string,
  iface: string,
  body?: TRequest,
  options: CallOptions = {}
): Promise<TResponse> {
  const definition = connectorRegistry.interface(system, iface)
  if (!definition) throw new Error(`Unknown connector interface "${system}.${iface}"`)
  if (definition.direction !== 'outbound')
    throw new Error(`"${system}.${iface}" is an inbound interface: it calls us`)
  if (definition.moneyChanging && !options.idempotencyKey)
    throw new Error(`"${system}.${iface}" changes money: send it through the outbox`)

  const row = await openSystem(system, iface)
  if (row instanceof ConnectorError) throw await refuse(row, body, options)

  const correlationId = options.correlationId ?? randomUUID()
  const headers: Record<string, string> = {
    'Accept': 'application/json',
    'Content-Type': 'application/json',
    'X-Correlation-Id': correlationId,
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
  const retryable = IDEMPOTENT_METHODS.has(definition.method) || Boolean(options.idempotencyKey)
  const retries = retryable ? (options.retries ?? definition.retries ?? 2) : 0
  const policy = retry(
    handleWhen((error) => error instanceof ConnectorError && error.transient),
    {
      maxAttempts: retries,
      backoff: new ExponentialBackoff({ initialDelay: options.backoffMs ?? 200, maxDelay: 5_000 }),
    }
  )
  const breaker = breakerFor(system)
  let attempt = 0
  let outcome: 'up' | 'down' | null = null
  try {
    const result = await policy.execute(async () => {
      attempt++
      try {
        return await breaker.execute(() =>
          attemptOnce({
            system,
            iface,
            url: joinUrl(row.baseUrl!, definition.path),
            method: definition.method,
            body,
            headers,
            timeoutMs: options.timeoutMs ?? definition.timeoutMs ?? 5_000,
            attempt,
            correlationId,
            idempotencyKey: options.idempotencyKey,
          })
        )
      } catch (error) {
        if (error instanceof BrokenCircuitError)
          throw await refuse(
            new ConnectorError('breaker_open', `circuit breaker open for ${system}`, system, iface),
            body,
            { ...options, correlationId }
          )
        throw error
      }
    })
    outcome = 'up'
    return result as TResponse
  } catch (error) {
    if (error instanceof ConnectorError && (error.transient || error.kind === 'breaker_open'))
      outcome = 'down'
    else if (error instanceof ConnectorError && error.kind === 'http') outcome = 'up'
    throw error
  } finally {
    // Only a change is written: a busy system does not cost an UPDATE per call.
    await noteHealth(system, row, outcome)
  }
}
