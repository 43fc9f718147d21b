/*
| Dictionaries (code → label lists) and business parameters (业务参数) a plugin
| declares with their defaults.
*/
import type { Localized } from './common.js'

export interface DictionaryItemDefinition {
  code: string
  label: Localized
  order?: number
  /** Element Plus tag type used when the code renders as a coloured tag. */
  color?: 'primary' | 'success' | 'warning' | 'danger' | 'info'
}

export interface DictionaryDefinition {
  type: string
  name: Localized
  items: DictionaryItemDefinition[]
}

export type SettingType = 'string' | 'number' | 'boolean' | 'json' | 'amount'

/** A business parameter (业务参数) with its default; administrators change the value. */
export interface SettingDefinition {
  key: string
  name: Localized
  type: SettingType
  /** Stored as text: amounts in yuan with two decimals (as everywhere in the API), numbers as decimal strings, booleans as true/false, json as JSON text. */
  default: string
  description?: string
  /** Installed frozen (冻结): changing it then needs an unfreeze, itself a four-eyes change. */
  frozenOnInstall?: boolean
}
