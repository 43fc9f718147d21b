/*
| The live facts of 处置预案申请, fetched from the bank's systems whenever the
| ticked loans change. Kept apart from the page because of its timing rules:
| ticks in quick succession ask once (400 ms debounce), and a newer request
| aborts the older one so a slow answer never overwrites a fresher one.
*/
import { ref, watch, type Ref } from 'vue'
import { plansApi, type PrefillSection } from './api'

export function usePlanPrefill(customerId: Ref<number | null>, selected: Ref<number[]>) {
  const sections = ref<PrefillSection[]>([])
  const sectionsLoading = ref(false)

  let prefillAbort: AbortController | null = null
  let prefillTimer: ReturnType<typeof setTimeout> | undefined
  async function loadPrefill() {
    prefillAbort?.abort()
    if (!customerId.value || !selected.value.length) {
      sections.value = []
      return
    }
    const controller = new AbortController()
    prefillAbort = controller
    sectionsLoading.value = true
    try {
      const result = await plansApi.prefill(customerId.value, selected.value, controller.signal)
      if (prefillAbort === controller) sections.value = result.sections
    } catch (error) {
      if ((error as Error)?.name !== 'AbortError') throw error
    } finally {
      if (prefillAbort === controller) sectionsLoading.value = false
    }
  }

  watch(
    selected,
    () => {
      clearTimeout(prefillTimer)
      // Ticking several boxes in a row asks the bank's systems once.
      prefillTimer = setTimeout(() => void loadPrefill(), 400)
    },
    { deep: true }
  )

  return { sections, sectionsLoading, loadPrefill }
}
