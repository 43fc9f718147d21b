/*
| 数据字典: codes stored in business tables render as labels and coloured tags.
| Loaded once per session after login; every DictTag/DictSelect reads from here.
*/
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchDictionaries } from '@/api/dictionaries'
import type { DictItem, Dictionaries } from '@/api/types'
import { localize } from '@/i18n'

export const useDictStore = defineStore('dict', () => {
  const dictionaries = ref<Dictionaries>({})
  let loading: Promise<void> | null = null

  function load(force = false): Promise<void> {
    if (!loading || force) {
      loading = fetchDictionaries()
        .then((data) => {
          dictionaries.value = data ?? {}
        })
        .catch((error) => {
          loading = null // allow a retry on the next page that needs it
          throw error
        })
    }
    return loading
  }

  function items(type: string): DictItem[] {
    return dictionaries.value[type] ?? []
  }

  function item(type: string, code: unknown): DictItem | undefined {
    if (code === null || code === undefined) return undefined
    return items(type).find((entry) => entry.code === String(code))
  }

  /** The label in the current locale; the raw code when unknown so data is never hidden. */
  function label(type: string, code: unknown): string {
    const found = item(type, code)
    return found ? localize(found.label) : code === null || code === undefined ? '' : String(code)
  }

  function reset(): void {
    dictionaries.value = {}
    loading = null
  }

  return { dictionaries, load, items, item, label, reset }
})

/** Helper for templates and scripts: `dictLabel('loan_status', row.status)`. */
export function dictLabel(type: string, code: unknown): string {
  return useDictStore().label(type, code)
}
