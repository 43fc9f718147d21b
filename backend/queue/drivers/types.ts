import type { ScheduledJob } from '../scheduled_jobs.js'

export interface DispatchOptions {
  attempts?: number
  /** The job's lane (JobDefinition.lane): batch jobs have their own queue and worker slots. */
  lane?: 'online' | 'batch'
}

export interface QueueDriver {
  readonly name: 'bullmq' | 'in-process'
  enqueue(runId: string, jobName: string, payload: unknown, options: DispatchOptions): Promise<void>
  startWorker(): Promise<void>
  /** Stops taking jobs; resolves when the jobs this process runs have finished (shutdown). */
  stopWorker(): Promise<void>
  /** Resolves when nothing is queued or running in this process (tests, shutdown). */
  drain(): Promise<void>
  health(): Promise<{ ok: boolean; detail?: string }>
  /** Registers recurring jobs in the driver's own scheduler (BullMQ); absent: the core ticker runs them. */
  syncSchedules?(jobs: ScheduledJob[]): Promise<{ upserted: string[]; removed: string[] }>
  close(): Promise<void>
}
