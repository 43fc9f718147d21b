/*
| 数据字典: codes stored in business tables render as labels and coloured tags.
| Loaded after login; every DictTag/DictSelect reads from here.
|
| An administrator may change a dictionary while clerks are working, so the
| store keeps the server's version token and asks for the current one (a tiny
| request) when the tab comes back into view and every few minutes; a new token
| means refetch. Disabled items are kept so stored codes still show their
| labels, but `items()` — what selects offer — leaves them out.
*/
import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  fetchDictionaryBundle,
  fetchDictionaryVersion,
  type ConsoleDictItem,
} from '@/areas/registry/api'
import type { DictItem, Dictionaries } from '@/api/types'
import { localize } from '@/i18n'

/** How often an open console asks whether dictionaries changed. */
export const DICT_POLL_MS = 5 * 60 * 1000
/** A version check sooner than this after the last one is skipped (focus flapping). */
export const DICT_CHECK_MIN_MS = 10 * 1000

export const useDictStore = defineStore('dict', () => {
  const dictionaries = ref<Dictionaries>({})
  /** The server's version token of what is loaded; null before the first load. */
  const version = ref<string | null>(null)
  let loading: Promise<void> | null = null
  let lastCheck = 0
  let timer: ReturnType<typeof setInterval> | null = null

  function load(force = false): Promise<void> {
    if (!loading || force) {
      const request = fetchDictionaryBundle()
        .then((bundle) => {
          dictionaries.value = bundle.dictionaries as Dictionaries
          version.value = bundle.version
          lastCheck = Date.now()
          watchForChanges()
        })
        .catch((error) => {
          if (loading === request) loading = null // allow a retry on the next page that needs it
          throw error
        })
      loading = request
    }
    return loading
  }

  /**
   * Asks the server for the current version and refetches when it differs.
   * Returns true when the dictionaries were reloaded.
   */
  async function refreshIfChanged(options: { force?: boolean } = {}): Promise<boolean> {
    if (!options.force && Date.now() - lastCheck < DICT_CHECK_MIN_MS) return false
    lastCheck = Date.now()
    let current: string
    try {
      current = (await fetchDictionaryVersion()).version
    } catch {
      return false // offline or signed out; the next check tries again
    }
    if (current === version.value) return false
    await load(true)
    return true
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible') refreshIfChanged().catch(() => {})
  }

  function watchForChanges(): void {
    if (timer || typeof window === 'undefined') return
    timer = setInterval(() => refreshIfChanged().catch(() => {}), DICT_POLL_MS)
    document.addEventListener('visibilitychange', onVisible)
  }

  function stopWatching(): void {
    if (timer) clearInterval(timer)
    timer = null
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible)
  }

  /** What a select may offer: enabled items only. */
  function items(type: string): DictItem[] {
    return (dictionaries.value[type] ?? []).filter(
      (entry) => (entry as ConsoleDictItem).enabled !== false
    )
  }

  /** Any item, disabled ones included, so a stored code still finds its label. */
  function item(type: string, code: unknown): DictItem | undefined {
    if (code === null || code === undefined) return undefined
    return (dictionaries.value[type] ?? []).find((entry) => entry.code === String(code))
  }

  /** The label in the current locale; the raw code when unknown so data is never hidden. */
  function label(type: string, code: unknown): string {
    const found = item(type, code)
    return found ? localize(found.label) : code === null || code === undefined ? '' : String(code)
  }

  function reset(): void {
    stopWatching()
    dictionaries.value = {}
    version.value = null
    loading = null
    lastCheck = 0
  }

  return { dictionaries, version, load, refreshIfChanged, items, item, label, reset }
})

/** Helper for templates and scripts: `dictLabel('loan_status', row.status)`. */
export function dictLabel(type: string, code: unknown): string {
  return useDictStore().label(type, code)
}
