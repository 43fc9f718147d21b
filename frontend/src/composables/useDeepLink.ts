/*
| `?id=N` deep links: a list page opened with ?id=N opens that record's detail
| (drawer, dialog…), so every link in 我的审批, reminders, messages, ledgers and
| the timeline lands on the record, not on a list. Navigating to the same page
| with another id (a message clicked while the page is open) opens that one;
| closing the detail drops `id` from the address so a reload does not reopen it.
|
|   const link = useDeepLink((id) => drawer.value?.open(id))
|   <Drawer @closed="link.clear()" />
*/
import { getCurrentInstance, onMounted, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/** The positive integer id of a query value, else null (a bad link opens nothing). */
export function idFromQuery(value: unknown): number | null {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' || !/^[1-9]\d{0,15}$/.test(text)) return null
  const id = Number(text)
  return Number.isSafeInteger(id) ? id : null
}

export function useDeepLink(open: (id: number) => unknown, param = 'id') {
  // Outside a router (unit tests of a bare component) there is nothing to follow.
  const hasRouter = !!getCurrentInstance()?.appContext.config.globalProperties.$router
  const route = hasRouter ? useRoute() : null
  const router = hasRouter ? useRouter() : null

  if (route) {
    onMounted(() => {
      const id = idFromQuery(route.query[param])
      if (id) void open(id)
    })
    watch(
      () => route.query[param],
      (now, before) => {
        const id = idFromQuery(now)
        if (id && now !== before) void open(id)
      }
    )
  }

  /** Drops the id from the address (after the detail closes). */
  function clear() {
    if (!route || !router || route.query[param] === undefined) return
    const { [param]: _dropped, ...rest } = route.query
    void router.replace({ query: rest })
  }

  return { clear }
}
