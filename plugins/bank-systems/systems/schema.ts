/*
| Shorthands the system definitions are written in: JSON Schema pieces for the
| OpenAPI description, a lookup (POST with its key in the body, ESB envelope),
| the ping of a system, and a system whose default base URL is the simulator.
*/
import type {
  ConnectorInterfaceDefinition,
  ConnectorSystemDefinition,
  Localized,
} from '#core/plugins/types'
import { simulatorPort } from './simulator_port.js'

/* ---- JSON Schema shorthands (OpenAPI description only) ------------------- */
export const str = { type: 'string' }
export const nullableStr = { type: ['string', 'null'] }
export const yuanFen = { type: 'string', pattern: '^-?\\d+$', description: '金额（分）' }
export const date = { type: 'string', format: 'date' }
export const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
})
export const list = (item: Record<string, unknown>) => ({ type: 'array', items: item })
/** Every answer comes in the bank's ESB envelope: retCode '0000' is success. */
export const envelope = (data: Record<string, unknown>) => obj({ retCode: str, retMsg: str, data })
export const byCustomer = obj({ customerNo: str })

export const lookup = (
  code: string,
  name: Localized,
  path: string,
  request: Record<string, unknown>,
  data: Record<string, unknown>
): ConnectorInterfaceDefinition => ({
  code,
  name,
  direction: 'outbound',
  method: 'POST',
  path,
  timeoutMs: 5_000,
  request,
  response: envelope(data),
})

export const ping = (name: Localized): ConnectorInterfaceDefinition => ({
  code: 'ping',
  name,
  direction: 'outbound',
  method: 'GET',
  path: '/ping',
  timeoutMs: 3_000,
  response: envelope(obj({ ok: { type: 'boolean' } })),
})

export const system = (
  code: string,
  name: Localized,
  owner: string,
  interfaces: ConnectorInterfaceDefinition[],
  extra: Partial<ConnectorSystemDefinition> = {}
): ConnectorSystemDefinition => ({
  code,
  name,
  owner,
  defaultBaseUrl: `http://127.0.0.1:${simulatorPort()}/${code}`,
  healthPath: '/health',
  interfaces,
  ...extra,
})
