/* `?id=` opens a plan on the page (the approval's and the ledger's links land here). */
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { writeOffApi, type PlanDetail } from './api'

export function useOpenPlan() {
  const route = useRoute()
  const router = useRouter()
  const plan = ref<PlanDetail | null>(null)
  const openId = computed(() => {
    const id = Number(route.query.id)
    return Number.isInteger(id) && id > 0 ? id : null
  })
  async function reload() {
    plan.value = openId.value ? await writeOffApi.plan(openId.value) : null
  }
  watch(openId, reload, { immediate: true })
  const open = (id: number | null) => router.push({ query: id ? { id: String(id) } : {} })
  return { plan, openId, open, reload }
}
