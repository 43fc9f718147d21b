#!/usr/bin/env node
/*
| `npm run bench` — performance figures of the ledger framework on MariaDB,
| printed, not asserted (docs/performance.md records them with the machine).
|
| Needs a database with the demo bank and a big loan book, e.g.:
|   export DB_CONNECTION=mysql DB_DATABASE=ram_bench APP_MODE=demo APP_KEY=bench-only-key-0123456789abcdefghijklmnopqrstuvwxyz
|   node ace migration:run --force && node ace demo:seed
|   node ace demo:generate --customers 100000 --loans 1000000
| (BENCH_GENERATE=1 does those three steps first, the book's size from BENCH_LOANS and BENCH_CUSTOMERS,
| default 1,000,000 / 100,000; the database is created if missing.) Env: DB_DATABASE (default
| ram_bench), DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, BENCH_PORT (default 3391),
| BENCH_RISK_ASSETS (default 200000, the issue's book: the bench hands over
| more loans directly when the generator made fewer), BENCH_REQUESTS (50).
|
| It starts its own server (in-process queue) on BENCH_PORT and measures:
|  1. 风险资产台账 page 1 and page 500 with two filters through HTTP (hq_risk):
|     p50/p95 of BENCH_REQUESTS requests each, and the 合计 row's request;
|  2. the same SQL statements (count, page keys, page rows; totals) straight through mysql2,
|     and the ratio HTTP/SQL;
|  3. a 100k-row and a 200k-row (every risk asset) xlsx export (queued job,
|     streamed): seconds and the server's peak RSS (the second in a fresh server);
|  4. the snapshot of every loan for one date (the job), seconds, against one
|     plain INSERT … SELECT of the same rows into a scratch table.
| BENCH_BUILD=1 runs the server from a compiled build (`node ace build` → build/,
| node_modules linked, no npm ci) instead of ts-node: production's memory figures.
| BENCH_ONLY=export measures only the exports (3); BENCH_ONLY=views only 1, 2 and 6 (views ×
| three scopes, single and under 50 connections, beside mysql2: bench/views.mjs).
|  5. a 10 000-loan 批量核销 from the 批复 to every posting acknowledged, clean and with
|     20 % core errors plus a kill -9 of the worker (bench/write_off.mjs; needs Redis).
|     BENCH_ONLY=write-off measures only that (any demo book of ≥ 10 000 active loans).
|  6. 批量转让 of a 50 000-loan pool: pool built, summarised, packaged and 交割 with every
|     posting acknowledged under 20 % core errors (bench/batch_disposal.mjs; needs Redis;
|     BENCH_BATCH_LOANS sets the size). BENCH_ONLY=batch-disposal measures only that.
*/
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, symlinkSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import mysql from 'mysql2/promise'
import { writeOffBench } from './write_off.mjs'
import { viewsBench } from './views.mjs'
import { batchDisposalBench } from './batch_disposal.mjs'

const ROOT = new URL('..', import.meta.url).pathname
const DB = process.env.DB_DATABASE ?? 'ram_bench'
const PORT = Number(process.env.BENCH_PORT ?? 3391)
const BASE = `http://127.0.0.1:${PORT}`
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50)
const RISK_TARGET = Number(process.env.BENCH_RISK_ASSETS ?? 200_000)
const BUILD = process.env.BENCH_BUILD === '1'
const ONLY_EXPORT = process.env.BENCH_ONLY === 'export'
const ONLY_WRITE_OFF = process.env.BENCH_ONLY === 'write-off'
const ONLY_VIEWS = process.env.BENCH_ONLY === 'views'
const ONLY_BATCH = process.env.BENCH_ONLY === 'batch-disposal'
const env = {
  ...process.env,
  NODE_ENV: 'production',
  APP_MODE: 'demo',
  APP_KEY: process.env.APP_KEY ?? 'bench-only-key-0123456789abcdefghijklmnopqrstuvwxyz',
  DB_CONNECTION: 'mysql',
  DB_DATABASE: DB,
  REDIS_HOST: '',
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  // The bank-systems simulator would otherwise take its default port beside a running demo.
  SIMULATOR_PORT: process.env.SIMULATOR_PORT ?? String(PORT + 900),
}
const connection = {
  host: env.DB_HOST ?? '127.0.0.1',
  port: Number(env.DB_PORT ?? 3306),
  user: env.DB_USER ?? 'root',
  password: env.DB_PASSWORD ?? '',
  database: DB,
  supportBigNumbers: true,
  bigNumberStrings: true,
  dateStrings: ['DATE'],
}

