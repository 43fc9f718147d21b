import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Removes a plugin's data and registrations (backend/plugins/lifecycle/uninstall.ts):
|   node ace plugins:uninstall litigation          asks for confirmation
|   node ace plugins:uninstall litigation --force  no question (scripts, CI)
| Exit code 1 when refused (an enabled plugin depends on it) or declined.
*/
export default class PluginsUninstall extends BaseCommand {
  static commandName = 'plugins:uninstall'
  static description =
    "Dump a plugin's tables, drop them and remove its menus, permissions, dictionaries, settings and deadlines"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Plugin id (its folder under plugins/)' })
  declare id: string

  @flags.boolean({ description: 'Do not ask for confirmation' })
  declare force: boolean

  async run() {
    const { enabledPlugins, installedPlugins } = await import('#core/plugins/registry')
    const { uninstallPlugin, dependentsOf, dumpFolder, PluginLifecycleError } =
      await import('#core/plugins/lifecycle/uninstall')
    const installed = await installedPlugins()
    const enabled = (await enabledPlugins()).map((p) => p.id)
    const dependents = dependentsOf(this.id, installed, enabled)
    if (!dependents.length && installed.some((p) => p.id === this.id) && !this.force) {
      const sure = await this.prompt.confirm(
        `Uninstall "${this.id}"? Its tables are dumped to ${dumpFolder(this.app.appRoot.pathname)} and then DROPPED.`
      )
      if (!sure) {
        this.logger.info('Nothing changed.')
        this.exitCode = 1
        return
      }
    }
    try {
      const report = await uninstallPlugin(this.id, {
        installed,
        enabled,
        appRoot: this.app.makePath(),
      })
      this.logger.success(`dump written: ${report.dumpFile} and ${report.xlsxFile}`)
      for (const [table, rows] of Object.entries(report.tables))
        this.logger.info(`dropped ${table} (${rows} rows dumped)`)
      this.logger.info(
        `removed: ${Object.entries(report.removed)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`
      )
      this.logger.warning(
        `Remove plugins/${this.id} (or add it to PLUGINS_DISABLED) before the next start, or it is installed afresh.`
      )
    } catch (error) {
      if (!(error instanceof PluginLifecycleError)) throw error
      this.logger.error(error.message)
      this.exitCode = 1
    }
  }
}
