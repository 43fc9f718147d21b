#!/usr/bin/env node
/*
| `npm start`: the zero-server demo. Creates .env on first run (random APP_KEY,
| embedded SQLite, demo mode), builds the console when its sources or any
| plugin's pages changed, migrates core and plugins, seeds the demo bank, then
| serves http://localhost:3333. Production sets its own env (docs/operations.md).
*/
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

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

/** Every console source and plugin page, with its mtime: the console is rebuilt when this changes. */
function consoleFingerprint() {
  const hash = createHash('sha256')
  const walk = (dir) => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path)
      } else {
        hash.update(`${path}:${statSync(path).mtimeMs}\n`)
      }
    }
  }
  walk('frontend/src')
  hash.update(readFileSync('frontend/index.html'))
  hash.update(readFileSync('frontend/vite.config.ts'))
  const pluginsDir = process.env.PLUGINS_DIR ?? 'plugins'
  if (existsSync(pluginsDir)) {
    for (const id of readdirSync(pluginsDir).sort()) walk(join(pluginsDir, id, 'ui'))
  }
  return hash.digest('hex')
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
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
  run('npx', ['vite', 'build', '--config', 'frontend/vite.config.ts', '--logLevel', 'warn'])
  writeFileSync(stampFile, fingerprint)
}

run('node', ['ace', 'migration:run', '--force'])
run('node', ['ace', 'demo:seed'])

const server = spawn(
  'node',
  ['--enable-source-maps', '--import=ts-node-maintained/register/esm', 'bin/server.ts'],
  {
    stdio: 'inherit',
    env: process.env,
  }
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
