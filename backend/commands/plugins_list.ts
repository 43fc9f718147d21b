import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

export default class PluginsList extends BaseCommand {
  static commandName = 'plugins:list'
  static description =
    'List plugins on disk: enabled, load order, installed vs code version (upgrade pending)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { enabledPlugins, installedPlugins } = await import('#core/plugins/registry')
    const { installedVersions } = await import('#core/plugins/lifecycle/upgrade')
    const { compareVersions } = await import('#core/plugins/lifecycle/versions')
    const enabled = (await enabledPlugins()).map((p) => p.id)
    const versions = await installedVersions()
    const table = this.ui.table()
    table.head(['#', 'id', 'name', 'installed', 'code', 'depends on', 'enabled', 'state'])
    for (const p of await installedPlugins()) {
      const order = enabled.indexOf(p.id)
      const installed = versions.get(p.id)
      const code = p.manifest.version
      const state = !installed
        ? 'not installed'
        : compareVersions(code, installed) > 0
          ? 'upgrade pending (plugins:upgrade)'
          : compareVersions(code, installed) < 0
            ? 'code older than installed'
            : 'current'
      table.row([
        order >= 0 ? String(order + 1) : '-',
        p.id,
        p.manifest.name.zh,
        installed ?? '-',
        code,
        (p.manifest.dependsOn ?? []).join(', '),
        order >= 0 ? 'yes' : 'no',
        state,
      ])
    }
    table.render()
  }
}
