import app from '@adonisjs/core/services/app'

/*
| After boot (app ready hooks run after PluginProvider.ready, i.e. after the sync):
| - the four-eyes kind `setting.frozen` must be known before an approval arrives
|   on this node, even if no freeze was requested here;
| - the plugin sync rewrites dictionaries and parameters without telling the
|   caches, so every cache gets a new version and other nodes drop their copies.
| Imported here rather than at the top, so the routes preload (which imports
| this file) stays free of modules with top-level await (env, the database service).
*/
app.ready(async () => {
  await import('#core/settings/freeze_change')
  if (app.getEnvironment() !== 'web') return
  const { announceSyncedRegistry } = await import('#core/cache/app_caches')
  await import('#core/registry/dictionaries_cache')
  await import('#core/registry/prompts_cache')
  await import('#core/settings/settings_cache')
  await import('#core/identity/access_cache')
  await announceSyncedRegistry()
})
