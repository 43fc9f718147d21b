/*
| Recurring jobs (`JobDefinition.schedule`, cron in Asia/Shanghai): started by
| the web process at boot, next to the outbox scheduler (plugin_provider.ts).
| - BullMQ (production): the declared schedules become BullMQ job schedulers in
|   Redis, stale ones are removed; whichever worker (web or `node ace
|   queue:work`) takes a fire runs it, once.
| - In-process (demo, SQLite): a ticker in this process claims each fire in the
|   job_schedules table, so even two demo processes on one database fire once.
*/
import logger from '@adonisjs/core/services/logger'
import { queue } from './queue.js'
import { scheduledJobs } from './scheduled_jobs.js'
import { scheduleClaims } from './schedule_claims.js'
import { ScheduleTicker } from './schedule_ticker.js'

let ticker: ScheduleTicker | undefined

export const jobScheduler = {
  async start() {
    if (ticker) return
    const jobs = scheduledJobs()
    const synced = await queue.syncSchedules(jobs)
    if (synced) {
      logger.info(synced, 'job schedulers synced (BullMQ)')
      return
    }
    const { removed } = await scheduleClaims.sync(jobs)
    ticker = new ScheduleTicker({ jobs, fire: (name) => queue.dispatch(name) })
    ticker.start()
    logger.info({ jobs: jobs.map((j) => `${j.name} ${j.pattern}`), removed }, 'job ticker started')
  },

  async stop() {
    const stopping = ticker
    ticker = undefined
    await stopping?.stop()
  },
}
