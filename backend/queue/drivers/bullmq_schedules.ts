/*
| Recurring jobs on BullMQ: one job scheduler per scheduled job, id = job name,
| kept in Redis. BullMQ creates each fire's job with an id derived from the
| scheduler and the fire time, so however many app nodes upsert the same
| scheduler, and however many workers listen, each fire runs once. Schedulers
| of jobs no longer declared (plugin disabled, schedule removed) are deleted.
*/
import type { Queue } from 'bullmq'
import { SCHEDULE_TIME_ZONE } from '../cron.js'
import type { ScheduledJob } from '../scheduled_jobs.js'

/** Marks a job created by a scheduler: it has no job_runs row yet (the worker makes one). */
export interface ScheduledJobData {
  scheduled: true
  payload: null
  runId?: string
}

export async function syncBullSchedules(queue: Queue, jobs: ScheduledJob[]) {
  for (const job of jobs) {
    const data: ScheduledJobData = { scheduled: true, payload: null }
    await queue.upsertJobScheduler(
      job.name,
      { pattern: job.pattern, tz: SCHEDULE_TIME_ZONE },
      {
        name: job.name,
        data,
        opts: {
          attempts: job.attempts ?? 1,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: 1000,
          removeOnFail: 5000,
        },
      }
    )
  }
  const declared = new Set(jobs.map((job) => job.name))
  const removed: string[] = []
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    if (declared.has(scheduler.key)) continue
    await queue.removeJobScheduler(scheduler.key)
    removed.push(scheduler.key)
  }
  return { upserted: jobs.map((job) => job.name), removed }
}
