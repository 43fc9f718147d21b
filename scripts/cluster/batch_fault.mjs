/*
| `npm run cluster:fault` (fault.sh runs this; the cluster must be up): a 批量核销
| whose postings to core banking go through the outbox — FAULT_LOANS loans
| (default 3,334 → 10,002 postings; `--short` 1,000 → 3,000) — while a steady
| signed-in load runs through the proxy (load_probe.mjs), and meanwhile, one at a
| time, kill -9 of one worker, the Galera writer, one app node and the Redis
| primary, each brought back by `npm run cluster` (heal mode), and core banking
| down for 20 s (every request 500: the breaker opens, the outbox catches up). Core banking is
| slowed and made to fail during the faults (simulator latency, 500s and late
| answers after applying), so delivery is still under way at every kill; then
| the faults are lifted and the outbox catches up.
|
| Prints, counted at the simulator by idempotency key: postings owed, applied,
| lost, doubled; the probe's answers (5xx by path, network errors); each kill's
| window; the Galera node's rejoin (IST or SST, from its log). Exit 1 when a
| posting is lost or doubled.
*/
import { spawn, execFileSync } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import mysql from 'mysql2/promise'
import { buildPlan, outboxOf, countAtSimulator } from './batch_plan.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const STATE = join(HERE, '../../tmp/cluster')
const SHORT = process.argv.includes('--short')
const LOANS = Number(process.env.FAULT_LOANS ?? (SHORT ? 1000 : 3334))
const BASE = `http://127.0.0.1:${process.env.CLUSTER_PORT ?? 3340}`
const SIM = `http://127.0.0.1:${process.env.CLUSTER_SIMULATOR_PORT ?? 4300}/__sim`
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const t0 = Date.now()
const at = () => ((Date.now() - t0) / 1000).toFixed(1)
const log = (...a) => console.log(`[fault ${at()}s]`, ...a)

// The script's own reads go through HAProxy too and ride out the faults by retrying.
const pool = mysql.createPool({
  host: '127.0.0.1',
  port: 3310,
  user: 'root',
  database: 'ram_cluster',
  connectionLimit: 2,
  supportBigNumbers: true,
  bigNumberStrings: true,
})
const sql = {
  async query(text, params) {
    for (let i = 1; ; i++) {
      try {
        return await pool.query(text, params)
      } catch (error) {
        // A server's answer (1xxx) is final, except a deadlock or a node not ready; a lost connection is not.
        const server = error.errno >= 1000 && error.errno < 2000 && ![1213, 1205, 1047].includes(error.errno)
        if (i >= 30 || server) throw error
        await sleep(1000)
      }
    }
  },
}

async function http(method, url, body, token) {
  for (let i = 1; ; i++) {
    try {
      const res = await fetch(url, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      })
      const text = await res.text()
      // A GET may be asked again; a POST is answered once (never replayed by us either).
      if (res.status >= 500 && method === 'GET' && i < 30) throw new Error(`${res.status}`)
      if (!res.ok) throw Object.assign(new Error(`${method} ${url}: ${res.status} ${text}`), { final: true })
      return text ? JSON.parse(text) : null
    } catch (error) {
      if (error.final || (method !== 'GET' && i >= 3) || i >= 30) throw error
      await sleep(1000)
    }
  }
}
const login = async (username, password) =>
  (await http('POST', `${BASE}/api/auth/login`, { username, password })).token

const pidOf = (name) => Number(readFileSync(join(STATE, 'pids', `${name}.pid`), 'utf8'))
const heal = () =>
  execFileSync('bash', [join(HERE, 'start.sh')], {
    env: { ...process.env, CLUSTER_HEAL: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString()
const redisRole = (port) => {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'role'], { stdio: 'pipe' }).toString().split('\n')[0]
  } catch {
    return 'down'
  }
}
const galeraSize = (port) => {
  try {
    return execFileSync('mariadb', ['-h127.0.0.1', `-P${port}`, '-uroot', '-N', '-e', "SHOW STATUS LIKE 'wsrep_cluster_size'"])
      .toString().trim().split(/\s+/)[1]
  } catch {
    return 'down'
  }
}
/** How galera1 came back: the lines of its log since the restart that name IST or SST. */
function rejoinOf(logSizeBefore) {
  const file = join(STATE, 'run', 'galera1.err')
  if (!existsSync(file)) return 'no log'
  const text = readFileSync(file, 'utf8').slice(logSizeBefore)
  if (/IST received|Receiving IST|IST.*complete/i.test(text)) return 'IST'
  if (/SST.*complete|SST received|Prepared SST/i.test(text)) return 'SST'
  return 'neither IST nor SST seen in the log'
}

