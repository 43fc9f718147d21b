import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { jobRegistry } from '#core/queue/job_registry'
import { queue } from '#core/queue/queue'
import { scheduledJobs } from '#core/queue/scheduled_jobs'
import { scheduleClaims } from '#core/queue/schedule_claims'
import { ScheduleTicker } from '#core/queue/schedule_ticker'

/*
| The in-process driver's cron ticker (demo, no Redis): fires claimed in the
| job_schedules table. Two tickers stand for two processes on one database and
| race on separate connections (no global transaction here: the race must be
| real), so the tests clean their own rows.
*/
let runs = 0
for (const [name, schedule] of [
  ['test:sched-morning', '30 7 * * *'],
  ['test:sched-quarter', '*/15 * * * *'],
] as const)
  if (!jobRegistry.has(name))
    jobRegistry.register({
      name,
      schedule,
      handler: async () => ({
        default: async () => ({ run: ++runs }),
      }),
    })

const at = (wall: string) => new Date(`${wall.replace(' ', 'T')}+08:00`)
const testJobs = () => scheduledJobs().filter((job) => job.name.startsWith('test:sched-'))

/** Two tickers over the same jobs, each with its own clock hand and fire log. */
function twoProcesses(jobs = testJobs()) {
  const clock = { now: at('2026-12-02 07:00:00') }
  const fired: string[] = []
  const ticker = (instance: string) =>
    new ScheduleTicker({
      jobs,
      instance,
      now: () => clock.now,
      fire: async (name, fire) => void fired.push(`${instance} ${name} ${fire}`),
    })
  return { clock, fired, a: ticker('node-a'), b: ticker('node-b') }
}

const firesOf = (fired: string[], name: string) =>
  fired.filter((f) => f.includes(` ${name} `)).map((f) => f.split(' ').slice(2).join(' '))

test.group('Scheduler · in-process ticker', (group) => {
  group.each.setup(() => async () => {
    await db.from('job_schedules').where('name', 'like', 'test:%').delete()
  })

  test('a scheduled job fires at its time exactly once across two processes', async ({
    assert,
  }) => {
    const { clock, fired, a, b } = twoProcesses()
    await scheduleClaims.sync(testJobs(), clock.now)
    // 07:00 → nothing new for the morning job (the 06:30 quarter-hour was the last fire at sync).
    await Promise.all([a.tick(), b.tick()])
    assert.deepEqual(firesOf(fired, 'test:sched-morning'), [])

    clock.now = at('2026-12-02 07:30:05')
    // Both processes tick at the same moment, several times: one fire.
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])
    clock.now = at('2026-12-02 07:31:00')
    await Promise.all([a.tick(), b.tick()])
    assert.deepEqual(firesOf(fired, 'test:sched-morning'), ['2026-12-02 07:30'])
    // The quarter-hour job fired once for 07:30 too (07:15 was missed before: only the latest).
    assert.deepEqual(firesOf(fired, 'test:sched-quarter'), ['2026-12-02 07:30'])

    // Next morning, once again.
    clock.now = at('2026-12-03 07:30:59')
    await Promise.all([b.tick(), a.tick()])
    assert.deepEqual(firesOf(fired, 'test:sched-morning'), ['2026-12-02 07:30', '2026-12-03 07:30'])
    const row = await db.from('job_schedules').where('name', 'test:sched-morning').first()
    assert.equal(row.last_fire, '2026-12-03 07:30')
    assert.include(['node-a', 'node-b'], row.claimed_by)
  })

  test('a fire missed while no process ran goes out once, the latest only', async ({ assert }) => {
    const { clock, fired, a, b } = twoProcesses()
    await scheduleClaims.sync(testJobs(), clock.now)
    // Down for three days; started again at 10:00.
    clock.now = at('2026-12-05 10:00:00')
    await Promise.all([a.tick(), b.tick()])
    assert.deepEqual(firesOf(fired, 'test:sched-morning'), ['2026-12-05 07:30'])
  })

  test('declaring a schedule does not replay its past fire; restarting keeps the claim', async ({
    assert,
  }) => {
    const { clock, fired, a } = twoProcesses()
    clock.now = at('2026-12-02 08:00:00')
    await scheduleClaims.sync(testJobs(), clock.now)
    await a.tick()
    assert.deepEqual(firesOf(fired, 'test:sched-morning'), [])
    // A restart re-syncs: the claim row (last fire) stays, nothing fires twice.
    clock.now = at('2026-12-03 07:30:00')
    await a.tick()
    await scheduleClaims.sync(testJobs(), clock.now)
    await a.tick()
    assert.deepEqual(firesOf(fired, 'test:sched-morning'), ['2026-12-03 07:30'])
  })

  test('schedules no longer declared are removed; a changed pattern is updated', async ({
    assert,
  }) => {
    const now = at('2026-12-02 07:00:00')
    await scheduleClaims.sync(testJobs(), now)
    // A row left by a plugin since disabled.
    await db.table('job_schedules').insert({
      name: 'test:gone-plugin-job',
      pattern: '0 1 * * *',
      last_fire: '2026-12-01 01:00',
      updated_at: '2026-12-01 01:00:00',
    })
    const morning = testJobs().filter((job) => job.name === 'test:sched-morning')
    const { removed } = await scheduleClaims.sync([{ ...morning[0], pattern: '45 7 * * 1-5' }], now)
    assert.isAtLeast(removed, 2)
    const names = (await scheduleClaims.list()).map((s) => `${s.name} ${s.pattern}`)
    assert.deepEqual(names, ['test:sched-morning 45 7 * * 1-5'])
  })

  test('the ticker dispatches through the queue: one job run per fire', async ({ assert }) => {
    const jobs = testJobs().filter((job) => job.name === 'test:sched-morning')
    const clock = { now: at('2026-12-02 07:00:00') }
    const node = (instance: string) =>
      new ScheduleTicker({ jobs, instance, now: () => clock.now, fire: (n) => queue.dispatch(n) })
    await scheduleClaims.sync(jobs, clock.now)
    const before = runs
    clock.now = at('2026-12-02 07:30:01')
    await Promise.all([node('a').tick(), node('b').tick()])
    await queue.drain()
    assert.equal(runs - before, 1)
    const rows = await db.from('job_runs').where('name', 'test:sched-morning')
    assert.deepEqual(
      rows.map((r) => r.status),
      ['completed']
    )
    await db.from('job_runs').where('name', 'test:sched-morning').delete()
  })

  test('a bad pattern fails at boot with the job name', ({ assert }) => {
    assert.throws(
      () =>
        scheduledJobs([
          { name: 'test:typo', schedule: '30 7 * *', handler: async () => ({}) as any },
        ]),
      /Job "test:typo": Cron "30 7 \* \*" must have 5 fields/
    )
  })
})
