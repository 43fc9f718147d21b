#!/usr/bin/env node
/*
| `npm start`: the zero-server demo. Creates .env on first run (random APP_KEY,
| embedded SQLite, demo mode), builds the console when its sources or any
| plugin's pages changed, migrates core and plugins, seeds the demo bank, then
| serves http://localhost:3333. Production sets its own env (docs/operations.md).
*/
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { constants } from 'node:os'
import { consoleFingerprint } from './console_fingerprint.mjs'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

if (!existsSync('.env')) {
  writeFileSync(
    '.env',
    [
      '# Written by `npm start` on first run. Demo mode: embedded SQLite, in-process queue.',
      `APP_KEY=${randomBytes(32).toString('base64url')}`,
      'APP_MODE=demo',
      'DB_CONNECTION=sqlite',
      'SQLITE_FILE=tmp/ram.sqlite3',
      'PORT=3333',
      'HOST=0.0.0.0',
      '',
    ].join('\n')
  )
  console.log('created .env (demo mode, SQLite at tmp/ram.sqlite3)')
}
mkdirSync('tmp', { recursive: true })

// `npm start` is the demo unless configured otherwise; the app itself defaults to
// production (no accounts seeded), so a deployment that forgets APP_MODE is safe.
if (!process.env.APP_MODE && !/^APP_MODE=/m.test(readFileSync('.env', 'utf8'))) {
  process.env.APP_MODE = 'demo'
}

/*
| Stop signals: forwarded to the step running (the console build, a migration,
| the server); no later step starts, and this process exits when the child does,
| with its code (128 + signal number when the child died of a signal). The
| server stops within its own deadline; should the child outlive that by 5 s it
| is killed, so `npm start` never stays behind.
*/
let child = null
let stopping = null

function exitLikeChild(code, signal) {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1))
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child) process.exit(128 + constants.signals[signal])
    // Sent to the whole group the child has it already; the server ignores the repeat.
    child.kill(signal)
    if (stopping) return
    stopping = signal
    const deadlineMs = (Number(process.env.SHUTDOWN_DEADLINE_SECONDS) || 10) * 1000 + 5000
    setTimeout(() => child?.kill('SIGKILL'), deadlineMs).unref()
  })
}

function run(command, args) {
  return new Promise((resolve) => {
    child = spawn(command, args, { stdio: 'inherit', env: process.env })
    child.on('exit', (code, signal) => {
      child = null
      if (stopping || code !== 0) exitLikeChild(code, signal)
      resolve()
    })
  })
}
const consoleDir = process.env.CONSOLE_DIR ?? 'public'
const stampFile = `${consoleDir}/.console-fingerprint`
const fingerprint = consoleFingerprint()
if (
  !existsSync(`${consoleDir}/index.html`) ||
  !existsSync(stampFile) ||
  readFileSync(stampFile, 'utf8') !== fingerprint
) {
  console.log('building the console …')
  await run('npx', ['vite', 'build', '--config', 'frontend/vite.config.ts', '--logLevel', 'warn'])
  writeFileSync(stampFile, fingerprint)
}

// Pending migrations, then plugins' upgrade data steps (backend/plugins/lifecycle/upgrade.ts).
await run('node', ['ace', 'plugins:upgrade'])
await run('node', ['ace', 'demo:seed'])

await run('node', [
  '--enable-source-maps',
  '--import=ts-node-maintained/register/esm',
  'bin/server.ts',
])
process.exit(0)
