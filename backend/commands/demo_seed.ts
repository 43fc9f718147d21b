import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Syncs plugin manifests and seeds the demo bank (APP_MODE=demo only). */
export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description = 'Sync plugins and seed the demo bank with its demo accounts (demo mode only)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { appMode } = await import('#config/app')
    const { syncPlugins } = await import('#core/plugins/sync_enabled')
    const report = await syncPlugins()
    this.logger.info(`plugins synced: ${JSON.stringify(report)}`)
    if (appMode !== 'demo') {
      this.logger.info('APP_MODE is production: no demo data and no accounts are seeded')
      return
    }
    const { seedDemoHolidays } = await import('#core/calendar/seed_holidays')
    await seedDemoHolidays()
    const { seedDemoBank, refreshDemoGrants, DEMO_USERS } = await import('#core/demo/demo_bank')
    const { created } = await seedDemoBank()
    if (!created) {
      const added = await refreshDemoGrants()
      this.logger.info(
        `demo bank already present${added ? `; demo roles got ${added} new plugin permission(s)` : ''}`
      )
      return
    }
    this.logger.success('demo bank seeded; demo accounts (demo mode only):')
    for (const u of DEMO_USERS)
      this.logger.log(`  ${u.username.padEnd(10)} ${u.password.padEnd(14)} ${u.realName}`)
  }
}
