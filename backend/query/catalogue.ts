/*
| The 综合查询 catalogue: every enabled plugin's `queryDatasets`, checked once
| (ids, types, permissions declared) and indexed for lookups. The console gets
| only the datasets and fields the user holds the permission for, and never a
| field's SQL source.
*/
import { enabledPlugins } from '#core/plugins/registry'
import { enabledExtensions } from '#core/extensions/extensions'
import { indexExtensions, type ExtensionIndex } from '#core/extensions/extension_registry'
import { extendDataset } from '#core/extensions/extension_sql'
import type { PluginManifest } from '#core/plugins/types'
import { permissionCodes } from '#core/plugins/validate_manifest'
import type { UserAccess } from '#core/identity/user_access'
import type {
  QueryDatasetDefinition,
  QueryFieldDefinition,
  QueryFieldType,
} from './dataset_types.js'

export const FIELD_TYPES: QueryFieldType[] = ['string', 'amount', 'date', 'number', 'dict']
const FIELD_ID = /^[a-z][a-zA-Z0-9]{0,39}$/
const DATASET_ID = /^[a-z][a-z0-9-]{1,39}:[a-z][a-z0-9-]{0,39}$/

export interface CatalogueDataset {
  definition: QueryDatasetDefinition
  fields: Map<string, QueryFieldDefinition>
}

/** The permission a field needs: its own, else the dataset's. */
export const fieldPermission = (dataset: QueryDatasetDefinition, field: QueryFieldDefinition) =>
  field.permission ?? dataset.permission

/** Amounts are summed, never grouped by; the rest group unless the field says not to. */
export const isGroupable = (field: QueryFieldDefinition) =>
  field.type !== 'amount' && field.groupable !== false

/** Throws on a catalogue mistake (a developer's, found at the first use, named precisely). */
export function indexDatasets(
  entries: { pluginId: string; declared: Set<string>; datasets: QueryDatasetDefinition[] }[]
): Map<string, CatalogueDataset> {
  const index = new Map<string, CatalogueDataset>()
  for (const { pluginId, declared, datasets } of entries) {
    for (const dataset of datasets) {
      const where = `query dataset "${dataset.id}" of plugin "${pluginId}"`
      if (!DATASET_ID.test(dataset.id) || !dataset.id.startsWith(`${pluginId}:`))
        throw new Error(`${where}: the id must be "${pluginId}:<name>"`)
      if (index.has(dataset.id)) throw new Error(`${where} is declared twice`)
      if (!declared.has(dataset.permission))
        throw new Error(`${where} uses permission "${dataset.permission}", which is not declared`)
      const categories = new Set(dataset.categories.map((c) => c.id))
      const fields = new Map<string, QueryFieldDefinition>()
      for (const field of dataset.fields) {
        if (!FIELD_ID.test(field.id)) throw new Error(`${where}: bad field id "${field.id}"`)
        if (fields.has(field.id)) throw new Error(`${where}: field "${field.id}" twice`)
        if (!FIELD_TYPES.includes(field.type))
          throw new Error(`${where}: field "${field.id}" has unknown type "${field.type}"`)
        if (field.type === 'dict' && !field.dictionary)
          throw new Error(`${where}: dict field "${field.id}" names no dictionary`)
        if (field.permission && !declared.has(field.permission))
          throw new Error(`${where}: field "${field.id}" uses undeclared "${field.permission}"`)
        if (field.category && !categories.has(field.category))
          throw new Error(`${where}: field "${field.id}" has unknown category "${field.category}"`)
        fields.set(field.id, field)
      }
      for (const id of dataset.defaultFields ?? [])
        if (!fields.has(id)) throw new Error(`${where}: default field "${id}" is not declared`)
      index.set(dataset.id, { definition: dataset, fields })
    }
  }
  return index
}

let loading: Promise<Map<string, CatalogueDataset>> | undefined

/**
 * Datasets that come from data rather than a manifest (表单构建's effective
 * forms). A source names the permissions its datasets use; they are checked
 * like a manifest's. Called on each catalogue use: a source caches itself.
 */
export type DatasetSource = () => Promise<{
  pluginId: string
  permissions: string[]
  datasets: QueryDatasetDefinition[]
}>
const dynamicSources: DatasetSource[] = []

export function registerDatasetSource(source: DatasetSource) {
  dynamicSources.push(source)
}

/**
 * The catalogue of these manifests: their datasets, with the extension fields
 * other plugins add to them (backend/extensions/).
 */
export function catalogueOf(
  manifests: PluginManifest[],
  extensions: ExtensionIndex = indexExtensions(manifests)
): Map<string, CatalogueDataset> {
  // A field set's own permission is the contributor's, declared in its manifest.
  const extensionCodes = [...extensions.records.values()].flatMap((r) =>
    r.extensions.flatMap((e) => (e.set.permission ? [e.set.permission] : []))
  )
  return indexDatasets(
    manifests.map((m) => ({
      pluginId: m.id,
      declared: new Set([...permissionCodes(m), ...extensionCodes]),
      datasets: (m.queryDatasets ?? []).map((d) => extendDataset(d, extensions)),
    }))
  )
}

/** All datasets of the enabled plugins (memoised: manifests do not change while running), plus the dynamic ones. */
export async function queryCatalogue(): Promise<Map<string, CatalogueDataset>> {
  loading ??= Promise.all([enabledPlugins(), enabledExtensions()]).then(([plugins, extensions]) =>
    catalogueOf(
      plugins.map((p) => p.manifest),
      extensions
    )
  )
  const base = await loading
  if (!dynamicSources.length) return base
  const extra = indexDatasets(
    (await Promise.all(dynamicSources.map((source) => source()))).map((s) => ({
      pluginId: s.pluginId,
      declared: new Set(s.permissions),
      datasets: s.datasets,
    }))
  )
  if (!extra.size) return base
  const merged = new Map(base)
  for (const [id, dataset] of extra) if (!merged.has(id)) merged.set(id, dataset)
  return merged
}

/** A dataset the user may use, or null (unknown and forbidden look the same). */
export async function datasetFor(
  access: UserAccess,
  id: string,
  catalogue?: Map<string, CatalogueDataset>
): Promise<CatalogueDataset | null> {
  const entry = (catalogue ?? (await queryCatalogue())).get(id)
  return entry && access.can(entry.definition.permission) ? entry : null
}

/** A field of the dataset the user may use, or null. */
export function fieldFor(access: UserAccess, dataset: CatalogueDataset, id: string) {
  const field = dataset.fields.get(id)
  return field && access.can(fieldPermission(dataset.definition, field)) ? field : null
}

/** What the console shows: labels, types, dictionaries, categories; never SQL. */
export async function catalogueFor(access: UserAccess) {
  const result = []
  for (const { definition } of (await queryCatalogue()).values()) {
    if (!access.can(definition.permission)) continue
    result.push({
      id: definition.id,
      name: definition.name,
      description: definition.description ?? null,
      asOf: Boolean(definition.asOf),
      defaultFields: (definition.defaultFields ?? []).filter((id) => {
        const field = definition.fields.find((f) => f.id === id)
        return field && access.can(fieldPermission(definition, field))
      }),
      categories: definition.categories,
      fields: definition.fields
        .filter((f) => access.can(fieldPermission(definition, f)))
        .map((f) => ({
          id: f.id,
          label: f.label,
          type: f.type,
          dictionary: f.dictionary ?? null,
          category: f.category ?? null,
          groupable: isGroupable(f),
        })),
    })
  }
  return result
}
