#!/usr/bin/env node
/*
| `npm run bench:auth` — authenticated API throughput against a bare route, in the same run
| (issue 20: the authenticated list API should reach ≥ 50 % of a bare AdonisJS route).
|
| Closed loop (no think time), AUTH_CONNECTIONS (20) keep-alive connections on loopback. The
| routes take turns in slices of AUTH_SLICE_SECONDS (4) for AUTH_ROUNDS (3) rounds, so a
| shared machine's load swings hit every route alike; each route's requests/s is its requests
| over its own slices. Routes: `/api/health` (the bare route: `select 1`, no session), then
| GET /api/me, the unread count, the risk-asset list's default page and the 风险资产台账's
| default page, each signed in as AUTH_USER (hq_risk) — AUTH_ROUTES=me,list keeps a subset.
| Starts its own server (bench/server.mjs: ts-node, demo mode) against DB_DATABASE (ram_bench)
| on AUTH_PORT (3393), or uses AUTH_URL (loopback only). Prints req/s, p50/p99, errors and the
| ratio to the bare route; the load average before and after.
*/
import http from 'node:http'
import { loadavg } from 'node:os'
import { startServer } from './server.mjs'

const CONNECTIONS = Number(process.env.AUTH_CONNECTIONS ?? 20)
const SLICE = Number(process.env.AUTH_SLICE_SECONDS ?? 4) * 1000
const ROUNDS = Number(process.env.AUTH_ROUNDS ?? 3)
const [USER, PASSWORD] = (process.env.AUTH_USER ?? 'hq_risk:Risk@12345').split(':')

const ROUTES = [
  ['GET /api/health (bare)', '/api/health', false],
  ['GET /api/me', '/api/me', true],
  ['GET unread count', '/api/messages/unread-count', true],
  ['GET risk-asset list', '/api/credit-assets/risk-assets?page=1&perPage=20', true],
  ['GET 台账 default page', '/api/ledgers/risk-assets/rows?page=1&perPage=20', true],
]
const only = (process.env.AUTH_ROUTES ?? '').split(',').filter(Boolean)
const routes = ROUTES.filter(
  (r, i) => i === 0 || !only.length || only.some((w) => r[0].includes(w))
)

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
let server = null
let base = process.env.AUTH_URL
if (!base) {
  server = await startServer({ port: Number(process.env.AUTH_PORT ?? 3393) })
  base = server.base
}
const url = new URL(base)
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname))
  throw new Error(`AUTH_URL must be loopback, not ${url.hostname}`)
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS + 5 })

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
        timeout: 30_000,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
        },
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
    req.on('error', (e) => resolve({ status: 0, ms: 0, text: e.message }))
    if (data) req.write(data)
    req.end()
  })
}

const login = await request('POST', '/api/auth/login', {
  body: { username: USER, password: PASSWORD },
})
if (login.status !== 200)
  throw new Error(`sign-in ${USER}: ${login.status} ${login.text.slice(0, 200)}`)
const token = JSON.parse(login.text).token
for (const [name, path, auth] of routes) {
  // Warm up (first-use caches, JIT) and check the route answers 200 for this account.
  for (let i = 0; i < 5; i++) {
    const res = await request('GET', path, { token: auth ? token : undefined })
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${res.text.slice(0, 200)}`)
  }
}

const stats = new Map(routes.map((r) => [r[0], { ms: [], errors: 0, seconds: 0 }]))
const loadBefore = load()
console.log(
  `auth ratio · ${new Date().toISOString()} · ${base} · ${USER} · ${CONNECTIONS} connections · ${ROUNDS} rounds × ${SLICE / 1000} s slices · load ${loadBefore}`
)
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, path, auth] of routes) {
    const s = stats.get(name)
    const until = Date.now() + SLICE
    const started = Date.now()
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (Date.now() < until) {
          const res = await request('GET', path, { token: auth ? token : undefined })
          s.ms.push(res.ms)
          if (res.status !== 200) s.errors++
        }
      })
    )
    s.seconds += (Date.now() - started) / 1000
  }
}
const pct = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const bare = stats.get(routes[0][0])
const bareRate = bare.ms.length / bare.seconds
console.log('| route | requests | req/s | p50 ms | p99 ms | errors | vs bare |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [name] of routes) {
  const s = stats.get(name)
  const sorted = [...s.ms].sort((a, b) => a - b)
  const rate = sorted.length / s.seconds
  console.log(
    `| ${name} | ${sorted.length} | ${rate.toFixed(0)} | ${pct(sorted, 50).toFixed(1)} | ${pct(sorted, 99).toFixed(1)} | ${s.errors} | ${((100 * rate) / bareRate).toFixed(0)} % |`
  )
}
console.log(`load average before ${loadBefore}, after ${load()}`)
agent.destroy()
if (server) await server.stop()
process.exit(0)
