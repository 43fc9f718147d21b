/*
| 接入接口: the inbound interfaces the enabled plugins declare in their manifests
| (`inboundInterfaces`, backend/plugins/types/inbound.ts). The full code is
| `<plugin id>.<code>`, served at /gateway/v1/<plugin id>/<code>. Read once per
| process (the plugin set is fixed at boot); tests may add their own.
*/
import type { InboundInterfaceDefinition } from '#core/plugins/types'
import { enabledPlugins } from '#core/plugins/registry'

export interface InboundInterface {
  /** `<plugin id>.<code>` */
  code: string
  pluginId: string
  definition: InboundInterfaceDefinition
  /** Path the caller uses (and signs). */
  path: string
}

const CODE = /^[a-z][a-z0-9-]{1,63}$/
let loaded: Map<string, InboundInterface> | undefined
const extra = new Map<string, InboundInterface>()

export const gatewayPath = (pluginId: string, code: string) => `/gateway/v1/${pluginId}/${code}`

function entry(pluginId: string, definition: InboundInterfaceDefinition): InboundInterface {
  if (!CODE.test(definition.code))
    throw new Error(`Inbound interface "${pluginId}.${definition.code}" must be kebab-case`)
  return {
    code: `${pluginId}.${definition.code}`,
    pluginId,
    definition,
    path: gatewayPath(pluginId, definition.code),
  }
}

async function all(): Promise<Map<string, InboundInterface>> {
  if (!loaded) {
    const map = new Map<string, InboundInterface>()
    for (const plugin of await enabledPlugins())
      for (const definition of plugin.manifest.inboundInterfaces ?? []) {
        const item = entry(plugin.id, definition)
        if (map.has(item.code)) throw new Error(`Inbound interface "${item.code}" is defined twice`)
        map.set(item.code, item)
      }
    loaded = map
  }
  return new Map([...loaded, ...extra])
}

export const inboundRegistry = {
  async list(): Promise<InboundInterface[]> {
    return [...(await all()).values()].sort((a, b) => a.code.localeCompare(b.code))
  },
  async find(code: string): Promise<InboundInterface | undefined> {
    return (await all()).get(code)
  },
  /** Tests: an interface of a pseudo plugin id (never a real plugin's). */
  defineForTests(pluginId: string, definition: InboundInterfaceDefinition) {
    const item = entry(pluginId, definition)
    extra.set(item.code, item)
    return item
  },
}
