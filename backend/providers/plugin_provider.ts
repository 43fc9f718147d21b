import type { ApplicationService } from '@adonisjs/core/types'
import logger from '@adonisjs/core/services/logger'
import { enabledPlugins } from '#core/plugins/registry'
import { coreManifest } from '#core/system/manifest'
import { syncPlugins } from '#core/plugins/sync_enabled'
import { jobRegistry } from '#core/queue/job_registry'
import { dailySteps } from '#core/business_day/end_of_day'
import { queue } from '#core/queue/queue'
import { connectorRegistry } from '#core/connectors/registry'
import { lifecycle } from '#core/lifecycle/lifecycle'

/*
| Wires enabled plugins into the core registries at boot (jobs, daily steps),
| and in the web server syncs their menus, permissions, dictionaries and settings
| into the database and starts the queue worker. Routes are mounted by the
| preload start/plugin_routes.ts.
*/
export default class PluginProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    jobRegistry.register({
      name: 'system:end-of-day',
      handler: () => import('#core/jobs/end_of_day_job'),
    })
    // Core's own jobs, declared by the 系统管理 areas (e.g. the audit export).
    for (const job of coreManifest.jobs ?? []) jobRegistry.register(job)
    for (const step of coreManifest.dailySteps ?? []) dailySteps.register(step)
    const plugins = await enabledPlugins()
    for (const plugin of plugins) {
      for (const job of plugin.manifest.jobs ?? []) jobRegistry.register(job)
      for (const step of plugin.manifest.dailySteps ?? []) dailySteps.register(step)
      // External systems (服务管理) the plugin talks to.
      for (const system of plugin.manifest.connectors ?? [])
        if (!connectorRegistry.has(system.code)) connectorRegistry.defineSystem(system)
    }
    // Interfaces plugins add to other plugins' systems, once every system is defined.
    for (const plugin of plugins)
      for (const extension of plugin.manifest.connectorInterfaces ?? [])
        connectorRegistry.extendSystem(extension.system, extension.interfaces, plugin.id)
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web' || lifecycle.isStopping) return
    const report = await syncPlugins()
    logger.info({ plugins: (await enabledPlugins()).map((p) => p.id), ...report }, 'plugins synced')
    // Each service starts through the lifecycle: after a stop signal its start is cancelled,
    // and one that is up is stopped in its phase (backend/lifecycle, docs/operations.md).
    if (process.env.QUEUE_WORKER !== 'false')
      await lifecycle.start('queue worker', 'workers', async () => {
        await queue.startWorker()
        return () => queue.stopWorker()
      })
    // Stored switches of the registered external systems; then the outbox delivery schedule.
    if (lifecycle.isStopping) return
    const { syncConnectors } = await import('#core/connectors/connector_store')
    await syncConnectors()
    const { outboxScheduler } = await import('#core/connectors/outbox_scheduler')
    await lifecycle.start('outbox deliverer', 'triggers', async () => {
      await outboxScheduler.start()
      return () => outboxScheduler.stop()
    })
    // Recurring jobs (JobDefinition.schedule): BullMQ job schedulers, or the in-process ticker.
    const { jobScheduler } = await import('#core/queue/scheduler')
    await lifecycle.start('job scheduler', 'triggers', async () => {
      await jobScheduler.start()
      return () => jobScheduler.stop()
    })
    // Plugins' own startup work (e.g. the demo simulators), in dependency order.
    const { appMode } = await import('#config/app')
    for (const plugin of await enabledPlugins()) {
      const startup = plugin.manifest.startup
      if (!startup) continue
      await lifecycle.start(`plugin ${plugin.id} startup`, 'services', async () => {
        const start = (await startup()).default
        return start({ mode: appMode as 'demo' | 'production' })
      })
    }
  }

  /** After the lifecycle stopped the services above: the queue's connections (and the in-process backlog). */
  async shutdown() {
    await queue.close()
  }
}
