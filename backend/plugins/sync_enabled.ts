import { coreManifest } from '#core/system/manifest'
import { enabledPlugins } from './registry.js'
import { syncManifests } from './sync.js'

/** Syncs core's and every enabled plugin's declarations (boot, ace, tests). */
export async function syncPlugins() {
  const plugins = await enabledPlugins()
  return syncManifests([coreManifest, ...plugins.map((p) => p.manifest)])
}
