/*
| The core job API: `queue.dispatch('<plugin>:<job>', payload, { userId })`
| returns the job-run id the console polls at GET /api/jobs/:id.
*/
import queueConfig from '#config/queue'
import { jobRegistry } from './job_registry.js'
import { jobRuns } from './job_runs.js'
import { BullMqDriver } from './drivers/bullmq.js'
import { InProcessDriver } from './drivers/in_process.js'
import type { DispatchOptions, QueueDriver } from './drivers/types.js'
import type { ScheduledJob } from './scheduled_jobs.js'
import { throttleUserJob } from './user_job_throttle.js'

function createDriver(): QueueDriver {
  if (queueConfig.driver === 'bullmq') {
    return new BullMqDriver({
      connection: queueConfig.redis,
      prefix: queueConfig.prefix,
      queueName: queueConfig.queueName,
      concurrency: queueConfig.concurrency,
      batchConcurrency: queueConfig.batchConcurrency,
      lanes: queueConfig.lanes,
    })
  }
  return new InProcessDriver(queueConfig.concurrency)
}

let driver: QueueDriver | undefined
const current = () => (driver ??= createDriver())

export const queue = {
  get driverName() {
    return queueConfig.driver
  },

  async dispatch(
    name: string,
    payload: unknown = null,
    options: DispatchOptions & { userId?: number | null } = {}
  ) {
    const definition = jobRegistry.get(name)
    // A person's jobs (exports, documents) are rate-limited; system jobs are not.
    if (options.userId) await throttleUserJob(options.userId)
    const runId = await jobRuns.create(name, payload, options.userId ?? null)
    await current().enqueue(runId, name, payload, {
      attempts: options.attempts ?? definition.attempts,
      lane: definition.lane,
    })
    return runId
  },

  startWorker: () => current().startWorker(),
  /** No driver yet means no worker was started: nothing to stop. */
  stopWorker: async () => driver?.stopWorker(),
  drain: () => current().drain(),
  health: () => current().health(),
  /** Null when the driver has no scheduler of its own (in-process: see scheduler.ts). */
  syncSchedules: async (jobs: ScheduledJob[]) => (await current().syncSchedules?.(jobs)) ?? null,
  async close() {
    if (driver) await driver.close()
    driver = undefined
  },
}
