/* A page's record from its query string (?id= or ?package=): every link lands on its record. */
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export function useQueryId(key: string) {
  const route = useRoute()
  const router = useRouter()
  const id = computed<number | null>({
    get() {
      const n = Number(route.query[key])
      return Number.isInteger(n) && n > 0 ? n : null
    },
    set(value) {
      router.push({ query: value ? { [key]: String(value) } : {} })
    },
  })
  return id
}