const ace = (...args) => {
  const result = spawnSync('node', ['ace', ...args], { cwd: ROOT, env, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`node ace ${args.join(' ')} failed`)
}
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6
const now = () => process.hrtime.bigint()
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const f1 = (n) => n.toFixed(1)

{
  // A clean clone has no bench database yet: create it (the migrations fill it).
  const { database, ...server } = connection
  const admin = await mysql.createConnection(server)
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4`)
  await admin.end()
}

if (process.env.BENCH_GENERATE === '1') {
  ace('migration:run', '--force')
  ace('demo:seed')
  // BENCH_LOANS / BENCH_CUSTOMERS size the generated book (a 10 M book, or a small one to try the bench).
  ace(
    'demo:generate',
    '--customers',
    process.env.BENCH_CUSTOMERS ?? '100000',
    '--loans',
    process.env.BENCH_LOANS ?? '1000000'
  )
} else {
  ace('migration:run', '--force')
  // Idempotent: syncs the manifests and gives the demo roles codes added since (the ledgers').
  ace('demo:seed')
}

const sql = await mysql.createConnection(connection)
const count = async (q, b = []) => Number((await sql.query(q, b))[0][0].n)
const loans = await count('SELECT COUNT(*) AS n FROM ca_loans')
if (loans < 1000) {
  console.error(
    `${DB} has ${loans} loans: generate the book first (see the header of bench/run.mjs)`
  )
  process.exit(1)
}
if (ONLY_BATCH) {
  console.log(
    `bench · ${new Date().toISOString()} · ${cpus().length} CPU ${cpus()[0]?.model} · load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  )
  await batchDisposalBench({ root: ROOT, env, sql })
  await sql.end()
  process.exit()
}
if (ONLY_WRITE_OFF) {
  console.log(
    `bench · ${new Date().toISOString()} · ${cpus().length} CPU ${cpus()[0]?.model} · load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  )
  await writeOffBench({ root: ROOT, env, sql })
  await sql.end()
  process.exit()
}
let risk = await count('SELECT COUNT(*) AS n FROM ca_risk_assets')
if (risk < RISK_TARGET) {
  // The issue's book has 200k risk loans; the generator's rule hands over fewer.
  // Hand over the worst remaining loans directly (bulk, like the handover job).
  await sql.query(
    `INSERT INTO ca_risk_assets (loan_id, customer_id, org_id, manager_id, status, entered_on, created_at, updated_at)
     SELECT l.id, l.customer_id, l.org_id, l.manager_id, 'managed', CURDATE(), NOW(), NOW()
     FROM ca_loans l LEFT JOIN ca_risk_assets r ON r.loan_id = l.id
     WHERE r.id IS NULL ORDER BY l.overdue_days DESC, l.id LIMIT ?`,
    [RISK_TARGET - risk]
  )
  risk = await count('SELECT COUNT(*) AS n FROM ca_risk_assets')
}

// The ledgers' count and 合计 come from the snapshot step's groups: take one if there is none.
if (!(await count('SELECT COUNT(*) AS n FROM ca_book_total_runs')))
  ace('plugins:run', 'credit-assets:loan-snapshot')

const cpu = cpus()[0]?.model ?? 'unknown'
const version = (await sql.query('SELECT VERSION() AS v'))[0][0].v
console.log(
  `bench · ${new Date().toISOString()} · ${cpus().length} CPU ${cpu} · ${Math.round(totalmem() / 2 ** 30)} GB · load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} · MariaDB ${version} · Node ${process.version}`
)
console.log(`book: ${loans} loans, ${risk} risk assets (${DB})`)

/* ---- server ------------------------------------------------------------- */
if (BUILD) {
  // Compiled JS as production runs it. The build copies public/ (metaFiles) and never
  // builds the console; instead of `npm ci` in build/ it uses the checkout's node_modules.
  ace('build')
  if (!existsSync(`${ROOT}build/node_modules`))
    symlinkSync('../node_modules', `${ROOT}build/node_modules`)
}
let server
let log = ''
/** Starts the server and waits until it answers (again after stop(): a fresh process). */
async function start() {
  log = ''
  server = spawn(
    'node',
    BUILD ? ['bin/server.js'] : ['--import=ts-node-maintained/register/esm', 'bin/server.ts'],
    { cwd: BUILD ? `${ROOT}build` : ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  server.stdout.on('data', (d) => (log += d))
  server.stderr.on('data', (d) => (log += d))
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${log}`)
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break
    } catch {}
    if (i > 240) throw new Error(`server not healthy:\n${log}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}
process.on('exit', () => server.exitCode === null && server.kill('SIGKILL'))
async function stop() {
  if (server.exitCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGINT')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))])
  if (server.exitCode === null) server.kill('SIGKILL')
}
await start()
console.log(`server: ${BUILD ? 'compiled build (build/bin/server.js)' : 'ts-node (bin/server.ts)'}`)
const memory = (field) => {
  const line = readFileSync(`/proc/${server.pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field))
  return Number(line.replace(/\D+/g, '')) / 1024
}

