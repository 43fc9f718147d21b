/*
| Where the end-to-end run lives: one port (3335, or E2E_PORT for a parallel
| checkout), one folder under tmp/ for its SQLite file, screenshots and
| Playwright's traces, and the environment the demo server starts with — read
| by the config, the server supervisor and the specs alike.
*/
export const ROOT = new URL('../..', import.meta.url).pathname
export const PORT = Number(process.env.E2E_PORT ?? 3335)
/**
 * E2E_BASE_URL runs flows against a server started elsewhere (e.g. `npm run cluster`'s proxy,
 * http://127.0.0.1:3340): no server is started, and only flows that need nothing but the demo
 * bank make sense there (the smoke: flows/00-console.spec.mjs).
 */
export const EXTERNAL_BASE = process.env.E2E_BASE_URL?.replace(/\/$/, '')
export const BASE = EXTERNAL_BASE ?? `http://127.0.0.1:${PORT}`
/** The demo simulator: the flows drive its fault and approval endpoints on 4100. */
export const SIMULATOR = `http://127.0.0.1:${process.env.SIMULATOR_PORT ?? 4100}`
// A second run on another port (a parallel checkout of work) keeps its own files.
export const OUT = process.env.E2E_PORT ? `${ROOT}tmp/e2e-${PORT}` : `${ROOT}tmp/e2e`
/** Screenshots taken for a human to look at (failures land in RESULTS with their traces). */
export const SCREENS = `${OUT}/screens`
export const RESULTS = `${OUT}/results`
export const DATA = `${OUT}/data`
/** The supervisor's pid and its count of healthy starts, for restartServer(). */
export const SUPERVISOR_PID = `${DATA}/supervisor.pid`
export const GENERATION = `${DATA}/generation`
/** The plugin the last spec generates with `node ace make:plugin` and deletes again. */
export const PLUGIN = 'e2e-notes'
export const PLUGIN_DIR = `${ROOT}plugins/${PLUGIN}`

export const serverEnv = {
  ...process.env,
  NODE_ENV: 'development',
  APP_MODE: 'demo',
  APP_KEY: 'e2e-only-key-0123456789abcdefghijklmnopqrstuvwxyz',
  DB_CONNECTION: 'sqlite',
  SQLITE_FILE: `${DATA.slice(ROOT.length)}/ram-e2e.sqlite3`,
  REDIS_HOST: '',
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  // The kernel's test plugins (tests/plugins: fixture-bank's loan fields for 76-extension-fields).
  // Test code: only a server started with this variable loads them, never production.
  PLUGINS_EXTRA_DIRS: 'tests/plugins',
}

/** Debian's Chromium with the flags that work on these machines (no browser is ever downloaded). */
export const CHROMIUM = {
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
}
