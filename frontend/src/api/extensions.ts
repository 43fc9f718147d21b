/*
| Extension slots (GET /api/extensions, docs/plugins.md "Extension slots"): the
| panels/tabs other plugins add to a screen, the timeline event kinds they
| record and the fields they add to records — only what the user may see.
*/
import { http } from './http'

export interface Localized {
  zh: string
  en: string
}

export interface SlotEntry {
  /** The slot point, e.g. 'customer-view:customer-panels'. */
  slot: string
  plugin: string
  id: string
  title: Localized
  /** Component key '<plugin>/<path under ui/>' (router/pages.ts registry). */
  component: string
  order: number
}

export interface ExtensionFieldMeta {
  plugin: string
  key: string
  label: Localized
  type: 'text' | 'number' | 'date' | 'money' | 'dict'
  dict: string | null
}

/** One extension value of a record, as the owner's detail endpoint returns it. */
export interface ExtensionValue extends ExtensionFieldMeta {
  /** Money as yuan text, dates 'YYYY-MM-DD', null when not filled in. */
  value: string | number | null
}

export interface Extensions {
  slots: SlotEntry[]
  eventKinds: { kind: string; label: Localized }[]
  records: Record<string, ExtensionFieldMeta[]>
}

export const fetchExtensions = () => http.get<Extensions>('/extensions')