const login = await fetch(`${BASE}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'hq_risk', password: 'Risk@12345' }),
})
const { token } = await login.json()
const headers = { authorization: `Bearer ${token}` }
const get = async (path) => {
  const response = await fetch(`${BASE}${path}`, { headers })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

/* ---- 1 + 2: ledger pages, HTTP and direct SQL ----------------------------- */
const rssStarted = memory('VmRSS')
if (!ONLY_EXPORT) {
  const FILTERS = { fiveClass: 'substandard', overdueDaysFrom: 30 }
  const PER_PAGE = 20
  const filterQs = new URLSearchParams({ ...FILTERS, perPage: PER_PAGE }).toString()

  // The statements the framework runs for 风险资产台账 with these filters (hq_risk's scope is
  // all, so no scope clause): the count, the page's keys (deferred join), the page's rows;
  // and, on its own request, the 合计 row.
  const BASE_SQL = `FROM ca_risk_assets AS r INNER JOIN ca_loans AS l ON l.id = r.loan_id
  WHERE l.five_class = ? AND l.overdue_days >= ?`
  const MONEY = [
    'amount_fen',
    'balance_fen',
    'overdue_principal_fen',
    'overdue_interest_fen',
    'penalty_interest_fen',
    'compound_interest_fen',
    'on_balance_interest_fen',
    'off_balance_interest_fen',
  ]
  const COUNT = `SELECT COUNT(*) AS row_count ${BASE_SQL}`
  const KEYS = `SELECT r.id AS __key ${BASE_SQL} ORDER BY r.entered_on DESC, r.id DESC LIMIT ? OFFSET ?`
  const ROWS = `SELECT l.loan_no AS loanNo, c.name AS customerName, c.customer_type AS customerType, o.name AS orgName,
  u.real_name AS managerName, l.product, l.five_class AS fiveClass, r.status AS riskStatus,
  ${MONEY.map((m) => `CAST(l.${m} AS CHAR) AS ${m}`).join(', ')}, l.overdue_days AS overdueDays,
  l.start_date AS startDate, l.maturity_date AS maturityDate, r.entered_on AS enteredOn, r.id AS __key
  FROM ca_risk_assets AS r INNER JOIN ca_loans AS l ON l.id = r.loan_id
  LEFT JOIN ca_customers AS c ON c.id = l.customer_id LEFT JOIN orgs AS o ON o.id = l.org_id
  LEFT JOIN users AS u ON u.id = l.manager_id
  WHERE l.five_class = ? AND l.overdue_days >= ? AND r.id IN (?)`
  const TOTALS = `SELECT COUNT(*) AS row_count, ${MONEY.map((m) => `CAST(COALESCE(SUM(l.${m}), 0) AS CHAR) AS sum_${m}`).join(', ')} ${BASE_SQL}`
  const binds = [FILTERS.fiveClass, FILTERS.overdueDaysFrom]

  async function measure(label, run, times = REQUESTS) {
    for (let i = 0; i < 5; i++) await run() // warm-up: JIT, connection pools, buffer pool
    const spent = []
    for (let i = 0; i < times; i++) {
      const start = now()
      await run()
      spent.push(ms(start))
    }
    return { label, p50: pct(spent, 50), p95: pct(spent, 95) }
  }

  const results = []
  let total = 0
  // Page 500, or the last full page of a smaller book.
  const { meta } = await get(`/api/ledgers/risk-assets/rows?${filterQs}&page=1`)
  const deep = Math.max(2, Math.min(500, Math.floor(meta.total / PER_PAGE)))
  for (const page of [1, deep]) {
    const http = await measure(`HTTP page ${page}`, async () => {
      const body = await get(`/api/ledgers/risk-assets/rows?${filterQs}&page=${page}`)
      total = body.meta.total
      if (page === deep && body.data.length === 0) throw new Error(`page ${deep} is empty`)
    })
    const direct = await measure(`SQL  page ${page}`, async () => {
      const [, [keys]] = await Promise.all([
        sql.query(COUNT, binds),
        sql.query(KEYS, [...binds, PER_PAGE, (page - 1) * PER_PAGE]),
      ])
      await sql.query(ROWS, [...binds, keys.map((k) => k.__key)])
    })
    results.push({ page, http, direct })
  }
  const TOTAL_RUNS = Math.max(5, Math.round(REQUESTS / 5))
  const httpTotals = await measure(
    'HTTP totals',
    () => get(`/api/ledgers/risk-assets/totals?${filterQs}`),
    TOTAL_RUNS
  )
  const sqlTotals = await measure('SQL totals', () => sql.query(TOTALS, binds), TOTAL_RUNS)

  console.log(
    `\n1-2. 风险资产台账, filters fiveClass=substandard & overdueDays≥30 (${total} rows), ${REQUESTS} requests each`
  )
  for (const { page, http, direct } of results) {
    console.log(
      `  page ${String(page).padStart(3)}: HTTP p50 ${f1(http.p50)} ms  p95 ${f1(http.p95)} ms | mysql2 p50 ${f1(direct.p50)} ms  p95 ${f1(direct.p95)} ms | ratio p50 ${(http.p50 / direct.p50).toFixed(2)}×  p95 ${(http.p95 / direct.p95).toFixed(2)}×`
    )
  }
  console.log(
    `  合计 row (${TOTAL_RUNS} requests): HTTP p50 ${f1(httpTotals.p50)} ms  p95 ${f1(httpTotals.p95)} ms | mysql2 p50 ${f1(sqlTotals.p50)} ms  p95 ${f1(sqlTotals.p95)} ms`
  )
}

if (!ONLY_EXPORT) await viewsBench({ base: BASE, connection, requests: REQUESTS })
if (ONLY_VIEWS) {
  await stop()
  await sql.end()
  process.exit()
}

/* ---- 3: 100k- and 200k-row exports ---------------------------------------- */
const EXPORT_ROWS = 100_000
// Without filters the ledger has every risk asset; a balance floor trims it near 100k rows.
const bound = (
  await sql.query(
    `SELECT CAST(l.balance_fen AS CHAR) AS b FROM ca_risk_assets r JOIN ca_loans l ON l.id = r.loan_id
     ORDER BY l.balance_fen DESC LIMIT 1 OFFSET ?`,
    [Math.min(EXPORT_ROWS, risk) - 1]
  )
)[0][0].b
const floorYuan = `${bound.slice(0, -2) || '0'}.${bound.slice(-2).padStart(2, '0')}`
console.log(`\n3. xlsx exports (server RSS after start ${Math.round(rssStarted)} MB)`)
/**
 * One export job, its seconds and the server's RSS before it and at its peak. `fresh`
 * restarts the server first: V8 keeps the heap an earlier export grew, so a second
 * export in the same process would not show its own peak.
 */
async function exportRun(label, filters, fresh) {
  if (fresh) {
    await stop()
    await start()
  }
  const rssBefore = memory('VmRSS')
  const started = now()
  const queued = await fetch(`${BASE}/api/ledgers/risk-assets/exports`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(filters),
  })
  const { jobId } = await queued.json()
  let job
  for (;;) {
    job = await get(`/api/jobs/${jobId}`)
    if (job.status === 'completed' || job.status === 'failed') break
    await new Promise((r) => setTimeout(r, 200))
  }
  const seconds = ms(started) / 1000
  if (job.status !== 'completed') throw new Error(`export failed: ${job.error}`)
  const peak = memory('VmHWM')
  console.log(
    `  ${label}, ${job.result.rows} rows: ${seconds.toFixed(1)} s; server RSS before ${Math.round(rssBefore)} MB, peak ${Math.round(peak)} MB (+${Math.round(peak - rssBefore)} MB)`
  )
}
await exportRun('balance floor', { balanceFrom: floorYuan }, false)
// Every risk asset (the 200k book), in a fresh server: its peak should equal the 100k one's.
await exportRun('no filter, fresh server', {}, true)

/* ---- 4: snapshot vs plain INSERT … SELECT -------------------------------- */
await stop()
if (!ONLY_EXPORT) {
  const DATE = '2000-01-03' // a date of its own, deleted afterwards
  const snapStart = now()
  const snapshotRun = spawnSync(
    'node',
    [
      'ace',
      'plugins:run',
      'credit-assets:loan-snapshot',
      '--payload',
      JSON.stringify({ businessDate: DATE }),
    ],
    { cwd: ROOT, env, encoding: 'utf8' }
  )
  if (snapshotRun.status !== 0) throw new Error(`snapshot job failed:\n${snapshotRun.stderr}`)
  const snapshotSeconds = ms(snapStart) / 1000
  // The job's own timing (its result `ms`), without the process start.
  const jobMs = Number(/"ms":\s*(\d+)/.exec(snapshotRun.stdout)?.[1] ?? Number.NaN)
  const snapRows = await count(
    'SELECT COUNT(*) AS n FROM ca_loan_snapshots WHERE snapshot_date = ?',
    [DATE]
  )
  await sql.query('DROP TABLE IF EXISTS bench_plain_snapshot')
  await sql.query('CREATE TABLE bench_plain_snapshot LIKE ca_loan_snapshots')
  const plainStart = now()
  await sql.query(
    `INSERT INTO bench_plain_snapshot (snapshot_date, loan_id, customer_id, org_id, manager_id, product, five_class, status,
     balance_fen, overdue_days, overdue_principal_fen, overdue_interest_fen, penalty_interest_fen, compound_interest_fen,
     on_balance_interest_fen, off_balance_interest_fen, risk_status)
   SELECT ?, l.id, l.customer_id, l.org_id, l.manager_id, l.product, l.five_class, l.status, l.balance_fen, l.overdue_days,
     l.overdue_principal_fen, l.overdue_interest_fen, l.penalty_interest_fen, l.compound_interest_fen,
     l.on_balance_interest_fen, l.off_balance_interest_fen, r.status
   FROM ca_loans l LEFT JOIN ca_risk_assets r ON r.loan_id = l.id`,
    [DATE]
  )
  const plainSeconds = ms(plainStart) / 1000
  await sql.query('DROP TABLE bench_plain_snapshot')
  // With its groups: the newest groups answer the live 合计 (snapshots/book_totals.ts).
  for (const table of ['ca_loan_snapshots', 'ca_book_totals', 'ca_book_total_runs'])
    await sql.query(`DELETE FROM ${table} WHERE snapshot_date = ?`, [DATE])
  const jobSeconds = Number.isFinite(jobMs) ? jobMs / 1000 : snapshotSeconds
  console.log(
    `\n4. snapshot of ${snapRows} loans: job ${jobSeconds.toFixed(1)} s (${snapshotSeconds.toFixed(1)} s with process start) | plain INSERT … SELECT ${plainSeconds.toFixed(1)} s | ratio ${(jobSeconds / plainSeconds).toFixed(2)}×`
  )
}
// 5. the 10 000-loan 批量核销 (its own web + worker processes on BullMQ).
await writeOffBench({ root: ROOT, env, sql })
// 6. the 50 000-loan 批量转让 (its own web + worker processes on BullMQ).
await batchDisposalBench({ root: ROOT, env, sql })
await sql.end()
