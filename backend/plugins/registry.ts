/*
| The one place that knows which plugins are enabled in this process. Discovery
| runs once (memoised) and everything else — database config, routes, the menu
| sync, the queue — reads from here. Core never imports a plugin by name.
*/
import pluginsConfig from '#config/plugins'
import { defaultAppRoot, discoverPlugins, readManifests } from './discovery.js'
import type { LoadedPlugin } from './types.js'

let loading: Promise<LoadedPlugin[]> | undefined

export function enabledPlugins(): Promise<LoadedPlugin[]> {
  loading ??= discoverPlugins({ appRoot: defaultAppRoot, ...pluginsConfig })
  return loading
}

/** Every plugin folder on disk, enabled or not (for the 插件管理 page). */
export function installedPlugins(): Promise<LoadedPlugin[]> {
  return readManifests({ appRoot: defaultAppRoot, ...pluginsConfig })
}
