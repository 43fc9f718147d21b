/*
| Loads one workbench feed (待办, 时效提醒, 消息 …) from another area's API.
| A feed whose API is missing or failing shows 暂不可用, never an error toast:
| the home page must open even when one area is down.
*/
import { onMounted, ref, shallowRef } from 'vue'

export function useFeed<T>(fetch: () => Promise<{ data: T[]; meta: { total: number } }>) {
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const state = ref<'loading' | 'ready' | 'unavailable'>('loading')

  async function load() {
    state.value = 'loading'
    try {
      const page = await fetch()
      rows.value = page.data ?? []
      total.value = page.meta?.total ?? rows.value.length
      state.value = 'ready'
    } catch {
      state.value = 'unavailable'
    }
  }

  onMounted(load)
  return { rows, total, state, load }
}
