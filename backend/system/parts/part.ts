import type { MenuDefinition, PluginManifest } from '#core/plugins/types'

/*
| Where a part's menu entry goes: the code of a core directory or page
| (default `system:root`; `null` = a top-level entry, e.g. 消息中心). Core's tree follows the spec's 系统功能菜单:
|   系统管理 system:root → 通知公告, 公共参数管理 system:params, 权限管理 system:access
|   运维管理 system:ops  → 系统工具 system:tools (日志管理 system:logs), 系统监控 system:monitor
*/
export type PartMenu = MenuDefinition & { under?: string | null }

/** What one 系统管理 area adds to core's manifest. */
export type ManifestPart = Pick<
  PluginManifest,
  'permissions' | 'dictionaries' | 'settings' | 'jobs' | 'dailySteps'
> & {
  menus?: PartMenu[]
}
