/*
| What other plugins add to screens and records (api/extensions.ts), loaded
| once per signed-in session (a new sign-in makes a new store) and shared by
| every slot outlet on the page.
*/
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchExtensions, type Extensions, type SlotEntry } from '@/api/extensions'

export const useExtensionsStore = defineStore('extensions', () => {
  const extensions = ref<Extensions | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= fetchExtensions()
      .then((value) => {
        extensions.value = value
      })
      .catch((error) => {
        // A later outlet may try again; the screen itself still works without extensions.
        loading = null
        throw error
      })
    return loading
  }

  /** The contributions to one slot point, in their declared order. */
  function slotEntries(slot: string): SlotEntry[] {
    return (extensions.value?.slots ?? []).filter((s) => s.slot === slot)
  }

  /** The label of a timeline event kind a plugin declared, or null. */
  function eventKind(kind: string) {
    return extensions.value?.eventKinds.find((k) => k.kind === kind)?.label ?? null
  }

  return { extensions, load, slotEntries, eventKind }
})
