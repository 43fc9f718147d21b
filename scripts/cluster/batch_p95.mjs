/*
| `npm run cluster:batch-p95` (cluster up): online 台账 latency while a batch runs.
| The load command (bench/load.mjs, LOAD_ROUTES=台账: default page, 合计, filtered
| page, an export now and then) runs through the proxy for LOAD_SECONDS, first
| with nothing else running (baseline), then right after the 批复 of a 批量核销 of
| BATCH_LOANS (10,000) loans — while the batch lane executes it on the workers and
| the outbox delivers its 30,000 postings. Prints both runs' per-route p95 side by
| side, where the batch was when the load stopped, and the postings counted at the
| simulator (lost, doubled).
*/
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import mysql from 'mysql2/promise'
import { buildPlan, outboxOf, countAtSimulator } from './batch_plan.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '../..')
const LOANS = Number(process.env.BATCH_LOANS ?? 10_000)
const BASE = process.env.LOAD_URL ?? `http://127.0.0.1:${process.env.CLUSTER_PORT ?? 3340}`
const SIM = `http://127.0.0.1:${process.env.CLUSTER_SIMULATOR_PORT ?? 4300}/__sim`
const SECONDS = process.env.LOAD_SECONDS ?? '40'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const sql = mysql.createPool({ host: '127.0.0.1', port: 3310, user: 'root', database: 'ram_cluster', connectionLimit: 2 })

async function http(method, path, body, token) {
  const res = await fetch(path.startsWith('http') ? path : `${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}
const login = async (username, password) => (await http('POST', '/api/auth/login', { username, password })).token

/** bench/load.mjs on the 台账 routes; its per-route lines. */
function ledgerLoad() {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [join(ROOT, 'bench/load.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOAD_URL: BASE,
        LOAD_ROUTES: '台账',
        LOAD_USERS: process.env.LOAD_USERS ?? '10',
        LOAD_THINK_MS: process.env.LOAD_THINK_MS ?? '200',
        LOAD_SECONDS: SECONDS,
        LOAD_BASELINE_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (code) => (code ? reject(new Error(`load exited ${code}\n${out}`)) : resolve(out)))
  })
}
const routeLines = (out) => out.split('\n').filter((l) => /^\| |^mix:/.test(l))

const admin = await login('admin', 'Admin@12345')
const asset = await login('bj_asset', 'Asset@12345')
const TUNING = {
  'system.outbox.claimTtlSeconds': '10',
  'system.outbox.backoffSeconds': '1',
  'system.outbox.concurrency': '16',
  'system.outbox.batchItems': '100',
}
const [savedRows] = await sql.query('SELECT `key`, value, default_value FROM settings WHERE `key` IN (?)', [Object.keys(TUNING)])
const putSetting = (key, value) => http('PUT', `/api/system/settings/${encodeURIComponent(key)}`, { value }, admin)
for (const [key, value] of Object.entries(TUNING)) await putSetting(key, value)
await http('POST', `${SIM}/reset`)

console.log(`baseline: ${SECONDS} s of 台账 load, nothing else running (load average ${loadavg()[0].toFixed(1)})`)
const baseline = await ledgerLoad()

const { planId, loans } = await buildPlan(sql, LOANS)
const reply = await http('POST', `/api/write-off/plans/${planId}/reply`,
  { repliedOn: new Date().toISOString().slice(0, 10), replyText: '同意批量核销（联机延迟测量）' }, asset)
const started = Date.now()
console.log(`batch: plan ${planId}, ${loans} loans, 批复 issued (job ${reply.jobId}); the same load now (load average ${loadavg()[0].toFixed(1)})`)
const during = await ledgerLoad()
const atEnd = await http('GET', `/api/jobs/${reply.jobId}`, null, asset)
const outboxAtEnd = await outboxOf(sql, planId)

let executedAfter = null
for (let i = 0; i < 1800; i++) {
  const job = await http('GET', `/api/jobs/${reply.jobId}`, null, asset)
  if (job.status === 'completed' && executedAfter === null) executedAfter = (Date.now() - started) / 1000
  if (job.status === 'failed') throw new Error(`reply job failed: ${job.error}`)
  const states = await outboxOf(sql, planId)
  const total = Object.values(states).reduce((a, b) => a + b, 0)
  if (executedAfter !== null && total > 0 && (states.sent ?? 0) === total) break
  await sleep(1000)
}
const acknowledgedAfter = (Date.now() - started) / 1000
const counts = await countAtSimulator(sql, planId, await http('GET', `${SIM}/stats`))
for (const row of savedRows) await putSetting(row.key, row.value ?? row.default_value)
await sql.end()

console.log('\n=== 台账 p95 with and without a batch write-off running')
console.log('--- baseline'); for (const l of routeLines(baseline)) console.log(l)
console.log(`--- during the batch (when the load stopped: job ${atEnd.status} ${atEnd.progress} %, outbox ${JSON.stringify(outboxAtEnd)})`)
for (const l of routeLines(during)) console.log(l)
console.log(`batch: executed after ${executedAfter?.toFixed(1)} s, all ${counts.owed} postings acknowledged after ${acknowledgedAfter.toFixed(1)} s; at the simulator lost ${counts.lost}, doubled ${counts.doubled}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
process.exit(counts.lost === 0 && counts.doubled === 0 ? 0 : 1)
