import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Brings installed plugins up to their code's version (backend/plugins/lifecycle/upgrade.ts):
| the pending migrations first (`migration:run`, core's and every enabled plugin's, in
| dependency order), then each plugin's data steps newer than its installed version,
| once, audited. Safe to run again: nothing pending, nothing done.
*/
export default class PluginsUpgrade extends BaseCommand {
  static commandName = 'plugins:upgrade'
  static description = "Run pending migrations and enabled plugins' upgrade data steps"
  static options: CommandOptions = { startApp: true }

  async run() {
    const migrate = await this.kernel.exec('migration:run', ['--force', '--compact-output'])
    if (migrate.exitCode) {
      this.exitCode = migrate.exitCode
      return
    }
    const { enabledPlugins } = await import('#core/plugins/registry')
    const { upgradePlugins } = await import('#core/plugins/lifecycle/upgrade')
    const done = await upgradePlugins(await enabledPlugins())
    if (!done.length) this.logger.info('every enabled plugin is at its code version')
    for (const r of done)
      this.logger.success(
        `${r.id}: ${r.from} → ${r.to}${r.steps.length ? ` (data steps ${r.steps.join(', ')})` : ''}`
      )
  }
}
