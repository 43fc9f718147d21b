import type { PluginManifest } from '#core/plugins/types'

/** One area's share of the committee manifest (plugin.ts merges them). */
export type Part = Pick<
  PluginManifest,
  'routes' | 'permissions' | 'menus' | 'documentTemplates' | 'messageTypes'
>
