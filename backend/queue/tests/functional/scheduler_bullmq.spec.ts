import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Queue } from 'bullmq'
import queueConfig from '#config/queue'
import { BullMqDriver } from '#core/queue/drivers/bullmq'
import { jobRegistry } from '#core/queue/job_registry'
import { queue } from '#core/queue/queue'
import { scheduledJobs } from '#core/queue/scheduled_jobs'
import { nextFire, parseCron } from '#core/queue/cron'

/*
| Production scheduling: the declared schedules become BullMQ job schedulers
| (Redis, bank time). Two app nodes registering the same schedules still give
| one scheduler and one pending fire; the fire runs once, with its own job run;
| schedulers of jobs no longer declared are removed.
*/
let runs = 0
if (!jobRegistry.has('test:sched-bull'))
  jobRegistry.register({
    name: 'test:sched-bull',
    schedule: '30 7 * * *',
    attempts: 2,
    handler: async () => ({ default: async () => ({ run: ++runs }) }),
  })

const testJobs = () => scheduledJobs().filter((job) => job.name === 'test:sched-bull')

const node = () =>
  new BullMqDriver({
    connection: queueConfig.redis,
    prefix: queueConfig.prefix,
    queueName: queueConfig.queueName,
    concurrency: 1,
  })

test.group('Scheduler · BullMQ job schedulers', (group) => {
  let redis: Queue
  const nodes: BullMqDriver[] = []
  group.setup(() => {
    redis = new Queue(queueConfig.queueName, {
      connection: { ...queueConfig.redis, maxRetriesPerRequest: null },
      prefix: queueConfig.prefix,
    })
    return async () => {
      for (const s of await redis.getJobSchedulers(0, -1)) await redis.removeJobScheduler(s.key)
      await Promise.all(nodes.map((n) => n.close()))
      await redis.close()
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const pendingFires = async () =>
    (await redis.getDelayed()).filter((job) => job.name === 'test:sched-bull')

  test('two nodes register one scheduler, in bank time, with one pending fire', async ({
    assert,
  }) => {
    assert.equal(queue.driverName, 'bullmq')
    const [a, b] = [node(), node()]
    nodes.push(a, b)
    await Promise.all([a.syncSchedules(testJobs()), b.syncSchedules(testJobs())])
    await a.syncSchedules(testJobs())

    const schedulers = (await redis.getJobSchedulers(0, -1)).filter(
      (s) => s.key === 'test:sched-bull'
    )
    assert.lengthOf(schedulers, 1)
    assert.containsSubset(schedulers[0], { pattern: '30 7 * * *', tz: 'Asia/Shanghai' })
    // The next fire is the next 07:30 in Shanghai (23:30 UTC).
    const expected = nextFire(parseCron('30 7 * * *'), new Date())!
    assert.equal(schedulers[0].next, expected.getTime())
    assert.equal(new Date(schedulers[0].next!).getUTCHours(), 23)
    assert.equal(new Date(schedulers[0].next!).getUTCMinutes(), 30)

    const pending = await pendingFires()
    assert.lengthOf(pending, 1)
    assert.equal(pending[0].timestamp + pending[0].opts.delay!, expected.getTime())
  })

  test('the fire runs once with two workers listening, recorded as a job run', async ({
    assert,
  }) => {
    const [a, b] = [node(), node()]
    nodes.push(a, b)
    await Promise.all([a.syncSchedules(testJobs()), b.syncSchedules(testJobs())])
    // A second worker beside the suite's own: two nodes compete for the fire.
    await b.startWorker()
    const before = runs
    const [fire] = await pendingFires()
    // Time travel: the 07:30 fire becomes due now; one of the workers takes it.
    await fire.promote()
    for (let i = 0; i < 100 && runs === before; i++) await new Promise((r) => setTimeout(r, 50))
    await queue.drain()
    await new Promise((r) => setTimeout(r, 300))
    assert.equal(runs - before, 1)
    const rows = await db.from('job_runs').where('name', 'test:sched-bull')
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].status, 'completed')
    assert.equal(rows[0].user_id, null)
    // BullMQ lined up the following morning's fire, and only that one.
    const next = await pendingFires()
    assert.lengthOf(next, 1)
    assert.isAbove(next[0].timestamp + next[0].opts.delay!, fire.timestamp + fire.opts.delay!)
  })

  test('schedulers of jobs no longer declared are removed', async ({ assert }) => {
    const a = node()
    nodes.push(a)
    // Left in Redis by a plugin since disabled.
    await redis.upsertJobScheduler(
      'test:gone-plugin-job',
      { pattern: '0 1 * * *', tz: 'Asia/Shanghai' },
      { name: 'test:gone-plugin-job' }
    )
    const report = await a.syncSchedules(testJobs())
    assert.deepEqual(report.upserted, ['test:sched-bull'])
    assert.include(report.removed, 'test:gone-plugin-job')
    const keys = (await redis.getJobSchedulers(0, -1)).map((s) => s.key)
    assert.deepEqual(keys, ['test:sched-bull'])
    assert.notInclude(
      (await redis.getDelayed()).map((j) => j.name),
      'test:gone-plugin-job'
    )

    // Nothing declared any more: nothing left scheduled.
    await a.syncSchedules([])
    assert.lengthOf(await redis.getJobSchedulers(0, -1), 0)
    assert.lengthOf(await pendingFires(), 0)
  })
})
