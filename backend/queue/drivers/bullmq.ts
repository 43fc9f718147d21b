/*
| BullMQ on Redis: jobs survive restarts and are shared by every app node.
| The web process runs a worker too unless QUEUE_WORKER=false (then a dedicated
| `node ace queue:work` process does).
*/
import { Queue, Worker, QueueEvents } from 'bullmq'
import logger from '@adonisjs/core/services/logger'
import { runJob } from '../run_job.js'
import type { DispatchOptions, QueueDriver } from './types.js'

interface Options {
  connection: { host: string; port: number; password?: string }
  prefix: string
  queueName: string
  concurrency: number
}

export class BullMqDriver implements QueueDriver {
  readonly name = 'bullmq' as const
  #queue: Queue
  #worker?: Worker
  #events?: QueueEvents
  #inFlight = new Set<Promise<unknown>>()

  constructor(private options: Options) {
    this.#queue = new Queue(options.queueName, {
      connection: { ...options.connection, maxRetriesPerRequest: null },
      prefix: options.prefix,
    })
  }

  async enqueue(runId: string, jobName: string, payload: unknown, options: DispatchOptions) {
    const job = this.#queue.add(
      jobName,
      { runId, payload },
      {
        jobId: runId,
        attempts: options.attempts ?? 1,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      }
    )
    await job
  }

  async startWorker() {
    if (this.#worker) return
    this.#worker = new Worker(
      this.options.queueName,
      async (job) => {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
        const work = runJob(job.data.runId, job.name, job.data.payload, finalAttempt)
        this.#inFlight.add(work)
        try {
          return await work
        } finally {
          this.#inFlight.delete(work)
        }
      },
      {
        connection: { ...this.options.connection, maxRetriesPerRequest: null },
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
      }
    )
    this.#worker.on('error', (error) => logger.error({ err: error }, 'queue worker error'))
  }

  /** Waits until the queue has nothing waiting or active (used by tests and shutdown). */
  async drain() {
    for (let i = 0; i < 600; i++) {
      const counts = await this.#queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
      const busy = Object.values(counts).reduce((a, b) => a + b, 0)
      if (!busy && this.#inFlight.size === 0) return
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  async health() {
    try {
      // A round trip to Redis, bounded so a dead Redis cannot hang the health check.
      await Promise.race([
        this.#queue.getJobCounts('waiting'),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('Redis did not answer in 2 s')), 2000)
        ),
      ])
      return { ok: true }
    } catch (error) {
      return { ok: false, detail: (error as Error).message }
    }
  }

  async close() {
    await this.#worker?.close()
    await this.#events?.close()
    await this.#queue.close()
  }
}
