/*
| Preloaded (node --import) into the real `node ace queue:work` that
| outbox_worker_crash.spec.ts kills. One change to the booted worker: core
| banking's circuit breaker tolerates the test's 60 % failure rate. With the
| default breaker (open after 5 failures in a row, for 30 s) such a run spends
| minutes waiting on the breaker, and the test is about claims and
| idempotency keys, not the breaker (resilience.spec.ts covers that).
| It wraps the registry's defineSystem, which the app's boot calls with the
| manifest's definition; the module instance is the app's own (same URL).
*/
const { connectorRegistry } = await import('#core/connectors/registry')

const define = connectorRegistry.defineSystem.bind(connectorRegistry)
connectorRegistry.defineSystem = (definition) => {
  if (definition.code !== 'core-banking') return define(definition)
  // The spec waits for this line: proof the app booted with this very registry.
  console.log('preload: core-banking breaker relaxed')
  return define({ ...definition, breaker: { consecutiveFailures: 100_000, halfOpenAfterMs: 50 } })
}
