#!/usr/bin/env node
/*
| Page 1 against a deep page, by OFFSET and by cursor (keyset, issue 20): the
| 风险资产台账's default order (移交日期, id newest first) and the risk-asset list's
| (id newest first), per scope. The SQL the server sends for the page's keys,
| straight through mysql2; with `base` and a token, the HTTP requests too.
| Figures are printed, never asserted. Read-only: SELECTs only.
|
| Alone (statements only, any book):  DB_DATABASE=ram_bench_perf node bench/deep_pages.mjs
| From bench/views.mjs (BENCH_ONLY=views): HTTP and SQL. BENCH_DEEP_PAGE (default 1000,
| at most the scope's last full page), BENCH_REQUESTS single requests each (default 20).
*/
import { loadavg } from 'node:os'
import mysql from 'mysql2/promise'

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const f1 = (n) => n.toFixed(1)
const PER_PAGE = 20

/** The two lists' key queries: order, keyset predicate, sort value (as the server builds them). */
const LISTS = [
  {
    name: '台账 default',
    path: '/api/ledgers/risk-assets/rows',
    from: 'FROM ca_risk_assets r JOIN ca_loans l ON l.id = r.loan_id',
    select: 'r.id AS k, r.entered_on AS v',
    order: 'ORDER BY r.entered_on DESC, r.id DESC',
    keyset: '(r.entered_on < ? OR (r.entered_on = ? AND r.id < ?) OR r.entered_on IS NULL)',
    bind: (row) => [row.v, row.v, row.k],
  },
  {
    name: 'risk-asset list default',
    path: '/api/credit-assets/risk-assets',
    from: 'FROM ca_risk_assets r',
    select: 'r.id AS k',
    order: 'ORDER BY r.id DESC',
    keyset: 'r.id < ?',
    bind: (row) => [row.k],
  },
]

/**
 * scopes: [{ label, r (WHERE on r), b (bindings), token? }]; get(path, token) for HTTP.
 */
export async function deepPagesBench({ sql, scopes, get, requests = 20 }) {
  const timed = async (fn) => {
    const t = process.hrtime.bigint()
    await fn()
    return Number(process.hrtime.bigint() - t) / 1e6
  }
  const single = async (fn) => {
    for (let i = 0; i < 2; i++) await fn()
    const spent = []
    for (let i = 0; i < requests; i++) spent.push(await timed(fn))
    return spent
  }
  const show = (spent) => `${f1(pct(spent, 50))} / ${f1(pct(spent, 95))}`
  console.log(
    `\n6b. page 1 vs a deep page, by OFFSET and by cursor (${requests} single requests), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  )
  console.log(
    '| list | scope | rows | deep page | SQL p50 / p95 ms: page 1 | deep by OFFSET | deep by cursor | HTTP p50 / p95 ms: page 1 | deep by OFFSET | deep by cursor |'
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const s of scopes) {
    for (const list of LISTS) {
      const [[{ n }]] = await sql.query(`SELECT COUNT(*) AS n ${list.from} WHERE ${s.r}`, s.b)
      const total = Number(n)
      const page = Math.max(
        2,
        Math.min(Number(process.env.BENCH_DEEP_PAGE ?? 1000), Math.floor(total / PER_PAGE))
      )
      const keys = (extra = '', bindings = [], offset = 0) =>
        sql.query(
          `SELECT ${list.select} ${list.from} WHERE ${s.r}${extra} ${list.order} LIMIT ${PER_PAGE + 1} OFFSET ${offset}`,
          [...s.b, ...bindings]
        )
      // The last row of the page before: what the previous answer's next cursor holds.
      const [[before]] = await sql.query(
        `SELECT ${list.select} ${list.from} WHERE ${s.r} ${list.order} LIMIT 1 OFFSET ${(page - 1) * PER_PAGE - 1}`,
        s.b
      )
      const q1 = await single(() => keys())
      const qOffset = await single(() => keys('', [], (page - 1) * PER_PAGE))
      const qCursor = await single(() => keys(` AND ${list.keyset}`, list.bind(before)))
      let http = ['—', '—', '—']
      if (get && s.token) {
        const q = `?perPage=${PER_PAGE}`
        const prev = await get(`${list.path}${q}&page=${page - 1}`, s.token)
        const after = encodeURIComponent(prev.meta.nextCursor)
        http = [
          show(await single(() => get(`${list.path}${q}&page=1`, s.token))),
          show(await single(() => get(`${list.path}${q}&page=${page}`, s.token))),
          show(await single(() => get(`${list.path}${q}&page=${page}&after=${after}`, s.token))),
        ]
      }
      console.log(
        `| ${list.name} | ${s.label} | ${total} | ${page} | ${show(q1)} | ${show(qOffset)} | ${show(qCursor)} | ${http.join(' | ')} |`
      )
    }
  }
}

// Alone: the statements on DB_DATABASE for the three bench scopes (no server, read-only).
if (import.meta.url === `file://${process.argv[1]}`) {
  const sql = await mysql.createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD ?? '',
    database: process.env.DB_DATABASE ?? 'ram_bench',
    dateStrings: ['DATE'],
  })
  const [[bj]] = await sql.query("SELECT path FROM orgs WHERE code = '110000'")
  const [subtree] = await sql.query('SELECT id FROM orgs WHERE path LIKE ?', [`${bj.path}%`])
  const [[me]] = await sql.query("SELECT id FROM users WHERE username = 'bj_cy_am'")
  await deepPagesBench({
    sql,
    requests: Number(process.env.BENCH_REQUESTS ?? 20),
    scopes: [
      { label: '全部', r: '1=1', b: [] },
      { label: '北京分行及下级', r: 'r.org_id IN (?)', b: [subtree.map((o) => o.id)] },
      { label: '仅本人', r: 'r.manager_id = ?', b: [me.id] },
    ],
  })
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  )
  await sql.end()
}
