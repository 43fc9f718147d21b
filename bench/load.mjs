#!/usr/bin/env node
/*
| `npm run load` — a bounded load test on loopback (docs/performance.md records its figures).
|
| N signed-in users of the demo bank's roles and scopes (hq_risk 全部, bj_asset 北京分行及下级,
| bj_cy_am 仅本人, auditor, admin), each with its own session, loop over a mix of what a clerk
| does — the risk-asset list, the 风险资产台账 (default page, its 合计, a filtered page),
| 客户视图 search, 综合查询, 待办 (approvals), unread counts, deadlines, an export now and then —
| with an exponential think time between requests. Routes an account may not use (403 at the
| probe) are left out of its mix. Then a bare route (`/api/health`, no session, no think time)
| under the same number of connections, as the baseline of the same run.
|
| Prints per route: requests, throughput, p50/p95/p99 and errors; the load average before and after.
|
| Bounded: LOAD_SECONDS (60) and LOAD_MAX_REQUESTS (50 000) for the mix, LOAD_BASELINE_SECONDS (10)
| for the baseline. LOAD_USERS (50), LOAD_THINK_MS (mean think time, 1000; 0 = closed loop),
| LOAD_URL (a running server, loopback only; default: start one like the bench does, against
| DB_DATABASE (ram_bench) on LOAD_PORT (3392), in demo mode with the in-process queue).
| LOAD_ROUTES=me,台账 keeps only the routes whose names contain one of the words (saturation runs).
| LOAD_STEPS=10,20,40,80 then finds one node's saturation point: the same mix closed-loop with that
| many connections, LOAD_STEP_SECONDS (20) each, and the req/s at which p99 reaches 1 s.
| The issue's run: LOAD_USERS=200 LOAD_THINK_MS=6500 LOAD_SECONDS=600 (about 30 requests/s in all).
| No dependencies: Node's http with a keep-alive Agent.
*/
import http from 'node:http'
import { loadavg } from 'node:os'
import { startServer } from './server.mjs'

const USERS = Number(process.env.LOAD_USERS ?? 50)
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60)
const MAX_REQUESTS = Number(process.env.LOAD_MAX_REQUESTS ?? 50_000)
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 1000)
const BASELINE_SECONDS = Number(process.env.LOAD_BASELINE_SECONDS ?? 10)

const ACCOUNTS = [
  // [username, password, share of the users]
  ['hq_risk', 'Risk@12345', 3],
  ['bj_asset', 'Asset@12345', 3],
  ['bj_cy_am', 'Manager@12345', 3],
  ['auditor', 'Audit@12345', 1],
  ['admin', 'Admin@12345', 1],
]

const KEYWORDS = ['JJ0000', '公司', '张', 'JJ00012', '科技', '李']
const pickOne = (items) => items[Math.floor(Math.random() * items.length)]
const QUERY_BODY = () => ({
  query: {
    dataset: 'credit-assets:risk-assets',
    fields: QUERY_FIELDS,
    sort: [{ field: pickOne(QUERY_FIELDS), order: 'desc' }],
  },
  page: 1,
  // Varies the body: the repeat-submit guard refuses the same body twice in 2 s.
  perPage: 20 + Math.floor(Math.random() * 40),
})
let QUERY_FIELDS = []

/** The mix: [name, weight, request]; weights are shares of a user's requests. */
const ROUTES = [
  ['GET /api/me', 10, () => ['GET', '/api/me']],
  ['GET unread counts', 10, () => ['GET', '/api/messages/unread-count']],
  ['GET 待办 (approvals)', 8, () => ['GET', '/api/workflow/tasks?page=1&perPage=20']],
  ['GET deadlines', 4, () => ['GET', '/api/deadlines/mine']],
  ['GET risk-asset list', 12, () => ['GET', '/api/credit-assets/risk-assets?page=1&perPage=20']],
  [
    'GET risk-asset list, filtered',
    4,
    () => [
      'GET',
      `/api/credit-assets/risk-assets?page=1&perPage=20&fiveClass=${pickOne(['substandard', 'doubtful', 'loss'])}`,
    ],
  ],
  ['GET 台账 default page', 12, () => ['GET', '/api/ledgers/risk-assets/rows?page=1&perPage=20']],
  ['GET 台账 合计', 6, () => ['GET', '/api/ledgers/risk-assets/totals']],
  [
    'GET 台账 filtered page',
    4,
    () => [
      'GET',
      `/api/ledgers/risk-assets/rows?page=1&perPage=20&fiveClass=substandard&overdueDaysFrom=${pickOne([30, 60, 90])}`,
    ],
  ],
  [
    'GET 客户视图 search',
    8,
    () => [
      'GET',
      `/api/customer-view/customers?page=1&perPage=20&keyword=${encodeURIComponent(pickOne(KEYWORDS))}`,
    ],
  ],
  ['POST 综合查询 run', 4, () => ['POST', '/api/query/run', QUERY_BODY()]],
  [
    'POST 台账 export',
    0.5,
    () => [
      'POST',
      '/api/ledgers/risk-assets/exports',
      { fiveClass: 'loss', overdueDaysFrom: 1000 + Math.floor(Math.random() * 1000) },
    ],
  ],
]

