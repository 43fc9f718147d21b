import { test } from '@japa/runner'
import { createServer } from 'node:net'
import { Lifecycle, BootCancelled } from '#core/lifecycle/lifecycle'

/* The process lifecycle (issue 25): order of shutdown, late starts, the deadline. */
function quietLifecycle(options: { deadlineMs?: number; exit?: (code: number) => void } = {}) {
  const lines: string[] = []
  const lifecycle = new Lifecycle({ exit: () => {}, trackHandles: false, ...options })
  lifecycle.useLog({
    debug: () => {},
    info: (m) => lines.push(m),
    error: (m) => lines.push(m),
  })
  return { lifecycle, lines }
}

test.group('lifecycle', () => {
  test('stops in phases: http, triggers, workers, services, connections', async ({ assert }) => {
    const { lifecycle } = quietLifecycle()
    const stopped: string[] = []
    const stop = (name: string) => async () => void stopped.push(name)
    lifecycle.register('database', stop('database'), 'connections')
    lifecycle.register('simulator', stop('simulator'), 'services')
    lifecycle.register('worker', stop('worker'), 'workers')
    lifecycle.register('ticker', stop('ticker'), 'triggers')
    lifecycle.register('http', stop('http'), 'http')
    await lifecycle.shutdown('test')
    assert.deepEqual(stopped, ['http', 'ticker', 'worker', 'simulator', 'database'])
  })

  test('a service up after shutdown began is stopped; one not begun is not started', async ({
    assert,
  }) => {
    const { lifecycle } = quietLifecycle()
    const events: string[] = []
    let finishBoot!: () => void
    lifecycle.booting(new Promise<void>((resolve) => (finishBoot = resolve)))
    // The simulator is starting when the signal comes.
    let up!: () => void
    const starting = lifecycle.start('simulator', 'services', async () => {
      await new Promise<void>((resolve) => (up = resolve))
      events.push('simulator up')
      return () => void events.push('simulator stopped')
    })
    const done = lifecycle.shutdown('SIGTERM')
    up()
    assert.isTrue(await starting)
    assert.isFalse(
      await lifecycle.start('ticker', 'triggers', async () => {
        events.push('ticker started')
      })
    )
    assert.throws(() => lifecycle.checkpoint('before listen'), BootCancelled as any)
    finishBoot()
    await done
    // After shutdown finished, a late registration is stopped at once.
    lifecycle.register('late timer', () => void events.push('late timer stopped'), 'triggers')
    assert.deepEqual(events, ['simulator up', 'simulator stopped', 'late timer stopped'])
  })

  test('the deadline names what is still open and exits non-zero', async ({ assert }) => {
    let exitCode: number | null = null
    const { lifecycle, lines } = quietLifecycle({ deadlineMs: 200, exit: (c) => (exitCode = c) })
    const server = createServer().listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const { port } = server.address() as { port: number }
    lifecycle.register('stuck service', () => new Promise(() => {}), 'services')
    void lifecycle.shutdown('SIGTERM')
    await new Promise((r) => setTimeout(r, 400))
    server.close()
    assert.equal(exitCode, 1)
    const report = lines.join('\n')
    assert.include(report, 'shutdown did not finish in 0.2 s')
    assert.include(report, 'still stopping: stuck service')
    assert.include(report, `server listening on 127.0.0.1:${port}`)
  })
})
