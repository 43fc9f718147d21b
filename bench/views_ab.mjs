#!/usr/bin/env node
/*
| Before/after of the default views on two running servers over the same database, in one
| run: `AB_URLS=http://127.0.0.1:3394,http://127.0.0.1:3393 node bench/views_ab.mjs` (loopback
| only; e.g. a checkout of the base commit and this one, each started like bench/server.mjs).
| Requests alternate between the servers (A, B, A, B …) so a shared machine's load swings hit
| both alike. AB_REQUESTS (10) single requests per view and server, after 2 warm-ups; prints
| p50 / p95 ms per view and server, and the ratio of the p50s.
| Views: the risk-asset list's default page for hq_risk (全部), bj_asset (北京分行及下级) and
| bj_cy_am (仅本人); 客户视图 searches (a surname, a full name, a 借据号 prefix, an industry
| word); 综合查询's first run (the risk-asset dataset, default columns and sort).
*/
import { loadavg } from 'node:os'

const urls = (process.env.AB_URLS ?? '').split(',').filter(Boolean)
if (urls.length !== 2) throw new Error('AB_URLS: two base URLs, comma-separated')
for (const u of urls)
  if (!['127.0.0.1', 'localhost'].includes(new URL(u).hostname))
    throw new Error(`${u}: loopback only`)
const REQUESTS = Number(process.env.AB_REQUESTS ?? 10)
const ACCOUNTS = {
  hq_risk: 'Risk@12345',
  bj_asset: 'Asset@12345',
  bj_cy_am: 'Manager@12345',
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

async function signIn(base, username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: ACCOUNTS[username] }),
  })
  if (!res.ok) throw new Error(`${base} sign-in ${username}: ${res.status}`)
  return (await res.json()).token
}

const tokens = await Promise.all(
  urls.map(async (base) => {
    const out = {}
    for (const u of Object.keys(ACCOUNTS)) out[u] = await signIn(base, u)
    return out
  })
)
const catalogue = await (
  await fetch(`${urls[1]}/api/query/catalogue`, {
    headers: { authorization: `Bearer ${tokens[1].hq_risk}` },
  })
).json()
const datasets = Array.isArray(catalogue) ? catalogue : (catalogue.datasets ?? [])
const fields = (datasets.find((d) => d.id === 'credit-assets:risk-assets')?.fields ?? [])
  .slice(0, 8)
  .map((f) => f.id)

const search = (keyword) =>
  `/api/customer-view/customers?page=1&perPage=20&keyword=${encodeURIComponent(keyword)}`
const VIEWS = [
  ['risk-asset list default', 'hq_risk', '/api/credit-assets/risk-assets?page=1&perPage=20'],
  ['risk-asset list default', 'bj_asset', '/api/credit-assets/risk-assets?page=1&perPage=20'],
  ['risk-asset list default', 'bj_cy_am', '/api/credit-assets/risk-assets?page=1&perPage=20'],
  ['客户视图 search 张', 'hq_risk', search('张')],
  ['客户视图 search 王伟', 'hq_risk', search('王伟')],
  ['客户视图 search JJ00012', 'hq_risk', search('JJ00012')],
  ['客户视图 search 科技', 'hq_risk', search('科技')],
  ['客户视图 search 张', 'bj_asset', search('张')],
  ['综合查询 first run', 'hq_risk', '/api/query/run', true],
  ['综合查询 first run', 'bj_asset', '/api/query/run', true],
]

let perPage = 20
async function timed(base, token, path, post) {
  const started = process.hrtime.bigint()
  const res = await fetch(`${base}${path}`, {
    method: post ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(post ? { 'content-type': 'application/json' } : {}),
    },
    // The repeat-submit guard refuses the same body twice within seconds: vary perPage.
    body: post
      ? JSON.stringify({
          query: { dataset: 'credit-assets:risk-assets', fields },
          page: 1,
          perPage: (perPage = perPage >= 60 ? 20 : perPage + 1),
        })
      : undefined,
  })
  const body = await res.json()
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (!res.ok)
    throw new Error(`${base}${path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
  return { ms, total: body.meta?.total ?? body.total ?? '—' }
}

const pct = (v, p) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]
console.log(
  `views A/B · ${new Date().toISOString()} · A ${urls[0]} · B ${urls[1]} · ${REQUESTS} requests · load ${load()}`
)
console.log('| view | account | rows A / B | A p50 / p95 ms | B p50 / p95 ms | B/A p50 |')
console.log('| --- | --- | --- | --- | --- | --- |')
for (const [name, user, path, post] of VIEWS) {
  const spent = [[], []]
  const totals = ['', '']
  for (let i = 0; i < REQUESTS + 2; i++)
    for (const side of [0, 1]) {
      const { ms, total } = await timed(urls[side], tokens[side][user], path, post)
      totals[side] = total
      if (i >= 2) spent[side].push(ms)
    }
  const [a, b] = spent
  console.log(
    `| ${name} | ${user} | ${totals[0]} / ${totals[1]} | ${pct(a, 50).toFixed(1)} / ${pct(a, 95).toFixed(1)} | ${pct(b, 50).toFixed(1)} / ${pct(b, 95).toFixed(1)} | ${(pct(b, 50) / pct(a, 50)).toFixed(2)} |`
  )
}
console.log(`load average after ${load()}`)
