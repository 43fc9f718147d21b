/*
| The bar of opened pages. The home tab (工作台) is always first and cannot be
| closed; other tabs are keyed by route path so reopening a page focuses its tab.
*/
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Localized } from '@/i18n'

export const HOME_PATH = '/'

export interface PageTab {
  path: string
  fullPath: string
  /** Menu name in both languages, or an i18n key for shell pages. */
  title: Localized | { key: string }
  closable: boolean
}

export const useTabsStore = defineStore('tabs', () => {
  const tabs = ref<PageTab[]>([homeTab()])

  function open(tab: Omit<PageTab, 'closable'>): void {
    const existing = tabs.value.find((t) => t.path === tab.path)
    if (existing) existing.fullPath = tab.fullPath
    else tabs.value.push({ ...tab, closable: tab.path !== HOME_PATH })
  }

  /** Closes a tab and returns the path to show next when it was the active one. */
  function close(path: string, activePath: string): string | null {
    const index = tabs.value.findIndex((t) => t.path === path)
    if (index < 0 || !tabs.value[index].closable) return null
    tabs.value.splice(index, 1)
    if (path !== activePath) return null
    const next = tabs.value[index] ?? tabs.value[index - 1]
    return next.fullPath
  }

  function closeOthers(path: string): void {
    tabs.value = tabs.value.filter((t) => !t.closable || t.path === path)
  }

  function closeAll(): void {
    tabs.value = [homeTab()]
  }

  return { tabs, open, close, closeOthers, closeAll }
})

function homeTab(): PageTab {
  return { path: HOME_PATH, fullPath: HOME_PATH, title: { key: 'layout.home' }, closable: false }
}
