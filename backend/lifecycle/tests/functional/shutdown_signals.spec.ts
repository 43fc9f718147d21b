import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import queueConfig from '#config/queue'
import {
  freePort,
  killAllGroups,
  portIsFree,
  startGroup,
  type GroupRun,
} from '#tests/helpers/process_group'

/*
| Acceptance of issue 25: a stop signal at any point of boot stops every process
| of the group within the shutdown deadline and frees every port. The servers
| run as `npm start` does (demo mode, SQLite, the simulator) on ports of their
| own; `queue:work` runs on the suite's Redis under its own queue prefix. Boot
| points are found in the debug log (the lifecycle's checkpoints, the services'
| "started" lines); a few runs go at once, each on its own copy of the database.
*/
const DEADLINE_MS = 10_000
const PARALLEL = 3
const DIR = `tmp/shutdown-${process.pid}`
const ROOT = app.makePath()

interface Point {
  name: string
  /** A log line to wait for, or ms after the start. */
  at: RegExp | number
  /** Extra ms after the line. */
  after?: number
}

const SERVER_POINTS: Point[] = [
  { name: 'while loading, before the app booted', at: 300 },
  { name: 'after the providers booted', at: /boot reached after the providers booted/ },
  { name: 'while importing routes and controllers', at: /boot reached before the preloads/ },
  { name: 'before the HTTP server listens', at: /boot reached before the HTTP server listens/ },
  { name: 'right after the HTTP server listens', at: /started HTTP server/ },
  { name: 'while the worker, outbox deliverer and ticker start', at: /plugins synced/ },
  { name: 'while the simulator starts', at: /job ticker started/ },
  { name: 'after full boot', at: /simulator listening/, after: 200 },
]

const WORKER_POINTS: Point[] = [
  { name: 'while loading', at: 300 },
  { name: 'after the providers booted', at: /boot reached after the providers booted/ },
  { name: 'after the worker started', at: /queue worker started/, after: 300 },
]

function childEnv(slot: number, ports: { http: number; simulator: number }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    APP_MODE: 'demo',
    APP_KEY: 'shutdown-test-key-0123456789abcdefghijklmnopqrstuvwxyz',
    DB_CONNECTION: 'sqlite',
    SQLITE_FILE: `${DIR}/slot-${slot}.sqlite3`,
    REDIS_HOST: '',
    QUEUE_WORKER: '',
    PORT: String(ports.http),
    SIMULATOR_PORT: String(ports.simulator),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    SIMULATOR_APPROVAL_AUTO_MS: 'off',
    CONSOLE_DIR: `${DIR}/public`,
    SHUTDOWN_DEADLINE_SECONDS: String(DEADLINE_MS / 1000),
  }
}

const commands = {
  npmStart: ['scripts/start.mjs'],
  server: ['--enable-source-maps', '--import=ts-node-maintained/register/esm', 'bin/server.ts'],
  queueWork: ['ace', 'queue:work'],
}

interface Outcome {
  point: string
  ms: number
  exit: string
  held: number[]
  log: string
}

/** One run: start, signal at the point, and what was left afterwards. */
async function runAt(
  command: string[],
  point: Point,
  signal: NodeJS.Signals,
  slot: number,
  extraEnv: NodeJS.ProcessEnv = {}
): Promise<Outcome> {
  const ports = { http: await freePort(), simulator: await freePort() }
  const run: GroupRun = startGroup('node', command, { ...childEnv(slot, ports), ...extraEnv }, ROOT)
  try {
    if (typeof point.at === 'number') await new Promise((r) => setTimeout(r, point.at as number))
    else await run.waitFor(point.at, 90_000)
    if (point.after) await new Promise((r) => setTimeout(r, point.after))
    const stopped = await run.stop(signal, DEADLINE_MS)
    const held = []
    for (const port of [ports.http, ports.simulator]) if (!(await portIsFree(port))) held.push(port)
    return {
      point: `${signal} ${point.name}`,
      ms: stopped.ms,
      exit: stopped.signal ?? String(stopped.code),
      held,
      log: run.output(),
    }
  } finally {
    run.kill()
  }
}

/** Runs the points a few at a time, each slot on its own database copy. */
async function runAll(jobs: Array<(slot: number) => Promise<Outcome>>) {
  const outcomes: Outcome[] = []
  const queue = [...jobs]
  await Promise.all(
    Array.from({ length: PARALLEL }, async (_, slot) => {
      for (let job = queue.shift(); job; job = queue.shift()) outcomes.push(await job(slot))
    })
  )
  return outcomes
}

