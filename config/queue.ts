import env from '#start/env'
import { redisConfigured, redisOptionsFrom } from '#core/queue/redis_options'

/*
| One job API, two drivers: BullMQ on Redis when REDIS_HOST is set (production,
| several app nodes), in-process otherwise (embedded demo). Job progress is kept
| in the job_runs table either way, so the console reads it the same way.
*/
const redisEnv = {
  host: env.get('REDIS_HOST'),
  port: env.get('REDIS_PORT'),
  password: env.get('REDIS_PASSWORD'),
  sentinels: env.get('REDIS_SENTINELS'),
  sentinelName: env.get('REDIS_SENTINEL_NAME'),
}

const queueConfig = {
  driver: redisConfigured(redisEnv) ? ('bullmq' as const) : ('in-process' as const),
  /** One server, or the Sentinel set that names the primary (backend/queue/redis_options.ts). */
  redis: redisOptionsFrom(redisEnv),
  /** Key prefix, so several environments (or the test suite) can share one Redis. */
  prefix: env.get('QUEUE_PREFIX', 'ram'),
  queueName: 'jobs',
  /** Online jobs running at once per process. */
  concurrency: 2,
  /** Batch-lane jobs (JobDefinition.lane) at once per process, in their own queue `jobs-batch`. */
  batchConcurrency: 1,
  /** Lanes this process's worker takes (QUEUE_LANES=online or =batch for a dedicated worker). */
  lanes: (env.get('QUEUE_LANES') ?? 'online,batch').split(',').map((lane) => lane.trim()),
}

export default queueConfig
