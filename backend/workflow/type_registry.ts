/*
| The approval types this process knows: every enabled plugin's manifest
| `workflowTypes`, plus types registered in code (tests register a fake type
| this way instead of shipping a plugin). Read from memory; the table
| wf_types (type_sync.ts) only holds what administrators configure.
*/
import { enabledPlugins } from '#core/plugins/registry'
import type { WorkflowHandler, WorkflowTypeDefinition } from '#core/plugins/types'

export interface RegisteredType {
  pluginId: string
  definition: WorkflowTypeDefinition
}

const extra = new Map<string, RegisteredType>()

/** Registers a type outside a manifest (tests, or a core area). Replaces one with the same code. */
export function registerWorkflowType(definition: WorkflowTypeDefinition, pluginId = 'core') {
  extra.set(definition.code, { pluginId, definition })
  handlers.delete(definition.code)
}

export function unregisterWorkflowType(code: string) {
  extra.delete(code)
  handlers.delete(code)
}

export async function registeredTypes(): Promise<Map<string, RegisteredType>> {
  const types = new Map<string, RegisteredType>()
  for (const plugin of await enabledPlugins()) {
    for (const definition of plugin.manifest.workflowTypes ?? [])
      types.set(definition.code, { pluginId: plugin.id, definition })
  }
  for (const [code, type] of extra) types.set(code, type)
  return types
}

export async function registeredType(code: string): Promise<RegisteredType | undefined> {
  return (await registeredTypes()).get(code)
}

const handlers = new Map<string, WorkflowHandler>()

/** The type's handler module, loaded once. A type without a handler gets an empty one. */
export async function handlerOf(code: string): Promise<WorkflowHandler> {
  const cached = handlers.get(code)
  if (cached) return cached
  const type = await registeredType(code)
  const handler = type?.definition.handler ? (await type.definition.handler()).default : {}
  handlers.set(code, handler)
  return handler
}