const pct = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : NaN
const f1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—')
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

let server = null
let base = process.env.LOAD_URL
if (!base) {
  server = await startServer({ port: Number(process.env.LOAD_PORT ?? 3392) })
  base = server.base
}
const url = new URL(base)
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname))
  throw new Error(`LOAD_URL must be loopback, not ${url.hostname}`)

const agent = new http.Agent({ keepAlive: true, maxSockets: USERS + 10 })

/** One request; resolves with status and milliseconds (never rejects). */
function request(method, path, { token, body } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint()
    const data = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            text: Buffer.concat(chunks).toString('utf8'),
          })
        )
      }
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) =>
      resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6, text: e.message })
    )
    if (data) req.write(data)
    req.end()
  })
}

// LOAD_ROUTES: only the routes whose names contain one of these comma-separated words.
const only = (process.env.LOAD_ROUTES ?? '').split(',').filter(Boolean)
if (only.length)
  ROUTES.splice(0, ROUTES.length, ...ROUTES.filter((r) => only.some((w) => r[0].includes(w))))

/* ---- sign in: one session per virtual user --------------------------------- */
const totalShares = ACCOUNTS.reduce((s, a) => s + a[2], 0)
const plan = []
for (const [username, password, share] of ACCOUNTS)
  for (let i = 0; i < Math.max(1, Math.round((USERS * share) / totalShares)); i++)
    plan.push({ username, password })
plan.length = Math.min(plan.length, USERS)

const users = []
for (let i = 0; i < plan.length; i += 4) {
  const batch = await Promise.all(
    plan.slice(i, i + 4).map(async (u) => {
      const res = await request('POST', '/api/auth/login', {
        body: { username: u.username, password: u.password },
      })
      if (res.status !== 200)
        throw new Error(`sign-in ${u.username}: ${res.status} ${res.text.slice(0, 200)}`)
      return { ...u, token: JSON.parse(res.text).token }
    })
  )
  users.push(...batch)
}

// 综合查询's fields: the first few of the dataset the catalogue offers.
{
  const res = await request('GET', '/api/query/catalogue', { token: users[0].token })
  const datasets = res.status === 200 ? JSON.parse(res.text) : []
  const list = Array.isArray(datasets) ? datasets : (datasets.datasets ?? [])
  const ds = list.find((d) => d.id === 'credit-assets:risk-assets')
  QUERY_FIELDS = (ds?.fields ?? []).slice(0, 8).map((f) => f.id)
}

/* ---- probe: which routes each account may use ------------------------------ */
const allowed = new Map()
for (const username of new Set(users.map((u) => u.username))) {
  const token = users.find((u) => u.username === username).token
  const routes = []
  for (const route of ROUTES) {
    const [method, path, body] = route[2]()
    if (method === 'POST' && path.endsWith('/exports')) {
      // Probing would queue an export; the permission decides instead (GET the definition).
      const res = await request('GET', '/api/ledgers/risk-assets', { token })
      if (res.status === 200 && JSON.parse(res.text).canExport) routes.push(route)
      continue
    }
    const res = await request(method, path, { token, body })
    if (res.status === 200 || res.status === 201) routes.push(route)
    else if (res.status !== 403)
      console.log(`  probe ${username} ${route[0]}: ${res.status} ${res.text.slice(0, 120)}`)
  }
  allowed.set(username, routes)
}

console.log(
  `load · ${new Date().toISOString()} · ${base} · ${users.length} users (${ACCOUNTS.map(([u]) => `${u} ${users.filter((x) => x.username === u).length}`).join(', ')}) · think ${THINK_MS} ms · ${SECONDS} s or ${MAX_REQUESTS} requests · load ${load()}`
)
for (const [username, routes] of allowed)
  console.log(`  ${username}: ${routes.map((r) => r[0]).join(' · ')}`)

/* ---- the mix ------------------------------------------------------------------ */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Runs `who` through the mix for `seconds` (or until MAX_REQUESTS); per-route stats. */
async function runMix(who, seconds, thinkMs) {
  const stats = new Map()
  const record = (name, res) => {
    let s = stats.get(name)
    if (!s) stats.set(name, (s = { ms: [], errors: 0, codes: {} }))
    s.ms.push(res.ms)
    if (res.status < 200 || res.status >= 400) {
      s.errors++
      s.codes[res.status] = (s.codes[res.status] ?? 0) + 1
    }
  }
  let sent = 0
  const deadline = Date.now() + seconds * 1000
  const think = () => (thinkMs > 0 ? -Math.log(1 - Math.random()) * thinkMs : 0)
  const virtualUser = async (user) => {
    const routes = allowed.get(user.username)
    const weight = routes.reduce((s, r) => s + r[1], 0)
    await sleep(Math.random() * Math.max(thinkMs, 100)) // spread the start
    while (Date.now() < deadline && sent < MAX_REQUESTS) {
      let roll = Math.random() * weight
      const route = routes.find((r) => (roll -= r[1]) < 0) ?? routes[0]
      const [method, path, body] = route[2]()
      sent++
      record(route[0], await request(method, path, { token: user.token, body }))
      await sleep(think())
    }
  }
  const start = Date.now()
  await Promise.all(who.map(virtualUser))
  return { stats, seconds: (Date.now() - start) / 1000 }
}

