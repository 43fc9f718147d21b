import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class PluginsList extends BaseCommand {
  static commandName = 'plugins:list'
  static description = 'List installed plugins, whether each is enabled, and the load order'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { enabledPlugins, installedPlugins } = await import('#core/plugins/registry')
    const enabled = (await enabledPlugins()).map((p) => p.id)
    const table = this.ui.table()
    table.head(['#', 'id', 'name', 'version', 'depends on', 'enabled'])
    for (const p of await installedPlugins()) {
      const order = enabled.indexOf(p.id)
      table.row([
        order >= 0 ? String(order + 1) : '-',
        p.id,
        p.manifest.name.zh,
        p.manifest.version,
        (p.manifest.dependsOn ?? []).join(', '),
        order >= 0 ? 'yes' : 'no',
      ])
    }
    table.render()
  }
}