/* ---- set up --------------------------------------------------------------------- */
const admin = await login('admin', 'Admin@12345')
const asset = await login('bj_asset', 'Asset@12345')
// Operator's batch tuning (as the write-off bench): short claims, quick back-off, never dead.
const TUNING = {
  'system.outbox.claimTtlSeconds': '10',
  'system.outbox.backoffSeconds': '1',
  'system.outbox.maxAttempts': '1000',
  'system.outbox.concurrency': '4',
  'system.outbox.batchItems': '20',
}
const [savedRows] = await sql.query('SELECT `key`, value, default_value FROM settings WHERE `key` IN (?)', [Object.keys(TUNING)])
const saved = Object.fromEntries(savedRows.map((r) => [r.key, r.value ?? r.default_value]))
const putSetting = (key, value) =>
  http('PUT', `${BASE}/api/system/settings/${encodeURIComponent(key)}`, { value }, admin)
for (const [key, value] of Object.entries(TUNING)) await putSetting(key, value)

await http('POST', `${SIM}/reset`)
const slow = {
  errorRate: 0.1,
  timeoutRate: 0.01,
  hangMs: 12_000,
  latencyMs: Number(process.env.FAULT_SIM_LATENCY_MS ?? (SHORT ? 300 : 500)),
}
await http('POST', `${SIM}/faults`, { system: 'core-banking', ...slow })
const { planId, loans, tag } = await buildPlan(sql, LOANS)
log(`plan ${planId} (${tag}): ${loans} loans built; core banking slowed ${JSON.stringify(slow)}`)

const probeOut = join(STATE, 'probe.json')
const probe = spawn('node', [join(HERE, 'load_probe.mjs'), BASE, '8', probeOut], { stdio: 'inherit' })
await sleep(3000)

const reply = await http('POST', `${BASE}/api/write-off/plans/${planId}/reply`,
  { repliedOn: new Date().toISOString().slice(0, 10), replyText: '同意批量核销（集群故障演练）' }, asset)
const job = () => http('GET', `${BASE}/api/jobs/${reply.jobId}`, null, asset)
log(`批复 issued: job ${reply.jobId}`)

/* ---- the faults, one at a time ---------------------------------------------------- */
const steps = []
async function step(name, target, settleMs, extra = async () => ({})) {
  const j = await job()
  const before = { progress: j.progress, status: j.status, outbox: await outboxOf(sql, planId) }
  const logSize = existsSync(join(STATE, 'run', 'galera1.err')) ? readFileSync(join(STATE, 'run', 'galera1.err')).length : 0
  const killedAt = Date.now()
  process.kill(pidOf(target), 'SIGKILL')
  log(`kill -9 ${target} (${name}) at job ${before.status} ${before.progress} %, outbox ${JSON.stringify(before.outbox)}`)
  await sleep(settleMs)
  const during = await extra('down')
  heal()
  const healedAt = Date.now()
  const after = await extra('up', logSize)
  const s = { name, target, from: ((killedAt - t0) / 1000).toFixed(1), to: ((healedAt - t0) / 1000).toFixed(1), before, ...during, ...after }
  log(`${target} back after ${((healedAt - killedAt) / 1000).toFixed(1)} s ${JSON.stringify({ ...during, ...after })}`)
  steps.push(s)
}

// The worker first, while the reply job executes (it may hold the job: BullMQ's stalled check hands it on).
for (let i = 0; i < 300 && (await job()).progress < 20 && (await job()).status !== 'completed'; i++) await sleep(500)
await step('one queue worker', 'worker1', 8000)
// A network fault to core banking: every request answered 500 for 20 s — the breaker opens
// (calls refused without being sent, costing no attempt), then the outbox catches up.
{
  const [[{ id: lastCall }]] = await sql.query('SELECT COALESCE(MAX(id), 0) AS id FROM connector_calls')
  const before = await outboxOf(sql, planId)
  const from = at()
  await http('POST', `${SIM}/faults`, { system: 'core-banking', errorRate: 1 })
  log(`core banking down (every request 500) for 20 s, outbox ${JSON.stringify(before)}`)
  await sleep(20_000)
  await http('POST', `${SIM}/faults`, { system: 'core-banking', ...slow })
  const [[kinds]] = await sql.query(
    `SELECT SUM(error_kind = 'breaker_open') AS refused, SUM(error_kind = 'http') AS failed
     FROM connector_calls WHERE id > ? AND system_code = 'core-banking'`,
    [lastCall]
  )
  const breaker = { refusedByOpenBreaker: Number(kinds.refused ?? 0), answered500: Number(kinds.failed ?? 0) }
  log(`core banking back: ${JSON.stringify(breaker)}, outbox ${JSON.stringify(await outboxOf(sql, planId))}`)
  steps.push({ name: 'core banking down (all 500)', target: 'core-banking', from, to: at(), before: { progress: (await job()).progress, outbox: before }, breaker })
}
await step('the Galera writer', 'galera1', 10_000, async (phase, logSize) =>
  phase === 'down'
    ? { sizeWhileDown: galeraSize(3312) }
    : { sizeAfter: galeraSize(3311), rejoin: rejoinOf(logSize) })
