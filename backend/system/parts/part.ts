import type { PluginManifest } from '#core/plugins/types'

/** What one 系统管理 area adds to core's manifest; its menus join the 系统管理 directory. */
export type ManifestPart = Pick<PluginManifest, 'menus' | 'permissions' | 'dictionaries' | 'settings' | 'jobs'>
