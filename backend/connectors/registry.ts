/*
| 服务管理 registry: the external systems this installation talks to and their
| interfaces, as code declares them (core here, plugins through their manifest's
| `connectors` field, registered by PluginProvider at boot). What administrators
| change — enabled flags and base URLs — lives in the database (connector_store.ts).
*/
import type { ConnectorInterfaceDefinition, ConnectorSystemDefinition } from '#core/plugins/types'

export type { ConnectorInterfaceDefinition, ConnectorSystemDefinition }

const CODE = /^[a-z][a-z0-9-]{1,63}$/

const systems = new Map<string, ConnectorSystemDefinition>()

export const connectorRegistry = {
  /** Registers a system; a second definition of the same code is a programming error. */
  defineSystem(definition: ConnectorSystemDefinition) {
    if (!CODE.test(definition.code))
      throw new Error(`Connector system code "${definition.code}" must be lower-case kebab-case`)
    if (systems.has(definition.code))
      throw new Error(`Connector system "${definition.code}" is defined twice`)
    const seen = new Set<string>()
    for (const iface of definition.interfaces) {
      if (!CODE.test(iface.code))
        throw new Error(`Interface code "${definition.code}.${iface.code}" must be kebab-case`)
      if (seen.has(iface.code))
        throw new Error(`Interface "${definition.code}.${iface.code}" is defined twice`)
      seen.add(iface.code)
    }
    systems.set(definition.code, definition)
    return definition
  },

  has(code: string) {
    return systems.has(code)
  },

  system(code: string): ConnectorSystemDefinition | undefined {
    return systems.get(code)
  },

  interface(systemCode: string, code: string): ConnectorInterfaceDefinition | undefined {
    return systems.get(systemCode)?.interfaces.find((i) => i.code === code)
  },

  all(): ConnectorSystemDefinition[] {
    return [...systems.values()].sort((a, b) => a.code.localeCompare(b.code))
  },
}
