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
/** `<plugin>:<system>` pairs already applied by `extendSystem` (boot may run twice in a process). */
const extensions = new Set<string>()

function checkInterfaceCodes(system: string, interfaces: ConnectorInterfaceDefinition[]) {
  const seen = new Set<string>()
  for (const iface of interfaces) {
    if (!CODE.test(iface.code))
      throw new Error(`Interface code "${system}.${iface.code}" must be kebab-case`)
    if (seen.has(iface.code))
      throw new Error(`Interface "${system}.${iface.code}" is defined twice`)
    seen.add(iface.code)
  }
}

export const connectorRegistry = {
  /** Registers a system; a second definition of the same code is a programming error. */
  defineSystem(definition: ConnectorSystemDefinition) {
    if (!CODE.test(definition.code))
      throw new Error(`Connector system code "${definition.code}" must be lower-case kebab-case`)
    if (systems.has(definition.code))
      throw new Error(`Connector system "${definition.code}" is defined twice`)
    checkInterfaceCodes(definition.code, definition.interfaces)
    // A copy: extendSystem adds interfaces without touching the declaring plugin's manifest.
    const copy = { ...definition, interfaces: [...definition.interfaces] }
    systems.set(definition.code, copy)
    return copy
  },

  /**
   * Adds interfaces to a system another plugin defines (a manifest's `connectorInterfaces`):
   * a new feed of 数据中台 belongs to the plugin that reads it. The system must be defined
   * first (its plugin in `dependsOn`); an interface code already taken is an error. Applying
   * the same plugin's extension twice is a no-op.
   */
  extendSystem(code: string, interfaces: ConnectorInterfaceDefinition[], by: string) {
    const system = systems.get(code)
    if (!system)
      throw new Error(
        `Plugin "${by}" adds interfaces to connector system "${code}", which no enabled plugin defines (list its plugin in dependsOn)`
      )
    if (extensions.has(`${by}:${code}`)) return system
    checkInterfaceCodes(code, interfaces)
    for (const iface of interfaces)
      if (system.interfaces.some((i) => i.code === iface.code))
        throw new Error(`Interface "${code}.${iface.code}" is defined twice (plugin "${by}")`)
    system.interfaces.push(...interfaces)
    extensions.add(`${by}:${code}`)
    return system
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
