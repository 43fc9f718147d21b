/*
| The 13 external systems of the bank (服务管理 lists them) and their interfaces.
| Paths are fixed, so a lookup sends its key in a POST body: the core connector
| appends `path` to the base URL as is (no path parameters, no query string).
| A POST without an Idempotency-Key is never retried by the core — harmless for
| these read-only lookups, and the gateways (messaging) get a key from the adapter.
|
| The default base URL points at the demo simulator (simulator/server.ts), one
| process serving every system under `/<system>`; a bank sets the real URLs in 服务管理.
*/
import type { ConnectorSystemDefinition } from '#core/plugins/types'
import { lendingSystems } from './systems/lending_systems.js'
import { platformSystems } from './systems/platform_systems.js'

export { DEFAULT_SIMULATOR_PORT, simulatorPort } from './systems/simulator_port.js'

export const bankSystemDefinitions: ConnectorSystemDefinition[] = [
  ...lendingSystems,
  ...platformSystems,
]

/** System codes the simulator serves (the first path segment). */
export const SYSTEM_CODES = bankSystemDefinitions.map((s) => s.code)
