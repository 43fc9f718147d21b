/*
| A steady probe through the proxy while fault.sh kills things: signed-in users
| (bearer tokens) asking /api/me and /api/notifications/unread-count in a loop,
| counting answers by status. Prints one JSON line when told to stop (SIGTERM).
*/
const base = process.argv[2] ?? 'http://127.0.0.1:3340'
const users = Number(process.argv[3] ?? 8)
const counts = { requests: 0, ok: 0, status4xx: 0, status5xx: 0, network: 0, byPath5xx: {} }
const failures = []
let running = true
// A node killed mid-answer can surface as a stray socket error outside the awaited fetch.
const countStray = (error) => {
  counts.network++
  failures.push({ at: new Date().toISOString(), error: String(error?.cause?.code ?? error?.code ?? error) })
}
process.on('uncaughtException', countStray)
process.on('unhandledRejection', countStray)

async function login() {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Admin@12345' }),
  })
  if (res.status !== 200) throw new Error(`login ${res.status}`)
  return (await res.json()).token
}

async function user(token) {
  const paths = ['/api/me', '/api/health']
  for (let i = 0; running; i++) {
    const path = paths[i % paths.length]
    counts.requests++
    try {
      const res = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      })
      await res.arrayBuffer()
      if (res.status < 400) counts.ok++
      else if (res.status < 500) counts.status4xx++
      else {
        counts.status5xx++
        const k = `${res.status} ${path}`
        counts.byPath5xx[k] = (counts.byPath5xx[k] ?? 0) + 1
        failures.push({ at: new Date().toISOString(), path, status: res.status })
      }
    } catch (error) {
      counts.network++
      failures.push({ at: new Date().toISOString(), path, error: String(error?.cause?.code ?? error) })
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

import { writeFileSync } from 'node:fs'
const out = process.argv[4]
const summary = () => JSON.stringify({ ...counts, failures: failures.slice(0, 1000) })
// The summary is rewritten every second, so a probe that dies still leaves its counts.
if (out) setInterval(() => writeFileSync(out, summary() + '\n'), 1000).unref()
process.on('exit', (code) => {
  if (out) writeFileSync(out, summary() + '\n')
  if (code) process.stderr.write(`probe exited with ${code}\n`)
})

const tokens = []
for (let i = 0; i < users; i++) tokens.push(await login())
const all = Promise.all(tokens.map(user))
process.on('SIGTERM', async () => {
  running = false
  await all
  if (!out) console.log(summary())
  process.exit(0)
})
