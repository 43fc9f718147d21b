/*
| Extension slots across plugins (manifest fields in plugins/types/extensions.ts):
| checked once over all enabled manifests, so a contribution naming a slot point
| or a record nobody offers stops boot with the plugin and field named.
*/
import { ManifestError, permissionCodes } from '#core/plugins/validate_manifest'
import type {
  EventKindDefinition,
  ExtensibleRecordDefinition,
  ExtensionField,
  ExtensionFieldSet,
  PluginManifest,
  SlotContribution,
  SlotPointDefinition,
} from '#core/plugins/types'

export interface RecordExtension {
  pluginId: string
  set: ExtensionFieldSet
  /** SQL alias of the extension table in datasets and ledgers (unique per plugin and record). */
  alias: string
}

export interface ExtensionIndex {
  slotPoints: Map<string, SlotPointDefinition>
  slots: (SlotContribution & { pluginId: string })[]
  eventKinds: (EventKindDefinition & { pluginId: string })[]
  records: Map<
    string,
    { owner: string; definition: ExtensibleRecordDefinition; extensions: RecordExtension[] }
  >
}

const OWNED_ID = /^([a-z][a-z0-9-]*):[a-z][a-z0-9-]*$/
const LOCAL_ID = /^[a-z][a-z0-9-]{0,39}$/
const FIELD_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/
const SQL_NAME = /^[a-z][a-z0-9_]{0,59}$/
const TYPES = new Set(['text', 'number', 'date', 'money', 'dict'])

/** Owner-side and contributor-side checks over every enabled manifest; throws ManifestError. */
export function indexExtensions(manifests: PluginManifest[]): ExtensionIndex {
  const index: ExtensionIndex = {
    slotPoints: new Map(),
    slots: [],
    eventKinds: [],
    records: new Map(),
  }
  for (const m of manifests) {
    const owned = (what: string, id: string) => {
      if (OWNED_ID.exec(id)?.[1] !== m.id)
        throw new ManifestError(m.id, `${what} "${id}" must be "${m.id}:<name>"`)
    }
    for (const point of m.slotPoints ?? []) {
      owned('slot point', point.id)
      if (index.slotPoints.has(point.id))
        throw new ManifestError(m.id, `slot point "${point.id}" is declared twice`)
      index.slotPoints.set(point.id, point)
    }
    for (const record of m.extensibleRecords ?? []) {
      owned('extensible record', record.id)
      if (index.records.has(record.id))
        throw new ManifestError(m.id, `extensible record "${record.id}" is declared twice`)
      index.records.set(record.id, { owner: m.id, definition: record, extensions: [] })
    }
  }
  const enabled = new Set(manifests.map((m) => m.id))
  // A contribution to a plugin that is not enabled is dormant (an optional
  // dependency); to an enabled plugin that offers no such point, a mistake.
  const dormant = (target: string) => !enabled.has(target.split(':')[0])
  const fieldKeys = new Map<string, Set<string>>()
  for (const m of manifests) {
    const fail = (message: string): never => {
      throw new ManifestError(m.id, message)
    }
    const codes = new Set(permissionCodes(m))
    const ownPermission = (what: string, code?: string) => {
      if (code && !codes.has(code)) fail(`${what}: permission "${code}" is not declared`)
    }
    const ids = new Set<string>()
    for (const slot of m.slots ?? []) {
      const what = `slot "${slot.id}"`
      if (!LOCAL_ID.test(slot.id) || ids.has(slot.id)) fail(`${what}: bad or repeated id`)
      ids.add(slot.id)
      if (dormant(slot.slot)) continue
      if (!index.slotPoints.has(slot.slot)) fail(`${what}: no enabled plugin offers "${slot.slot}"`)
      if (!slot.component.startsWith(`${m.id}/`))
        fail(`${what}: component must be "${m.id}/<path>"`)
      if (!slot.title?.zh || !slot.title?.en) fail(`${what}: title needs zh and en`)
      ownPermission(what, slot.permission)
      index.slots.push({ ...slot, pluginId: m.id })
    }
    for (const kind of m.eventKinds ?? []) {
      if ((kind.kind !== m.id && !kind.kind.startsWith(`${m.id}.`)) || kind.kind.length > 32)
        fail(`event kind "${kind.kind}" must be "${m.id}" or "${m.id}.<name>", ≤ 32 chars`)
      index.eventKinds.push({ ...kind, pluginId: m.id })
    }
    for (const set of m.extensionFields ?? []) {
      const what = `extension fields on "${set.record}"`
      if (dormant(set.record)) continue
      const record = index.records.get(set.record)
      if (!record) fail(`${what}: no enabled plugin offers that record`)
      if (!SQL_NAME.test(set.table)) fail(`${what}: bad table name "${set.table}"`)
      ownPermission(what, set.permission)
      const keys = fieldKeys.get(set.record) ?? new Set()
      fieldKeys.set(set.record, keys)
      for (const field of set.fields) checkField(field, keys, (msg) => fail(`${what}: ${msg}`))
      const alias = `x_${m.id.replace(/-/g, '_')}_${record!.extensions.length}`
      record!.extensions.push({ pluginId: m.id, set, alias })
    }
  }
  index.slots.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id))
  return index
}

function checkField(field: ExtensionField, keys: Set<string>, fail: (msg: string) => never) {
  if (!FIELD_KEY.test(field.key) || keys.has(field.key))
    fail(`field key "${field.key}" is bad or taken`)
  keys.add(field.key)
  if (!SQL_NAME.test(field.column)) fail(`field "${field.key}": bad column "${field.column}"`)
  if (!TYPES.has(field.type)) fail(`field "${field.key}": unknown type "${field.type}"`)
  if (field.type === 'dict' && !field.dict) fail(`field "${field.key}": dict type names no dict`)
  if (!field.label?.zh || !field.label?.en) fail(`field "${field.key}": label needs zh and en`)
}
