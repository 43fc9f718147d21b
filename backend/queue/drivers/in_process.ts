/*
| The embedded driver: jobs run in this Node process, a few at a time. Nothing
| survives a restart, which is acceptable for the single-node demo; production
| sets REDIS_HOST and gets BullMQ.
*/
import logger from '@adonisjs/core/services/logger'
import { runJob } from '../run_job.js'
import type { DispatchOptions, QueueDriver } from './types.js'

interface Pending {
  runId: string
  jobName: string
  payload: unknown
  attemptsLeft: number
}

export class InProcessDriver implements QueueDriver {
  readonly name = 'in-process' as const
  #pending: Pending[] = []
  #running = 0
  #idle: Array<() => void> = []

  constructor(private concurrency: number) {}

  async enqueue(runId: string, jobName: string, payload: unknown, options: DispatchOptions) {
    this.#pending.push({ runId, jobName, payload, attemptsLeft: options.attempts ?? 1 })
    setImmediate(() => this.#pump())
  }

  async startWorker() {}

  /** Jobs are this process's own: finish what is queued and running. */
  stopWorker() {
    return this.drain()
  }

  #pump() {
    while (this.#running < this.concurrency && this.#pending.length) {
      const job = this.#pending.shift()!
      this.#running++
      job.attemptsLeft--
      runJob(job.runId, job.jobName, job.payload, job.attemptsLeft <= 0)
        .catch((error) => {
          logger.warn({ err: error, job: job.jobName }, 'job attempt failed')
          if (job.attemptsLeft > 0) this.#pending.push(job)
        })
        .finally(() => {
          this.#running--
          this.#pump()
          if (!this.#running && !this.#pending.length) this.#idle.splice(0).forEach((r) => r())
        })
    }
  }

  drain() {
    if (!this.#running && !this.#pending.length) return Promise.resolve()
    return new Promise<void>((resolve) => this.#idle.push(resolve))
  }

  async health() {
    return { ok: true }
  }

  async close() {
    await this.drain()
  }
}
