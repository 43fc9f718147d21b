/*
| Bench case 6: the default and a filtered view for three scopes — hq_risk (全部),
| bj_asset (北京分行及下级), bj_cy_am (仅本人) — through HTTP, one request at a time and
| under 50 concurrent connections, beside the same SQL statements the server sends,
| straight through mysql2 (one connection; a pool of 50 for the concurrent case).
| Views: 风险资产台账 default page (count from the snapshot groups, keys, rows), its 合计,
| the filtered page (五级分类 = 次级, 逾期 ≥ 30 days: counted from the rows), and the
| risk-asset list's default page; then (6b, bench/deep_pages.mjs) page 1 against a deep page
| by OFFSET and by cursor. Figures are printed, never asserted.
*/
import http from 'node:http'
import { loadavg } from 'node:os'
import mysql from 'mysql2/promise'
import { deepPagesBench } from './deep_pages.mjs'

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
const DIMS = 'org_id, manager_id, product, five_class, risk_status'

/** The live groups' SQL, as plugins/credit-assets/snapshots/book_totals.ts builds it. */
function liveGroups(date, takenAt) {
  const changed = `(SELECT id AS loan_id FROM ca_loans WHERE updated_at >= ?
     UNION SELECT loan_id FROM ca_risk_assets WHERE updated_at >= ?) ch`
  const sql = `SELECT ${DIMS}, loans, ${MONEY.join(', ')} FROM ca_book_totals WHERE snapshot_date = ?
    UNION ALL SELECT s.org_id, s.manager_id, s.product, s.five_class, s.risk_status, -1,
      ${MONEY.map((c) => `-${c === 'amount_fen' ? 'ln' : 's'}.${c}`).join(', ')}
    FROM ${changed} JOIN ca_loan_snapshots s ON s.snapshot_date = ? AND s.loan_id = ch.loan_id
    JOIN ca_loans ln ON ln.id = s.loan_id WHERE s.risk_status IS NOT NULL
    UNION ALL SELECT l.org_id, l.manager_id, l.product, l.five_class, r.status, 1, ${MONEY.map((c) => `l.${c}`).join(', ')}
    FROM ${changed} JOIN ca_risk_assets r ON r.loan_id = ch.loan_id JOIN ca_loans l ON l.id = r.loan_id`
  return { sql, bindings: [date, takenAt, takenAt, date, takenAt, takenAt] }
}

const ROWS_SELECT = `SELECT l.loan_no, c.name AS customerName, o.name AS orgName, u.real_name AS managerName,
  l.product, l.five_class, r.status, ${MONEY.map((m) => `CAST(l.${m} AS CHAR) AS ${m}`).join(', ')},
  l.overdue_days, l.maturity_date, l.restructured_on, r.entered_on, r.loan_id, r.id AS __key
  FROM ca_risk_assets r JOIN ca_loans l ON l.id = r.loan_id
  LEFT JOIN ca_customers c ON c.id = l.customer_id LEFT JOIN orgs o ON o.id = l.org_id
  LEFT JOIN users u ON u.id = l.manager_id`

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const f1 = (n) => n.toFixed(1)

