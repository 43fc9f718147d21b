/* Side-menu state; collapsed or not is remembered per browser. */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const COLLAPSE_KEY = 'ram.sidebarCollapsed'

export const useLayoutStore = defineStore('layout', () => {
  const collapsed = ref(localStorage.getItem(COLLAPSE_KEY) === '1')
  watch(collapsed, (value) => localStorage.setItem(COLLAPSE_KEY, value ? '1' : '0'))
  const toggle = () => (collapsed.value = !collapsed.value)
  return { collapsed, toggle }
})
