/*
| 台账 registry: every ledger the enabled plugins declare (manifest `ledgers`),
| by id. Checked once at first use, so a mistake names the plugin and the field
| instead of failing later inside a request.
*/
import { enabledPlugins } from '#core/plugins/registry'
import { enabledExtensions } from '#core/extensions/extensions'
import { extendLedger } from '#core/extensions/extension_sql'
import { ManifestError, permissionCodes } from '#core/plugins/validate_manifest'
import type { LedgerDefinition, PluginManifest } from '#core/plugins/types'

export interface RegisteredLedger extends LedgerDefinition {
  pluginId: string
}

const ID = /^[a-z][a-z0-9-]{1,59}$/
const KEY = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/

/** Structural checks of one plugin's ledgers; throws a ManifestError naming the field. */
export function validateLedgers(manifest: PluginManifest) {
  const codes = new Set(permissionCodes(manifest))
  for (const ledger of manifest.ledgers ?? []) {
    const fail = (message: string) => {
      throw new ManifestError(manifest.id, `ledger "${ledger.id}": ${message}`)
    }
    if (!ID.test(ledger.id)) fail('id must be lower-case letters, digits and dashes')
    if (!ledger.name?.zh || !ledger.name?.en) fail('name needs zh and en')
    for (const code of [ledger.permission, ledger.exportPermission]) {
      if (code && !codes.has(code)) fail(`permission "${code}" is not declared in the manifest`)
    }
    if (!ledger.menu?.parent) fail('menu.parent is required')
    const keys = new Set<string>()
    for (const column of ledger.columns) {
      if (!KEY.test(column.key)) fail(`column key "${column.key}" must be camelCase letters`)
      if (keys.has(column.key)) fail(`column "${column.key}" is declared twice`)
      if (column.type === 'dict' && !column.dict) fail(`dict column "${column.key}" needs dict`)
      if (column.link?.path && !/^\/[a-zA-Z0-9/_-]*$/.test(column.link.path))
        fail(`column "${column.key}" link.path must be a console path`)
      if (column.link?.path && !KEY.test(column.link.param ?? ''))
        fail(`column "${column.key}" link.param is required with link.path`)
      keys.add(column.key)
    }
    const filterKeys = new Set<string>()
    for (const filter of ledger.filters ?? []) {
      if (!KEY.test(filter.key) || RESERVED.has(filter.key))
        fail(`filter key "${filter.key}" is not allowed`)
      if (filterKeys.has(filter.key)) fail(`filter "${filter.key}" is declared twice`)
      filterKeys.add(filter.key)
    }
    const sort = ledger.defaultSort
    if (sort && !keys.has(sort.key)) fail(`defaultSort "${sort.key}" is not a column`)
  }
}

/** Query-string names the rows endpoint uses itself; a filter may not take them. */
export const RESERVED = new Set([
  'page',
  'perPage',
  'after',
  'before',
  'sort',
  'order',
  'asOf',
  'columns',
  'format',
])

let loading: Promise<Map<string, RegisteredLedger>> | undefined

async function load() {
  const ledgers = new Map<string, RegisteredLedger>()
  const extensions = await enabledExtensions()
  for (const plugin of await enabledPlugins()) {
    validateLedgers(plugin.manifest)
    for (const ledger of plugin.manifest.ledgers ?? []) {
      if (ledgers.has(ledger.id))
        throw new ManifestError(plugin.id, `ledger "${ledger.id}" is declared twice`)
      // Columns other plugins add to the ledger's record (backend/extensions/).
      ledgers.set(ledger.id, { ...extendLedger(ledger, extensions), pluginId: plugin.id })
    }
  }
  return ledgers
}

/** Ledgers that come from data rather than a manifest (表单构建's forms); a source caches itself. */
export type LedgerSource = () => Promise<RegisteredLedger[]>
const dynamicSources: LedgerSource[] = []

export function registerLedgerSource(source: LedgerSource) {
  dynamicSources.push(source)
}

async function dynamicLedgers() {
  return (await Promise.all(dynamicSources.map((source) => source()))).flat()
}

export const ledgerRegistry = {
  /**
   * The ledgers the manifests declare — known without the database, so routes can be
   * mounted at boot (forms' ledgers have their own parameter routes: backend/forms).
   */
  declared: async () => [...(await (loading ??= load())).values()],
  all: async () => {
    const declared = await (loading ??= load())
    const extra = (await dynamicLedgers()).filter((l) => !declared.has(l.id))
    return [...declared.values(), ...extra]
  },
  find: async (id: string) =>
    (await (loading ??= load())).get(id) ??
    (await dynamicLedgers()).find((l) => l.id === id) ??
    null,
}