await step('one app node', 'app2', 8000)
const primary = redisRole(6392) === 'master' ? 'redis-replica' : 'redis-primary'
await step('the Redis primary', primary, 15_000, async (phase) =>
  phase === 'down'
    ? { promoted: redisRole(6391) === 'master' ? 6391 : redisRole(6392) === 'master' ? 6392 : 'none' }
    : { oldPrimaryNow: redisRole(primary === 'redis-primary' ? 6391 : 6392) })

/* ---- catch up and count ------------------------------------------------------------ */
await http('POST', `${SIM}/faults`, { system: 'core-banking', errorRate: 0, timeoutRate: 0, latencyMs: 0 })
log('faults lifted: the outbox catches up')
let states = {}
let finalJob = null
for (let i = 0; ; i++) {
  finalJob = await job()
  states = await outboxOf(sql, planId)
  const total = Object.values(states).reduce((a, b) => a + b, 0)
  if (finalJob.status === 'completed' && total > 0 && (states.sent ?? 0) === total) break
  if (finalJob.status === 'failed' || i > 600) break
  await sleep(1000)
}
log(`job ${finalJob.status} ${finalJob.progress} %, outbox ${JSON.stringify(states)}`)
await sleep(3000)
probe.kill('SIGTERM')
await new Promise((r) => probe.once('exit', r))
const load = JSON.parse(readFileSync(probeOut, 'utf8'))
const counts = await countAtSimulator(sql, planId, await http('GET', `${SIM}/stats`))
for (const [key, value] of Object.entries(saved)) await putSetting(key, value)
await pool.end()

console.log(`\n=== cluster fault run: ${loans} loans, ${counts.owed} postings, ${at()} s, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
for (const s of steps)
  console.log(`  ${s.name} (${s.target}) killed ${s.from}–${s.to} s at job ${s.before.progress} %, sent ${s.before.outbox.sent ?? 0}` +
    (s.rejoin ? ` | cluster size while down ${s.sizeWhileDown}, after ${s.sizeAfter}, rejoined by ${s.rejoin}` : '') +
    (s.promoted ? ` | sentinels promoted ${s.promoted}, old primary now ${s.oldPrimaryNow}` : '') +
    (s.breaker ? ` | ${s.breaker.answered500} posting calls answered 500, ${s.breaker.refusedByOpenBreaker} refused by the open breaker` : ''))
console.log(`  postings at the simulator: owed ${counts.owed}, applied ${counts.applied}, LOST ${counts.lost}, DOUBLED ${counts.doubled} ${JSON.stringify(counts.doubledDetail)}`)
console.log(`  repeats refused by key ${counts.repeatsRefusedByKey}, posting requests ${counts.postingRequests}, injected ${JSON.stringify(counts.injected)}, items executed ${counts.itemsExecuted}`)
// Each failure of the probe falls in a fault's window (kill → back, plus 5 s for the proxy) or not.
const windows = steps.map((s) => ({ name: s.target, from: t0 + s.from * 1000, to: t0 + s.to * 1000 + 5000, counts: {} }))
const outside = {}
for (const f of load.failures ?? []) {
  const t = Date.parse(f.at)
  const bucket = windows.find((w) => t >= w.from && t <= w.to)?.counts ?? outside
  const key = f.status ? `${f.status} ${f.path}` : `network ${f.path}`
  bucket[key] = (bucket[key] ?? 0) + 1
}
for (const w of windows) console.log(`  probe failures while ${w.name} was down: ${JSON.stringify(w.counts)}`)
console.log(`  probe failures outside the fault windows: ${JSON.stringify(outside)}`)
console.log(`  probe: ${load.requests} requests, ${load.ok} ok, 5xx ${load.status5xx} ${JSON.stringify(load.byPath5xx ?? {})}, network errors ${load.network}, 4xx ${load.status4xx}`)
console.log(JSON.stringify({ planId, loans, counts, steps, load: { ...load, failures: undefined }, windows: windows.map((w) => ({ ...w, from: undefined, to: undefined })), outside }))
process.exit(counts.lost === 0 && counts.doubled === 0 && finalJob.status === 'completed' ? 0 : 1)