/**
 * Every process gone within the deadline, no port held, and a graceful end: exit 0, or
 * killed by the signal itself before any handler existed (nothing was open yet), or, for
 * `npm start`, the child's end passed on (128 + signal). Exit 1 is the deadline's.
 */
function assertStopped(assert: any, outcomes: Outcome[], graceful: string[]) {
  for (const o of outcomes) {
    const where = `${o.point}: ${o.ms} ms, exit ${o.exit}\n${o.log.slice(-2500)}`
    assert.isBelow(o.ms, DEADLINE_MS, where)
    assert.deepEqual(o.held, [], where)
    assert.include(graceful, o.exit, where)
  }
}

test.group('shutdown: a stop signal at any point of boot', (group) => {
  group.setup(async () => {
    mkdirSync(`${ROOT}${DIR}/public`, { recursive: true })
    // A stub console with the current fingerprint: `npm start` skips the Vite build.
    const fingerprintModule = `${ROOT}scripts/console_fingerprint.mjs`
    const { consoleFingerprint } = await import(fingerprintModule)
    writeFileSync(`${ROOT}${DIR}/public/index.html`, '<!doctype html><title>stub</title>')
    writeFileSync(`${ROOT}${DIR}/public/.console-fingerprint`, consoleFingerprint())
    // One migrated and seeded database, copied for each slot.
    const env = childEnv(0, { http: 0, simulator: 0 })
    for (const args of [
      ['ace', 'migration:run', '--force'],
      ['ace', 'demo:seed'],
    ]) {
      const result = spawnSync('node', args, { cwd: ROOT, env, encoding: 'utf8' })
      if (result.status !== 0)
        throw new Error(`${args.join(' ')}: ${result.stdout}${result.stderr}`)
    }
    for (let slot = 1; slot < PARALLEL; slot++)
      copyFileSync(`${ROOT}${DIR}/slot-0.sqlite3`, `${ROOT}${DIR}/slot-${slot}.sqlite3`)
    return () => {
      killAllGroups()
      rmSync(`${ROOT}${DIR}`, { recursive: true, force: true })
    }
  })

  test('bin/server.ts on SIGTERM and SIGINT at eight points of boot', async ({ assert }) => {
    const jobs = (['SIGTERM', 'SIGINT'] as const).flatMap((signal) =>
      SERVER_POINTS.map((point) => (slot: number) => runAt(commands.server, point, signal, slot))
    )
    const outcomes = await runAll(jobs)
    assert.lengthOf(outcomes, 16)
    assertStopped(assert, outcomes, ['0', 'SIGTERM', 'SIGINT'])
    // The late points really were late: the services they interrupted had started.
    const full = outcomes.filter((o) => o.point.endsWith('after full boot'))
    for (const o of full) assert.match(o.log, /lifecycle: SIG(TERM|INT), shutting down/)
  }).timeout(300_000)

  test('npm start passes the signal on and exits with its server', async ({ assert }) => {
    const points: Array<[NodeJS.Signals, Point]> = [
      ['SIGTERM', { name: 'during the migrations', at: 1500 }],
      ['SIGTERM', { name: 'after full boot', at: /simulator listening/, after: 200 }],
      ['SIGINT', { name: 'right after the HTTP server listens', at: /started HTTP server/ }],
    ]
    const outcomes = await runAll(
      points.map(
        ([signal, point]) =>
          (slot) =>
            runAt(commands.npmStart, point, signal, slot)
      )
    )
    assert.lengthOf(outcomes, 3)
    assertStopped(assert, outcomes, ['0', '130', '143', 'SIGTERM', 'SIGINT'])
  }).timeout(300_000)

  test('queue:work on SIGTERM and SIGINT at three points of boot', async ({ assert }) => {
    // BullMQ on the suite's Redis, under a prefix of its own.
    const redis = {
      REDIS_HOST: queueConfig.redis.host,
      REDIS_PORT: String(queueConfig.redis.port),
      QUEUE_PREFIX: `${queueConfig.prefix}-shutdown-${process.pid}`,
    }
    const jobs = (['SIGTERM', 'SIGINT'] as const).flatMap((signal) =>
      WORKER_POINTS.map(
        (point) => (slot: number) => runAt(commands.queueWork, point, signal, slot, redis)
      )
    )
    const outcomes = await runAll(jobs)
    assert.lengthOf(outcomes, 6)
    assertStopped(assert, outcomes, ['0', 'SIGTERM', 'SIGINT'])
    const started = outcomes.filter((o) => o.point.endsWith('after the worker started'))
    for (const o of started) assert.match(o.log, /lifecycle: SIG(TERM|INT), shutting down/)
  }).timeout(180_000)
})
