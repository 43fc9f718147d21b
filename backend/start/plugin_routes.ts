/*
| Mounts every enabled plugin's routes. Core's routes.ts never names a plugin;
| this preload asks the plugin registry. Runs before the SPA fallback is added
| (see routes.ts), since that route is registered last from here.
*/
// Preloads load in parallel: make sure every core route exists before the
// catch-all SPA route below is added, or it would answer them.
await import('#start/routes')
import { enabledPlugins } from '#core/plugins/registry'
import { mountPluginRoutes } from '#core/plugins/plugin_router'
import { registerSpaFallback } from '#core/start/spa_fallback'

for (const plugin of await enabledPlugins()) {
  mountPluginRoutes(plugin)
}

registerSpaFallback()
