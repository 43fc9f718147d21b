import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class PluginsSync extends BaseCommand {
  static commandName = 'plugins:sync'
  static description =
    "Write enabled plugins' menus, permissions, dictionaries and settings into the database"
  static options: CommandOptions = { startApp: true }

  async run() {
    const { syncPlugins } = await import('#core/plugins/sync_enabled')
    const report = await syncPlugins()
    // Running app nodes re-read grants and menus (a disabled plugin's grants sleep).
    const { accessChanged } = await import('#core/identity/access_cache')
    await accessChanged()
    this.logger.success(
      `synced: ${report.inserted} inserted, ${report.updated} updated, ${report.deleted} deleted, ${report.deactivated} deactivated`
    )
  }
}
