/*
| Extension slots (docs/plugins.md "Extension slots"): one plugin adds panels,
| tabs, timeline event kinds and record fields to another plugin's screens and
| records without editing it. The owner declares what may be extended
| (`slotPoints`, `extensibleRecords`); contributors declare what they add
| (`slots`, `eventKinds`, `extensionFields`). backend/extensions/ checks both
| sides and serves them.
*/
import type { Localized } from './common.js'

/** A place on the owner's screen where other plugins' components appear. */
export interface SlotPointDefinition {
  /** `<owner plugin>:<name>`, e.g. `customer-view:customer-panels`. */
  id: string
  name: Localized
  /** The props every component in the slot receives, e.g. `['customerId']`. */
  props: string[]
}

/** A component a plugin puts into another plugin's slot point. */
export interface SlotContribution {
  /** The slot point's id. */
  slot: string
  /** Unique within the contributing plugin (lower-case, digits, dashes). */
  id: string
  title: Localized
  /** Console component key `<own plugin id>/<path under ui/ without .vue>`. */
  component: string
  /** Shown only to users holding it (declared by the contributor); default: everyone who sees the screen. */
  permission?: string
  /** Position among the slot's components (lower first, default 100). */
  order?: number
}

/** A risk-asset timeline event kind a plugin records, with its own label. */
export interface EventKindDefinition {
  /** Stored in the event's `kind`; prefixed with the plugin id and a dot (`disposal.plan-approved`). */
  kind: string
  label: Localized
}

/** A record of the owner that other plugins may add fields to. */
export interface ExtensibleRecordDefinition {
  /** `<owner plugin>:<name>`, e.g. `credit-assets:loan`. */
  id: string
  name: Localized
  /** Per 综合查询 dataset of the owner: the SQL expression of the record's id in it. */
  datasets?: Record<string, string>
  /** Per ledger of the owner: the SQL expression of the record's id, live and (if different) as-of. */
  ledgers?: Record<string, { on: string; asOfOn?: string }>
}

export type ExtensionFieldType = 'text' | 'number' | 'date' | 'money' | 'dict'

export interface ExtensionField {
  /** camelCase, unique over every extension of the record (it becomes a query field id and ledger column key). */
  key: string
  /** Column of the extension table (money: a BIGINT fen column). */
  column: string
  label: Localized
  type: ExtensionFieldType
  /** Dictionary type of a `dict` field. */
  dict?: string
}

/**
 * Fields a plugin adds to another plugin's record: its own table (migrated by
 * the contributor), primary key `id` = the record's id, one column per field.
 */
export interface ExtensionFieldSet {
  /** The extensible record's id, e.g. `credit-assets:loan`. */
  record: string
  /** The contributor's table (named with its own prefix). */
  table: string
  /** Needed to see the fields (declared by the contributor); default: who sees the record. */
  permission?: string
  fields: ExtensionField[]
}
