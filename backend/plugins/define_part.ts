/*
| One helper for what a feature adds to a manifest, in a plugin (plugins/<id>/parts/*.ts)
| and in a core area (backend/<area>/part.ts) alike: its routes, permissions, menus,
| dictionaries, settings, jobs … in one typed object, next to the code it serves.
|
| A core area's part also names its `area`, the URL `prefix` of its routes (plugins
| always get `/api/<plugin id>`) and, per menu entry, the core directory it goes
| `under` (plugins place theirs with `parent`). backend/system/manifest.ts merges the
| core parts into core's manifest; backend/plugins/plugin_router.ts mounts their routes.
*/
import type { CoreRouter, MenuDefinition, PluginManifest } from './types.js'

/*
| Where a core part's menu entry goes: the code of a core directory or page
| (default `system:root`; `null` = a top-level entry, e.g. 消息中心). Core's tree follows the spec's 系统功能菜单:
|   系统管理 system:root → 通知公告, 公共参数管理 system:params, 权限管理 system:access
|   运维管理 system:ops  → 系统工具 system:tools (日志管理 system:logs), 系统监控 system:monitor
*/
export type PartMenu = MenuDefinition & { under?: string | null }

/** A plugin feature's share of its plugin's manifest; the manifest spreads it in. */
export type PluginPart = Partial<Omit<PluginManifest, 'id' | 'name' | 'version'>>

/** What one core area adds to core's manifest, and its routes. */
export interface CorePart extends Pick<
  PluginManifest,
  'permissions' | 'dictionaries' | 'settings' | 'jobs' | 'dailySteps'
> {
  /** The area's folder name under backend/ (named in errors about its routes). */
  area: string
  /** URL prefix of the area's routes; default `/api/system`; `''` = full paths as written. */
  prefix?: string
  /** Each route with its permission code, or marked signed-in-only / public. */
  routes?: (api: CoreRouter) => void
  menus?: PartMenu[]
}

export function definePart(part: CorePart): CorePart
export function definePart<T extends PluginPart>(part: T): T
export function definePart(part: CorePart | PluginPart) {
  return part
}
