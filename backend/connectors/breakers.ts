/*
| One circuit breaker per external system (cockatiel), per app node. When a
| system keeps failing, calls fail fast with `breaker_open` instead of piling
| up timeouts on its behalf; after `halfOpenAfterMs` one trial call decides.
| Only transient failures count (timeouts, connection errors, 5xx/429): a 4xx
| means the system is up and refused this request.
*/
import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel'
import { ConnectorError } from './connector_error.js'
import { connectorRegistry } from './registry.js'

const breakers = new Map<string, CircuitBreakerPolicy>()

export type BreakerState = 'closed' | 'open' | 'half_open' | 'isolated'

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'isolated',
}

export function breakerFor(system: string): CircuitBreakerPolicy {
  let breaker = breakers.get(system)
  if (!breaker) {
    const options = connectorRegistry.system(system)?.breaker ?? {}
    breaker = circuitBreaker(
      handleWhen((error) => error instanceof ConnectorError && error.transient),
      {
        halfOpenAfter: options.halfOpenAfterMs ?? 30_000,
        breaker: new ConsecutiveBreaker(options.consecutiveFailures ?? 5),
      }
    )
    breakers.set(system, breaker)
  }
  return breaker
}

/** This node's breaker state; `closed` for a system not called since start. */
export function breakerState(system: string): BreakerState {
  const breaker = breakers.get(system)
  return breaker ? STATE_NAMES[breaker.state] : 'closed'
}

/** Forgets a system's breaker (re-enabled or re-configured by an administrator; tests). */
export function resetBreaker(system: string) {
  breakers.delete(system)
}

export function hasBreaker(system: string) {
  return breakers.has(system)
}