export async function viewsBench({ base, connection, requests = 50, concurrency = 50 }) {
  const sql = await mysql.createConnection(connection)
  const pool = mysql.createPool({ ...connection, connectionLimit: concurrency })
  const run = await (async () => {
    const [[row]] = await sql.query(
      `SELECT DATE_FORMAT(snapshot_date, '%Y-%m-%d') AS d, DATE_FORMAT(taken_at, '%Y-%m-%d %H:%i:%s') AS t
       FROM ca_book_total_runs ORDER BY taken_at DESC LIMIT 1`
    )
    return row
  })()
  if (!run) throw new Error('no snapshot groups (ca_book_total_runs): run the snapshot job first')
  const groups = liveGroups(run.d, run.t)
  const [[bj]] = await sql.query("SELECT path FROM orgs WHERE code = '110000'")
  // The server binds a branch user's subtree as ids (resolveSubtreeOrgIds).
  const [subtree] = await sql.query('SELECT id FROM orgs WHERE path LIKE ?', [`${bj.path}%`])
  const [[me]] = await sql.query("SELECT id FROM users WHERE username = 'bj_cy_am'")

  const scopes = [
    { user: 'hq_risk', password: 'Risk@12345', label: '全部 (hq_risk)', r: '1=1', a: '1=1', b: [] },
    {
      user: 'bj_asset',
      password: 'Asset@12345',
      label: '北京分行及下级 (bj_asset)',
      r: 'r.org_id IN (?)',
      a: 'a.org_id IN (?)',
      b: [subtree.map((o) => o.id)],
    },
    {
      user: 'bj_cy_am',
      password: 'Manager@12345',
      label: '仅本人 (bj_cy_am)',
      r: 'r.manager_id = ?',
      a: 'a.manager_id = ?',
      b: [me.id],
    },
  ]
  // BENCH_VIEWS=default,list keeps the views whose names contain one of the words ('deep': 6b).
  const only = () => (process.env.BENCH_VIEWS ?? '').split(',').filter(Boolean)
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency + 5 })
  const get = (path, token) =>
    new Promise((resolve, reject) => {
      const req = http.get(
        `${base}${path}`,
        { agent, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          const chunks = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
              : reject(new Error(`${path}: ${res.statusCode} ${Buffer.concat(chunks)}`))
          )
        }
      )
      req.on('error', reject)
    })

  const FILTER = "l.five_class = 'substandard' AND l.overdue_days >= 30"
  const views = (s) => [
    {
      name: '台账 default page',
      path: '/api/ledgers/risk-assets/rows?page=1&perPage=20',
      sql: async (db) => {
        const [, [keys]] = await Promise.all([
          db.query(
            `SELECT SUM(a.loans) AS n, ${MONEY.map((m) => `SUM(a.${m})`).join(', ')} FROM (${groups.sql}) a WHERE ${s.a}`,
            [...groups.bindings, ...s.b]
          ),
          db.query(
            `SELECT r.id AS __key FROM ca_risk_assets r JOIN ca_loans l ON l.id = r.loan_id WHERE ${s.r} ORDER BY r.entered_on DESC, r.id DESC LIMIT 20`,
            s.b
          ),
        ])
        if (keys.length)
          await db.query(`${ROWS_SELECT} WHERE ${s.r} AND r.id IN (?)`, [
            ...s.b,
            keys.map((k) => k.__key),
          ])
      },
    },
    {
      name: '台账 合计 (default)',
      path: '/api/ledgers/risk-assets/totals',
      sql: (db) =>
        db.query(
          `SELECT SUM(a.loans) AS n, ${MONEY.map((m) => `SUM(a.${m})`).join(', ')} FROM (${groups.sql}) a WHERE ${s.a}`,
          [...groups.bindings, ...s.b]
        ),
    },
    {
      name: '台账 filtered page',
      path: '/api/ledgers/risk-assets/rows?page=1&perPage=20&fiveClass=substandard&overdueDaysFrom=30',
      sql: async (db) => {
        const [, [keys]] = await Promise.all([
          db.query(
            `SELECT COUNT(*) AS n FROM ca_risk_assets r JOIN ca_loans l ON l.id = r.loan_id WHERE ${s.r} AND ${FILTER}`,
            s.b
          ),
          db.query(
            `SELECT r.id AS __key FROM ca_risk_assets r JOIN ca_loans l ON l.id = r.loan_id WHERE ${s.r} AND ${FILTER} ORDER BY r.entered_on DESC, r.id DESC LIMIT 20`,
            s.b
          ),
        ])
        if (keys.length)
          await db.query(`${ROWS_SELECT} WHERE ${s.r} AND r.id IN (?)`, [
            ...s.b,
            keys.map((k) => k.__key),
          ])
      },
    },
    {
      name: 'risk-asset list default',
      path: '/api/credit-assets/risk-assets?page=1&perPage=20',
      sql: async (db) => {
        const [, [ids]] = await Promise.all([
          db.query(`SELECT COUNT(*) AS n FROM ca_risk_assets r WHERE ${s.r}`, s.b),
          db.query(
            `SELECT r.id FROM ca_risk_assets r WHERE ${s.r} ORDER BY r.id DESC LIMIT 20`,
            s.b
          ),
        ])
        if (ids.length) await db.query(`${ROWS_SELECT} WHERE r.id IN (?)`, [ids.map((k) => k.id)])
      },
    },
  ]

  const timed = async (fn) => {
    const t = process.hrtime.bigint()
    await fn()
    return Number(process.hrtime.bigint() - t) / 1e6
  }
  const single = async (fn) => {
    for (let i = 0; i < 3; i++) await fn()
    const spent = []
    for (let i = 0; i < requests; i++) spent.push(await timed(fn))
    return spent
  }
  /** `concurrency` workers, `requests` each... bounded: concurrency × 4 calls in all. */
  const concurrent = async (fn) => {
    const spent = []
    const total = concurrency * 4
    let next = 0
    const started = process.hrtime.bigint()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < total) spent.push(await timed(fn))
      })
    )
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    return { spent, rate: spent.length / seconds }
  }

  console.log(
    `\n6. default and filtered views × three scopes (${requests} single requests; ${concurrency} connections × 4), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, groups of ${run.d}`
  )
  console.log(
    '| view | scope | rows | HTTP p50 / p95 ms | mysql2 p50 / p95 ms | ratio p95 | HTTP ×50 p50 / p95 ms, req/s | mysql2 ×50 p50 / p95 ms, q/s |'
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const s of scopes) {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: s.user, password: s.password }),
    })
    const { token } = await login.json()
    s.token = token
    for (const view of views(s).filter(
      (v) => !only().length || only().some((w) => v.name.includes(w))
    )) {
      const first = await get(view.path, token)
      const rows = first.meta?.total ?? first.total ?? '—'
      const h = await single(() => get(view.path, token))
      const q = await single(() => view.sql(sql))
      const hc = await concurrent(() => get(view.path, token))
      const qc = await concurrent(() => view.sql(pool))
      console.log(
        `| ${view.name} | ${s.label} | ${rows} | ${f1(pct(h, 50))} / ${f1(pct(h, 95))} | ${f1(pct(q, 50))} / ${f1(pct(q, 95))} | ${(pct(h, 95) / pct(q, 95)).toFixed(2)}× | ${f1(pct(hc.spent, 50))} / ${f1(pct(hc.spent, 95))}, ${hc.rate.toFixed(0)} | ${f1(pct(qc.spent, 50))} / ${f1(pct(qc.spent, 95))}, ${qc.rate.toFixed(0)} |`
      )
    }
  }
  // Page 1 against a deep page, by OFFSET and by cursor (bench/deep_pages.mjs).
  if (!only().length || only().includes('deep'))
    await deepPagesBench({ sql, scopes, get, requests: Math.min(requests, 20) })
  // What the 合计 cost before the groups: the full SUM over every row in scope.
  for (const s of scopes) {
    // Three runs: at 1 M loans each reads every loan row of the scope (seconds).
    const full = []
    for (let i = 0; i < 3; i++)
      full.push(
        await timed(() =>
          sql.query(
            `SELECT COUNT(*) AS n, ${MONEY.map((m) => `SUM(l.${m})`).join(', ')} FROM ca_risk_assets r JOIN ca_loans l ON l.id = r.loan_id WHERE ${s.r}`,
            s.b
          )
        )
      )
    console.log(
      `  合计 as a full SUM (before), ${s.label}: mysql2 p50 ${f1(pct(full, 50))} ms  p95 ${f1(pct(full, 95))} ms`
    )
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  )
  agent.destroy()
  await pool.end()
  await sql.end()
}
