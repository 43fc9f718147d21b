import type { PluginManifest } from '#core/plugins/types'

/** One area of the plugin: its routes, permissions, menus and registrations. */
export type Part = Pick<
  PluginManifest,
  | 'routes'
  | 'permissions'
  | 'menus'
  | 'dictionaries'
  | 'settings'
  | 'jobs'
  | 'ledgers'
  | 'workflowTypes'
  | 'documentTemplates'
  | 'dashboardWidgets'
  | 'dailySteps'
>

export const L = (zh: string, en: string) => ({ zh, en })

export const button = (code: string, zh: string, en: string) => ({
  code,
  type: 'button' as const,
  name: L(zh, en),
  permission: code,
})
