/*
| A small end-to-end harness: starts the product the way `npm start` does (on
| its own SQLite file and port), drives Debian's Chromium with playwright-core,
| and counts passed/failed steps for the closing summary line.
*/
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const ROOT = new URL('..', import.meta.url).pathname
export const PORT = Number(process.env.E2E_PORT ?? 3335)
export const BASE = `http://127.0.0.1:${PORT}`
// A second run on another port (a parallel checkout of work) keeps its own files.
export const OUT = process.env.E2E_PORT ? `${ROOT}tmp/e2e-${PORT}` : `${ROOT}tmp/e2e`

export const serverEnv = {
  ...process.env,
  NODE_ENV: 'development',
  APP_MODE: 'demo',
  APP_KEY: 'e2e-only-key-0123456789abcdefghijklmnopqrstuvwxyz',
  DB_CONNECTION: 'sqlite',
  SQLITE_FILE: `${OUT.slice(ROOT.length)}/ram-e2e.sqlite3`,
  REDIS_HOST: '',
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
}

let server

export async function startServer() {
  mkdirSync(OUT, { recursive: true })
  // Its own process group: stopping signals start.mjs and the server it spawned together,
  // so a server slow to shut down is never left behind as an orphan holding files.
  server = spawn('node', ['scripts/start.mjs'], {
    cwd: ROOT,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  server.stdout.on('data', (d) => (log += d))
  server.stderr.on('data', (d) => (log += d))
  const exited = new Promise((resolve) => server.once('exit', resolve))
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${log}`)
    try {
      const response = await fetch(`${BASE}/api/health`)
      if (response.ok) return { log: () => log, exited }
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`server did not become healthy:\n${log}`)
}

export async function stopServer() {
  if (!server || server.exitCode !== null) return
  const done = new Promise((resolve) => server.once('exit', resolve))
  const group = (signal) => {
    try {
      process.kill(-server.pid, signal)
    } catch {}
  }
  group('SIGINT')
  await Promise.race([done, new Promise((r) => setTimeout(r, 10000))])
  // Whatever is still alive in the group after 10 s (start.mjs or the server) is killed.
  group('SIGKILL')
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

const results = { passed: 0, failed: 0, skipped: 0 }

export async function step(name, fn) {
  const started = Date.now()
  try {
    await fn()
    results.passed++
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`)
  } catch (error) {
    results.failed++
    console.log(
      `  ✖ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`
    )
  }
}

export function summary() {
  console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`)
  return results
}

/** Fills the input carrying a data-testid, or the input inside the element carrying it. */
export async function fillTestId(page, id, value) {
  const target = page.getByTestId(id).first()
  const tag = await target.evaluate((el) => el.tagName)
  await (
    tag === 'INPUT' || tag === 'TEXTAREA' ? target : target.locator('input, textarea').first()
  ).fill(value)
}

export async function login(page, username, password) {
  await page.goto(`${BASE}/login`)
  await fillTestId(page, 'login-username', username)
  await fillTestId(page, 'login-password', password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('side-menu').waitFor({ timeout: 15000 })
}

/** Signs in through the API (no browser) and returns the bearer token. */
export async function apiLogin(username, password) {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`)
  return (await response.json()).token
}

export async function api(token, path) {
  const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return response.json()
}
