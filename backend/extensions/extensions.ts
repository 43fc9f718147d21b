/*
| The enabled plugins' extensions: what the console needs (slots, event kinds,
| field labels) and the extension values of one record for its detail view.
*/
import db from '@adonisjs/lucid/services/db'
import { enabledPlugins } from '#core/plugins/registry'
import { formatCell } from '#core/ledgers/ledger_query'
import type { UserAccess } from '#core/identity/user_access'
import { indexExtensions, type ExtensionIndex } from './extension_registry.js'

let loading: Promise<ExtensionIndex> | undefined

/** Memoised: manifests do not change while the process runs. */
export function enabledExtensions(): Promise<ExtensionIndex> {
  loading ??= enabledPlugins().then((plugins) => indexExtensions(plugins.map((p) => p.manifest)))
  return loading
}

/** What the console shows: only contributions and fields the user may see; never SQL. */
export function describeExtensions(index: ExtensionIndex, access: UserAccess) {
  const allowed = (code?: string) => !code || access.can(code)
  return {
    slots: index.slots
      .filter((s) => allowed(s.permission))
      .map((s) => ({
        slot: s.slot,
        plugin: s.pluginId,
        id: s.id,
        title: s.title,
        component: s.component,
        order: s.order ?? 100,
      })),
    eventKinds: index.eventKinds.map((k) => ({ kind: k.kind, label: k.label })),
    records: Object.fromEntries(
      [...index.records].map(([id, record]) => [
        id,
        record.extensions
          .filter((e) => allowed(e.set.permission))
          .flatMap((e) =>
            e.set.fields.map((f) => ({
              plugin: e.pluginId,
              key: f.key,
              label: f.label,
              type: f.type,
              dict: f.dict ?? null,
            }))
          ),
      ])
    ),
  }
}

export interface ExtensionValue {
  plugin: string
  key: string
  label: { zh: string; en: string }
  type: string
  dict: string | null
  /** Money as yuan text, dates 'YYYY-MM-DD', null when the record has no row or no value. */
  value: unknown
}

/**
 * The extension values of one record, for its detail view. The caller (the
 * owner's by-id endpoint) has already checked the record is in the user's scope.
 */
export async function extensionValues(
  index: ExtensionIndex,
  recordId: string,
  id: number,
  access: UserAccess,
  client: Pick<typeof db, 'from'> = db
): Promise<ExtensionValue[]> {
  const record = index.records.get(recordId)
  if (!record) return []
  const out: ExtensionValue[] = []
  for (const { pluginId, set } of record.extensions) {
    if (set.permission && !access.can(set.permission)) continue
    const row = await client
      .from(set.table)
      .where('id', id)
      .select(...set.fields.map((f) => f.column))
      .first()
    for (const field of set.fields)
      out.push({
        plugin: pluginId,
        key: field.key,
        label: field.label,
        type: field.type,
        dict: field.dict ?? null,
        value: row ? formatCell({ ...field, sql: '' }, row[field.column]) : null,
      })
  }
  return out
}
