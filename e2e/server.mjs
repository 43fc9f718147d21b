#!/usr/bin/env node
/*
| Playwright's webServer: starts the product the way `npm start` does
| (scripts/start.mjs: console build, migrations, demo seed, server) on its own
| SQLite file and port, with a fresh database every run.
|
| It stays in front of start.mjs so that a spec can restart the product (the
| generated-plugin spec needs a boot to load a new plugin folder): SIGUSR2 stops
| start.mjs and its server and starts them again; each healthy start bumps the
| number in GENERATION, which restartServer() waits for. SIGINT/SIGTERM (from
| Playwright at the end) stop everything. The product's own output goes to
| DATA/server.log (a console build is chatty); its tail is printed if it dies.
*/
import { spawn } from 'node:child_process'
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import {
  BASE,
  DATA,
  GENERATION,
  PLUGIN_DIR,
  ROOT,
  SCREENS,
  SUPERVISOR_PID,
  serverEnv,
} from './support/env.mjs'

rmSync(DATA, { recursive: true, force: true })
rmSync(SCREENS, { recursive: true, force: true })
// A run that died half-way may have left the generated plugin behind: it must not load.
rmSync(PLUGIN_DIR, { recursive: true, force: true })
mkdirSync(DATA, { recursive: true })
mkdirSync(SCREENS, { recursive: true })
writeFileSync(SUPERVISOR_PID, String(process.pid))

const LOG = `${DATA}/server.log`
const log = openSync(LOG, 'a')
const note = (text) =>
  writeFileSync(LOG, `[e2e ${new Date().toISOString()}] ${text}\n`, { flag: 'a' })

let child = null
let generation = 0
let stopping = false // a restart is stopping the child on purpose
let shuttingDown = false // Playwright asked us to stop for good

function start() {
  note('starting scripts/start.mjs')
  // Its own process group: stopping signals start.mjs and the server it spawned together,
  // so a server slow to shut down is never left behind as an orphan holding files.
  child = spawn('node', ['scripts/start.mjs'], {
    cwd: ROOT,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const mine = child
  // Timestamped, so a slow boot shows which phase (console build, migrations, seed) took the time.
  for (const stream of [mine.stdout, mine.stderr])
    stream.on('data', (chunk) => writeSync(log, `[${new Date().toISOString()}] ${chunk}`))
  mine.once('exit', (code) => {
    if (mine === child && !stopping && !shuttingDown) {
      const tail = readFileSync(LOG, 'utf8').split('\n').slice(-60).join('\n')
      console.error(`e2e server exited unexpectedly (${code}); ${LOG} ends:\n${tail}`)
      process.exit(1)
    }
  })
  return waitHealthy(mine)
}

/** Polls /api/health the way a load balancer would, until this child answers or exits. */
async function waitHealthy(mine) {
  while (mine.exitCode === null) {
    const ok = await fetch(`${BASE}/api/health`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) {
      writeFileSync(GENERATION, String(++generation))
      note(`healthy (start ${generation})`)
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function stop() {
  const current = child
  if (!current || current.exitCode !== null) return
  stopping = true
  const done = new Promise((resolve) => current.once('exit', resolve))
  const group = (signal) => {
    try {
      process.kill(-current.pid, signal)
    } catch {}
  }
  note('stopping')
  group('SIGINT')
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10000))])
  // Whatever is still alive in the group after 10 s (start.mjs or the server) is killed.
  group('SIGKILL')
  note('stopped')
  stopping = false
}

let restarting = Promise.resolve()
process.on('SIGUSR2', () => {
  restarting = restarting.then(async () => {
    await stop()
    await start()
  })
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    shuttingDown = true
    await stop()
    process.exit(0)
  })
}

await start()
