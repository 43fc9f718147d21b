import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { queue } from '#core/queue/queue'
import { jobRegistry } from '#core/queue/job_registry'
import { jobRuns } from '#core/queue/job_runs'
import { tokenFor, userWith } from '#tests/helpers/auth'

/* Jobs declared here the way a plugin's manifest declares them. */
if (!jobRegistry.has('test:count')) {
  jobRegistry.register({
    name: 'test:count',
    handler: async () => ({
      default: async ({ payload, progress }) => {
        for (let i = 1; i <= payload.steps; i++)
          await progress((i / payload.steps) * 100, `step ${i}`)
        return { counted: payload.steps }
      },
    }),
  })
  let calls = 0
  jobRegistry.register({
    name: 'test:flaky',
    attempts: 3,
    handler: async () => ({
      default: async () => {
        calls++
        if (calls < 3) throw new Error(`attempt ${calls} failed`)
        return { calls }
      },
    }),
  })
}

test.group('Queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('runs on BullMQ when REDIS_HOST is set', ({ assert }) => {
    assert.equal(queue.driverName, 'bullmq')
  })

  test('a job reports progress and its result through the job API', async ({ assert, client }) => {
    const admin = await tokenFor('admin')
    const me = (await client.get('/api/me').bearerToken(admin)).body()
    const id = await queue.dispatch('test:count', { steps: 4 }, { userId: me.user.id })
    await queue.drain()
    const response = await client.get(`/api/jobs/${id}`).bearerToken(admin)
    response.assertStatus(200)
    assert.containsSubset(response.body(), {
      status: 'completed',
      progress: 100,
      message: 'step 4',
      result: { counted: 4 },
    })
  })

  test('a failing job is retried until it succeeds', async ({ assert }) => {
    const id = await queue.dispatch('test:flaky')
    await queue.drain()
    const run = await jobRuns.find(id)
    assert.equal(run!.status, 'completed')
    assert.equal(run!.attempts, 3)
  })

  test("another user cannot read someone else's job", async ({ client }) => {
    const id = await queue.dispatch('test:count', { steps: 1 }, { userId: null })
    await queue.drain()
    const stranger = await userWith({ permissions: [] })
    ;(await client.get(`/api/jobs/${id}`).bearerToken(stranger.token)).assertStatus(404)
  })

  test('an unknown job name is refused before anything is queued', async ({ assert }) => {
    await assert.rejects(() => queue.dispatch('nope:never'), /Unknown job "nope:never"/)
  })
})