/** Every route's samples in one. */
const merged = (stats) => {
  const all = { ms: [], errors: 0, codes: {} }
  for (const s of stats.values()) {
    all.ms.push(...s.ms)
    all.errors += s.errors
    for (const [c, n] of Object.entries(s.codes)) all.codes[c] = (all.codes[c] ?? 0) + n
  }
  return all
}

const loadBefore = load()
const { stats, seconds: mixSeconds } = await runMix(users, SECONDS, THINK_MS)
const loadAfter = load()

/* ---- baseline: a bare route under the same connections, no think time -------- */
const baseline = { ms: [], errors: 0, codes: {} }
const baseDeadline = Date.now() + BASELINE_SECONDS * 1000
const baseStart = Date.now()
await Promise.all(
  users.map(async () => {
    while (Date.now() < baseDeadline) {
      const res = await request('GET', '/api/health')
      baseline.ms.push(res.ms)
      if (res.status !== 200) baseline.errors++
    }
  })
)
const baseSeconds = (Date.now() - baseStart) / 1000

/* ---- report ------------------------------------------------------------------- */
const line = (name, s, seconds) => {
  const sorted = [...s.ms].sort((a, b) => a - b)
  const codes = Object.entries(s.codes)
    .map(([c, n]) => `${c}×${n}`)
    .join(' ')
  return `| ${name.padEnd(30)} | ${String(sorted.length).padStart(6)} | ${(sorted.length / seconds).toFixed(1).padStart(7)} | ${f1(pct(sorted, 50)).padStart(7)} | ${f1(pct(sorted, 95)).padStart(7)} | ${f1(pct(sorted, 99)).padStart(7)} | ${String(s.errors).padStart(6)} ${codes}`
}
console.log(
  `\nmix: ${mixSeconds.toFixed(1)} s, load average before ${loadBefore}, after ${loadAfter}`
)
console.log(
  '| route                          |   reqs |   req/s | p50 ms  | p95 ms  | p99 ms  | errors'
)
console.log(
  '| ------------------------------ | ------ | ------- | ------- | ------- | ------- | ------'
)
for (const [name] of ROUTES) {
  const s = stats.get(name)
  if (s) console.log(line(name, s, mixSeconds))
}
const all = merged(stats)
console.log(line('all (mix)', all, mixSeconds))
console.log(line(`GET /api/health (bare, ${users.length} conn)`, baseline, baseSeconds))
console.log(`load average at the end ${load()}`)

/* ---- saturation: closed-loop steps of more connections until p99 passes 1 s ------ */
// LOAD_STEPS=10,20,40,80 runs the same mix with that many connections and no think time,
// LOAD_STEP_SECONDS (20) each, and reports the throughput at which p99 reaches 1 s
// (interpolated between the two steps around it) — one node's saturation point.
const steps = (process.env.LOAD_STEPS ?? '').split(',').filter(Boolean).map(Number)
if (steps.length) {
  const stepSeconds = Number(process.env.LOAD_STEP_SECONDS ?? 20)
  const rows = []
  console.log(`\nsaturation steps (closed loop, ${stepSeconds} s each):`)
  console.log('| connections |   req/s | p50 ms  | p95 ms  | p99 ms  | errors | load average')
  console.log('| ----------- | ------- | ------- | ------- | ------- | ------ | ------------')
  for (const n of steps) {
    const who = Array.from({ length: n }, (_, i) => users[i % users.length])
    const { stats: st, seconds } = await runMix(who, stepSeconds, 0)
    const a = merged(st)
    const sorted = a.ms.sort((x, y) => x - y)
    const row = { n, rps: sorted.length / seconds, p99: pct(sorted, 99) }
    rows.push(row)
    console.log(
      `| ${String(n).padStart(11)} | ${row.rps.toFixed(1).padStart(7)} | ${f1(pct(sorted, 50)).padStart(7)} | ${f1(pct(sorted, 95)).padStart(7)} | ${f1(row.p99).padStart(7)} | ${String(a.errors).padStart(6)} | ${load()}`
    )
  }
  const over = rows.findIndex((r) => r.p99 >= 1000)
  if (over === -1)
    console.log(`p99 stayed under 1 s up to ${steps.at(-1)} connections: saturation above ${rows.at(-1).rps.toFixed(1)} req/s`)
  else if (over === 0)
    console.log(`p99 passed 1 s already at ${steps[0]} connections (${rows[0].rps.toFixed(1)} req/s)`)
  else {
    const [lo, hi] = [rows[over - 1], rows[over]]
    const t = (1000 - lo.p99) / (hi.p99 - lo.p99)
    console.log(`saturation point (p99 = 1 s): ~${(lo.rps + t * (hi.rps - lo.rps)).toFixed(1)} req/s between ${lo.n} and ${hi.n} connections`)
  }
}
agent.destroy()
if (server) await server.stop()
process.exit(all.errors ? 1 : 0)
