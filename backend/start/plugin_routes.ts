/*
| Mounts every enabled plugin's routes. Core's routes.ts never names a plugin;
| this preload asks the plugin registry. Runs before the SPA fallback is added
| (see routes.ts), since that route is registered last from here.
*/
import { enabledPlugins } from '#core/plugins/registry'
import { mountPluginRoutes } from '#core/plugins/plugin_router'
import { registerSpaFallback } from '#core/start/spa_fallback'

for (const plugin of await enabledPlugins()) {
  mountPluginRoutes(plugin)
}

registerSpaFallback()
