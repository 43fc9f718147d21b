/*
| Relation kinds for CrudPage fields and columns ('customer', 'loan',
| 'risk-asset', 'org', 'user'): which picker source serves each. The core
| serves 'user' (and 'org' through OrgPicker); the book's kinds come from the
| plugin that owns them — any plugin's `ui/pickers.ts` may export
|
|   export const relations: RelationSources = { customer: () => customerSource, … }
|
| found at build time, so the core never names a plugin. A kind no enabled
| plugin serves gives no source: the field is disabled, the cell shows the id.
*/
import type { PickerOption, PickerSource } from './picker_source'
import { orgTree, userSource } from './core_sources'
import type { OrgNode } from '@/areas/organization/api'

export type RelationKind = 'customer' | 'loan' | 'risk-asset' | 'org' | 'user'
export const RELATION_KINDS: readonly RelationKind[] = [
  'customer',
  'loan',
  'risk-asset',
  'org',
  'user',
]

export interface RelationContext {
  /** The value of the field this one depends on (a loan field's customer id). */
  of?: number | null
  /** user: only holders of this permission. */
  permission?: string
}

export type RelationSources = Partial<
  Record<RelationKind | string, (context: RelationContext) => PickerSource>
>

const core: RelationSources = {
  user: (context) => userSource({ permission: context.permission }),
}

type PickerModule = { relations?: RelationSources }
const pluginModules = import.meta.glob<PickerModule>('@plugins/*/ui/pickers.ts')
let loaded: Promise<RelationSources> | null = null

/** Every plugin's relation sources, loaded once. */
function pluginSources(): Promise<RelationSources> {
  loaded ??= Promise.all(Object.values(pluginModules).map((load) => load())).then((modules) =>
    Object.assign({}, ...modules.map((m) => m.relations ?? {}))
  )
  return loaded
}

export const isRelation = (type: string | undefined): type is RelationKind =>
  !!type && (RELATION_KINDS as readonly string[]).includes(type)

/** The picker source of a relation kind, or null when nothing serves it. */
export async function relationSource(
  kind: string,
  context: RelationContext = {}
): Promise<PickerSource | null> {
  const make = core[kind] ?? (await pluginSources())[kind]
  return make ? make(context) : null
}

function flattenOrgs(nodes: OrgNode[], into = new Map<number, string>()) {
  for (const node of nodes) {
    into.set(node.id, node.name)
    flattenOrgs(node.children ?? [], into)
  }
  return into
}

/** Labels for ids of one kind (table cells, detail): id → label; ids it cannot label are left out. */
export async function relationLabels(kind: string, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))]
  if (!unique.length) return new Map()
  if (kind === 'org') {
    const names = flattenOrgs(await orgTree('all'))
    return new Map(unique.filter((id) => names.has(id)).map((id) => [id, names.get(id)!]))
  }
  const source = await relationSource(kind)
  if (!source) return new Map()
  const labels = new Map<number, string>()
  for (let i = 0; i < unique.length; i += 50) {
    const chunk = unique.slice(i, i + 50)
    const page = await source({ keyword: '', page: 1, perPage: chunk.length, ids: chunk })
    for (const option of page.data as PickerOption[]) labels.set(option.value, option.label)
  }
  return labels
}
