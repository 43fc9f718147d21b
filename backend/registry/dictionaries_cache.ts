/*
| 数据字典 as the console reads it (GET /api/dictionaries): every live type with
| its items, administrators' labels and order applied. Disabled items stay in the
| copy, flagged, so a code already stored in business data still renders as its
| label; only the plain (legacy) response leaves them out.
*/
import db from '@adonisjs/lucid/services/db'
import { appCache } from '#core/cache/app_caches'

export interface ConsoleDictItem {
  code: string
  label: { zh: string; en: string }
  color: string | null
  enabled: boolean
}

export type ConsoleDictionaries = Record<string, ConsoleDictItem[]>

/**
 * Live dictionary types: those of active plugins, and administrators' own
 * (source 'admin'). The plugin sync marks every row whose source is not a
 * plugin as inactive, so `active` says nothing about an admin type.
 */
export function whereLiveDictType(query: any, table = 'dict_types') {
  return query.where((q: any) =>
    q.where(`${table}.active`, true).orWhere(`${table}.source`, 'admin')
  )
}

export const effectiveItemSort = (item: { sort: number; custom_sort: number | null }) =>
  item.custom_sort ?? item.sort

async function loadConsoleDictionaries(): Promise<ConsoleDictionaries> {
  const items = await whereLiveDictType(
    db.from('dict_items').join('dict_types', 'dict_types.code', 'dict_items.type_code')
  ).select('dict_items.*')
  items.sort(
    (a: any, b: any) =>
      effectiveItemSort(a) - effectiveItemSort(b) || String(a.code).localeCompare(String(b.code))
  )
  const result: ConsoleDictionaries = {}
  for (const item of items) {
    ;(result[item.type_code] ??= []).push({
      code: item.code,
      label: {
        zh: item.custom_label_zh || item.label_zh,
        en: item.custom_label_en || item.label_en,
      },
      color: item.color,
      enabled: Boolean(Number(item.enabled)),
    })
  }
  return result
}

export const dictionariesCache = appCache<ConsoleDictionaries>(
  'dictionaries',
  loadConsoleDictionaries
)
