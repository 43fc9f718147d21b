import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { queue } from '#core/queue/queue'
import { jobRegistry } from '#core/queue/job_registry'
import { jobRuns } from '#core/queue/job_runs'

/*
| Batch apart from online: batch-lane jobs wait in their own queue and take their own
| worker slot (1), so while batch jobs hold the worker for as long as they run, an
| online job (a delivery, an export) still runs at once.
*/
let release: () => void = () => {}
let gate = Promise.resolve()
const running = { batch: 0, most: 0 }

if (!jobRegistry.has('test:lane-batch')) {
  jobRegistry.register({
    name: 'test:lane-batch',
    lane: 'batch',
    handler: async () => ({
      default: async () => {
        running.batch++
        running.most = Math.max(running.most, running.batch)
        await gate
        running.batch--
        return { batch: true }
      },
    }),
  })
  jobRegistry.register({
    name: 'test:lane-online',
    handler: async () => ({ default: async () => ({ online: true }) }),
  })
}

async function settled(id: string, ms = 15_000) {
  for (let waited = 0; waited < ms; waited += 100) {
    const run = await jobRuns.find(id)
    if (run && (run.status === 'completed' || run.status === 'failed')) return run
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return jobRuns.find(id)
}

test.group('Queue lanes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('online jobs run while batch jobs hold the worker', async ({ assert }) => {
    gate = new Promise<void>((resolve) => (release = resolve))
    running.most = 0
    const batch = [
      await queue.dispatch('test:lane-batch'),
      await queue.dispatch('test:lane-batch'),
      await queue.dispatch('test:lane-batch'),
    ]
    const online = [
      await queue.dispatch('test:lane-online'),
      await queue.dispatch('test:lane-online'),
    ]
    for (const id of online) assert.equal((await settled(id))!.status, 'completed')
    // The batch jobs are still held: at most one at a time (its own slot), none finished.
    for (const id of batch) assert.notEqual((await jobRuns.find(id))!.status, 'completed')
    assert.equal(running.most, 1)
    release()
    await queue.drain()
    for (const id of batch) assert.equal((await jobRuns.find(id))!.status, 'completed')
    assert.equal(running.most, 1)
  }).timeout(60_000)
})
