import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Syncs plugin manifests and seeds the demo bank (APP_MODE=demo only). */
export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description =
    'Sync plugins, import the default holiday calendar, and seed the demo bank with its demo accounts (demo mode only)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { appMode } = await import('#config/app')
    const { syncPlugins } = await import('#core/plugins/sync_enabled')
    const report = await syncPlugins()
    this.logger.info(`plugins synced: ${JSON.stringify(report)}`)
    // The default calendar (2015 on) in both modes: years already imported are left alone.
    const { seedDefaultHolidays } = await import('#core/holidays/seed_holidays')
    const holidays = await seedDefaultHolidays()
    if (holidays.imported.length)
      this.logger.info(
        `holiday arrangements imported: ${holidays.imported.map((r) => r.year).join(', ')}`
      )
    if (appMode !== 'demo') {
      this.logger.info('APP_MODE is production: no demo data and no accounts are seeded')
      return
    }
    const { seedDemoBank, refreshDemoGrants, DEMO_USERS } = await import('#core/demo/demo_bank')
    const { created } = await seedDemoBank()
    await this.seedPluginDemoData()
    // Running app nodes re-read grants and menus.
    const { accessChanged } = await import('#core/identity/access_cache')
    await accessChanged()
    if (!created) {
      const added = await refreshDemoGrants()
      if (added) await accessChanged()
      this.logger.info(
        `demo bank already present${added ? `; demo roles got ${added} new plugin permission(s)` : ''}`
      )
      return
    }
    this.logger.success('demo bank seeded; demo accounts (demo mode only):')
    for (const u of DEMO_USERS)
      this.logger.log(`  ${u.username.padEnd(10)} ${u.password.padEnd(14)} ${u.realName}`)
  }

  /** Runs each enabled plugin's `demo` job once per database (recorded like a daily step). */
  private async seedPluginDemoData() {
    const { enabledPlugins } = await import('#core/plugins/registry')
    const { jobRegistry } = await import('#core/queue/job_registry')
    const { hasRun } = await import('#core/business_day/daily_step')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { dbNow } = await import('#core/db/db_time')
    for (const plugin of await enabledPlugins()) {
      const demo = plugin.manifest.demo
      if (!demo || (await hasRun(`demo:${plugin.id}`, DEMO_DATE))) continue
      const handler = await jobRegistry.handler(demo.job)
      const started = Date.now()
      const result = await handler({
        jobId: `demo:${plugin.id}`,
        payload: demo.payload ?? null,
        progress: async () => {},
      })
      // Recorded after the job, not around it: the job commits in its own batches.
      await db.table('daily_step_runs').insert({
        step: `demo:${plugin.id}`,
        business_date: DEMO_DATE,
        subject: '*',
        completed_at: dbNow(),
      })
      this.logger.info(
        `demo data of ${plugin.id}: ${demo.job} in ${Date.now() - started} ms ${JSON.stringify(result ?? null).slice(0, 200)}`
      )
    }
  }
}

/** Fixed date under which one-off demo seeding is recorded in daily_step_runs. */
const DEMO_DATE = '2000-01-01'
