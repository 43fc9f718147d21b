/*
| BullMQ on Redis: jobs survive restarts and are shared by every app node.
| The web process runs a worker too unless QUEUE_WORKER=false (then a dedicated
| `node ace queue:work` process does).
|
| Two lanes: online jobs in queue `<queueName>`, batch jobs (JobDefinition.lane)
| in `<queueName>-batch`, each worker with its own slots (`concurrency`,
| `batchConcurrency`): a 批量核销 executing for minutes never holds the slots the
| outbox deliveries and exports need. QUEUE_LANES picks the lanes a process takes.
*/
import { Queue, Worker, QueueEvents } from 'bullmq'
import type { RedisConnection } from '../redis_options.js'
import logger from '@adonisjs/core/services/logger'
import { runJob } from '../run_job.js'
import { jobRuns } from '../job_runs.js'
import type { ScheduledJob } from '../scheduled_jobs.js'
import { syncBullSchedules } from './bullmq_schedules.js'
import type { DispatchOptions, QueueDriver } from './types.js'

interface Options {
  connection: RedisConnection
  prefix: string
  queueName: string
  concurrency: number
  batchConcurrency?: number
  lanes?: string[]
}

export class BullMqDriver implements QueueDriver {
  readonly name = 'bullmq' as const
  #queue: Queue
  #batchQueue: Queue
  #workers: Worker[] = []
  #events?: QueueEvents
  #inFlight = new Set<Promise<unknown>>()

  constructor(private options: Options) {
    const queueOptions = {
      connection: { ...options.connection, maxRetriesPerRequest: null },
      prefix: options.prefix,
    }
    this.#queue = new Queue(options.queueName, queueOptions)
    this.#batchQueue = new Queue(`${options.queueName}-batch`, queueOptions)
  }

  async enqueue(runId: string, jobName: string, payload: unknown, options: DispatchOptions) {
    const queue = options.lane === 'batch' ? this.#batchQueue : this.#queue
    const job = queue.add(
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
    if (this.#workers.length) return
    const lanes = this.options.lanes ?? ['online', 'batch']
    if (lanes.includes('online'))
      this.#workers.push(this.#startWorker(this.options.queueName, this.options.concurrency))
    if (lanes.includes('batch'))
      this.#workers.push(
        this.#startWorker(`${this.options.queueName}-batch`, this.options.batchConcurrency ?? 1)
      )
  }

  #startWorker(queueName: string, concurrency: number) {
    const worker = new Worker(
      queueName,
      async (job) => {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
        // A fire of a job scheduler has no job_runs row yet: make one, kept across retries.
        if (!job.data.runId) {
          const runId = await jobRuns.create(job.name, job.data.payload ?? null, null)
          await job.updateData({ ...job.data, runId })
        }
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
        concurrency,
      }
    )
    worker.on('error', (error) => logger.error({ err: error }, 'queue worker error'))
    return worker
  }

  /** Active jobs finish; waiting ones stay in Redis for the next worker. */
  async stopWorker() {
    const workers = this.#workers
    this.#workers = []
    await Promise.all(workers.map((worker) => worker.close()))
  }

  syncSchedules(jobs: ScheduledJob[]) {
    return syncBullSchedules(this.#queue, jobs)
  }

  /** Waits until the queue has nothing waiting or active (used by tests and shutdown). */
  async drain() {
    for (let i = 0; i < 600; i++) {
      const [online, batch, schedulers] = await Promise.all([
        this.#queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
        this.#batchQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
        this.#queue.getJobSchedulersCount(),
      ])
      const counts = Object.fromEntries(
        Object.entries(online).map(([state, n]) => [state, n + (batch[state] ?? 0)])
      ) as typeof online
      // Each job scheduler keeps its next fire (tomorrow 07:30) as a delayed job: not pending work.
      const delayed = Math.max(0, counts.delayed - schedulers)
      const busy = counts.waiting + counts.active + counts.prioritized + delayed
      if (!busy && this.#inFlight.size === 0) return
      // After 10 s say what we wait for: usually an "active" job of a worker that died
      // (it stays active until a live worker's stall check, ~30 s later).
      if (i === 200) {
        const states = ['waiting', 'active', 'delayed', 'prioritized'] as const
        const pending = [
          ...(await this.#queue.getJobs([...states])),
          ...(await this.#batchQueue.getJobs([...states])),
        ]
        logger.warn({ counts, pending: pending.map((j) => j.name) }, 'queue drain still waiting')
      }
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
    await this.stopWorker()
    await this.#events?.close()
    await this.#queue.close()
    await this.#batchQueue.close()
  }
}
