/* The entries of one slot point with their components, for an outlet or a tab bar. */
import { computed, onMounted } from 'vue'
import { useExtensionsStore } from '@/stores/extensions'
import { slotComponent } from './slot_components'

export function useSlotEntries(slot: string) {
  const store = useExtensionsStore()
  onMounted(() => {
    // Without the list the owner's own screen still shows; only the extras are missing.
    store.load().catch(() => {})
  })
  return computed(() =>
    store.slotEntries(slot).map((entry) => ({ ...entry, is: slotComponent(entry.component) }))
  )
}
