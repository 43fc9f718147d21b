import env from '#start/env'

/*
| Which business plugins run. Enabling a plugin is configuration: drop its folder
| into `plugins/` (enabled by default) or list ids in PLUGINS_DISABLED.
*/
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const pluginsConfig = {
  /** Folder scanned for `<id>/plugin.ts` manifests, relative to the app root. */
  directory: env.get('PLUGINS_DIR', 'plugins'),
  /**
   * More plugin folders (comma list, relative to the app root). For tests only: the
   * e2e server loads the kernel's test plugins from tests/plugins. Unset in production.
   */
  extraDirectories: list(env.get('PLUGINS_EXTRA_DIRS')),
  /** `*` enables every plugin found; otherwise only the listed ids. */
  enabled:
    env.get('PLUGINS_ENABLED', '*') === '*' ? ('*' as const) : list(env.get('PLUGINS_ENABLED')),
  disabled: list(env.get('PLUGINS_DISABLED')),
}

export default pluginsConfig
export type PluginsConfig = typeof pluginsConfig
