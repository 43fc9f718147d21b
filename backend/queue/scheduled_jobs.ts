/*
| The recurring jobs this process knows: every registered job (core's and the
| enabled plugins') that declares `schedule`, its pattern checked once here so
| a typo fails at boot instead of silently never firing.
*/
import { jobRegistry } from './job_registry.js'
import { parseCron, type CronSchedule } from './cron.js'
import type { JobDefinition } from '#core/plugins/types'

export interface ScheduledJob {
  name: string
  pattern: string
  cron: CronSchedule
  attempts?: number
}

export function scheduledJobs(definitions: JobDefinition[] = jobRegistry.all()): ScheduledJob[] {
  return definitions
    .filter((job) => job.schedule)
    .map((job) => {
      try {
        return {
          name: job.name,
          pattern: job.schedule!,
          cron: parseCron(job.schedule!),
          attempts: job.attempts,
        }
      } catch (error) {
        throw new Error(`Job "${job.name}": ${(error as Error).message}`)
      }
    })
}
