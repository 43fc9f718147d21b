/*
| `npm run test:e2e`: the console in Debian's Chromium (never a downloaded
| browser) against the demo server that e2e/server.mjs starts on its own SQLite
| file and port. One worker: the flows share that server and its data, in file
| order (00-… to 90-…), and the simulator on 4100 exists once per machine.
| `-- --grep <text>` runs some flows; traces and screenshots of a failure land in
| tmp/e2e/results, screenshots for a human in tmp/e2e/screens.
*/
import { readdirSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { BASE, CHROMIUM, EXTERNAL_BASE, RESULTS, ROOT } from './support/env.mjs'

const fullTrace = process.env.E2E_TRACE === 'full'

// A flow in the old harness's shape (`flows/NN-name.mjs` exporting `({ browser, step })`) would
// be skipped without a word: refuse to run until it is a spec (e2e/README.md says how).
const legacy = readdirSync(new URL('flows', import.meta.url)).filter(
  (file) => file.endsWith('.mjs') && !file.endsWith('.spec.mjs')
)
if (legacy.length)
  throw new Error(
    `e2e/flows has flows for the removed harness: ${legacy.join(', ')}. ` +
      'Rewrite each as NN-name.spec.mjs with test()/expect() (see e2e/README.md).'
  )

export default defineConfig({
  testDir: 'flows',
  testMatch: '*.spec.mjs',
  outputDir: RESULTS,
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // A flow signs in, waits for charts, exports and downloads: minutes, not seconds, on 2 cores.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./support/summary-reporter.mjs']],
  use: {
    baseURL: BASE,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM,
    acceptDownloads: true,
    // Every action, console message, request and error, kept for a failing test (with its
    // screenshot). DOM snapshots and the screencast only with E2E_TRACE=full: on 2 shared cores
    // they made the table-heavy flows (台账, 综合查询) twice as slow.
    trace: {
      mode: 'retain-on-failure',
      snapshots: fullTrace,
      screenshots: fullTrace,
      sources: true,
    },
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  // E2E_BASE_URL: a server that is already running (the cluster's proxy); none is started.
  webServer: EXTERNAL_BASE
    ? undefined
    : {
        command: 'node e2e/server.mjs',
        cwd: ROOT,
        url: `${BASE}/api/health`,
        // A fresh checkout builds the console first (vite on 2 cores), then migrates and seeds.
        timeout: 300_000,
        // Never test a server someone else left on the port: its data is not this run's.
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGINT', timeout: 20_000 },
      },
})
