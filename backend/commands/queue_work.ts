import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** A dedicated worker process (BullMQ); run web nodes with QUEUE_WORKER=false. */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description = 'Run queued jobs (BullMQ on Redis) until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  async run() {
    const { queue } = await import('#core/queue/queue')
    if (queue.driverName !== 'bullmq') {
      this.logger.error('queue:work needs REDIS_HOST or REDIS_SENTINELS; without it jobs run inside the web process')
      this.exitCode = 1
      return this.terminate()
    }
    // Through the lifecycle: a stop signal during boot cancels the start, one after it lets the
    // active jobs finish, then the app's connections close (docs/operations.md, Stopping).
    const { lifecycle } = await import('#core/lifecycle/lifecycle')
    const started = await lifecycle.start('queue worker', 'workers', async () => {
      await queue.startWorker()
      return () => queue.stopWorker()
    })
    if (started) this.logger.info('queue worker started')
  }
}
