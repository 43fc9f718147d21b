import env from '#start/env'

/*
| One job API, two drivers: BullMQ on Redis when REDIS_HOST is set (production,
| several app nodes), in-process otherwise (embedded demo). Job progress is kept
| in the job_runs table either way, so the console reads it the same way.
*/
const queueConfig = {
  driver: env.get('REDIS_HOST') ? ('bullmq' as const) : ('in-process' as const),
  redis: {
    host: env.get('REDIS_HOST', '127.0.0.1'),
    port: env.get('REDIS_PORT', 6379),
    password: env.get('REDIS_PASSWORD'),
  },
  /** Key prefix, so several environments (or the test suite) can share one Redis. */
  prefix: env.get('QUEUE_PREFIX', 'ram'),
  queueName: 'jobs',
  /** Jobs running at once per process. */
  concurrency: 2,
}

export default queueConfig
