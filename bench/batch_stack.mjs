/*
| What bench cases 5 and 6 (write_off.mjs, batch_disposal.mjs) share: the stack a
| batch runs on in production — a web process (QUEUE_WORKER=false; being in demo
| mode it runs the bank-systems simulator, and the outbox scheduler) and
| `node ace queue:work` workers on BullMQ — on ports offset from the bench's own;
| the outbox 参数 set as an operator tunes them for a batch and put back after;
| a signed-in API client and the simulator's control API; fresh loans cloned in
| SQL from the demo book; and the exactly-once count at the simulator.
*/
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** The 1-, 5- and 15-minute load averages, for every figure printed. */
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

/**
 * The outbox tuned for a batch: claim held 10 s, tick 1 s, back-off 1 s doubling to at most
 * 60 s (BENCH_OUTBOX_MAX_BACKOFF; the default 600 s left a few unlucky postings waiting), 16 requests in
 * flight, 100 postings a request to core banking's 批量记账 (BENCH_OUTBOX_BATCH_ITEMS=1
 * sends them one by one, an A/B).
 */
export const OUTBOX_SETTINGS = {
  'system.outbox.claimTtlSeconds': '10',
  'system.outbox.tickSeconds': '1',
  'system.outbox.backoffSeconds': '1',
  'system.outbox.maxBackoffSeconds': process.env.BENCH_OUTBOX_MAX_BACKOFF ?? '60',
  'system.outbox.maxAttempts': '1000',
  'system.outbox.concurrency': '16',
  'system.outbox.batchItems':
    process.env.BENCH_OUTBOX_BATCH_ITEMS ?? process.env.BENCH_WRITE_OFF_BATCH_ITEMS ?? '100',
}

/** Sets the settings; returns what puts the old values back. */
export async function tuneSettings(sql, settings = OUTBOX_SETTINGS) {
  const saved = {}
  for (const [key, value] of Object.entries(settings)) {
    const [[row]] = await sql.query('SELECT value FROM settings WHERE `key` = ?', [key])
    saved[key] = row?.value ?? null
    await sql.query('UPDATE settings SET value = ? WHERE `key` = ?', [value, key])
  }
  return async () => {
    for (const [key, value] of Object.entries(saved))
      await sql.query('UPDATE settings SET value = ? WHERE `key` = ?', [value, key])
  }
}

/**
 * Points the bank systems (connector_systems.base_url, stored once when a database
 * first starts) at this stack's simulator: cases 5 and 6 run their simulators on
 * different ports, and a worker calling the other case's (gone) port only ever sees
 * its circuit breaker open. Returns what puts the old addresses back.
 */
export async function useSimulator(sql, simPort) {
  const [rows] = await sql.query(
    "SELECT id, base_url FROM connector_systems WHERE base_url LIKE 'http://127.0.0.1:%'"
  )
  for (const row of rows)
    await sql.query('UPDATE connector_systems SET base_url = ? WHERE id = ?', [
      row.base_url.replace(/^http:\/\/127\.0\.0\.1:\d+/, `http://127.0.0.1:${simPort}`),
      row.id,
    ])
  return async () => {
    for (const row of rows)
      await sql.query('UPDATE connector_systems SET base_url = ? WHERE id = ?', [
        row.base_url,
        row.id,
      ])
  }
}

/**
 * The web process and its workers, `offset` ports above the bench's (and its
 * simulator's), on their own BullMQ prefix. Every process started here is killed
 * when the bench exits, interrupted or not.
 */
export function batchStack({ root, env, offset, queue }) {
  const port = Number(env.PORT) + offset
  const simPort = Number(env.SIMULATOR_PORT) + offset
  const base = `http://127.0.0.1:${port}`
  const sim = `http://127.0.0.1:${simPort}/__sim`
  const procEnv = {
    ...env,
    PORT: String(port),
    SIMULATOR_PORT: String(simPort),
    REDIS_HOST: process.env.REDIS_HOST || '127.0.0.1',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'ram'}:${queue}`,
    QUEUE_WORKER: 'false',
    // The demo's approval-flow simulator stays quiet: nothing here goes to it.
    SIMULATOR_APPROVAL_AUTO_MS: 'off',
  }
  const children = new Set()
  process.on('exit', () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  })
  // Interrupted: still take the web and worker processes down (the exit handler above).
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130))

  function launch(args, ready) {
    // BENCH_CPU_PROF=<dir>: every process started here writes a V8 CPU profile there on exit.
    const profile = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : []
    const child = spawn('node', [...profile, '--import=ts-node-maintained/register/esm', ...args], {
      cwd: root,
      env: procEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const keep = (d) => (out = (out + d).slice(-20_000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    children.add(child)
    child.exited = new Promise((resolve) => child.once('exit', resolve))
    child.log = () => out
    child.ready = (async () => {
      for (let i = 0; i < 960; i++) {
        if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited:\n${out}`)
        if (await ready(out)) return
        await sleep(250)
      }
      throw new Error(`${args.join(' ')} not ready:\n${out}`)
    })()
    return child
  }

  async function stop(child, signal = 'SIGINT') {
    if (child.exitCode === null) {
      child.kill(signal)
      await Promise.race([child.exited, sleep(15_000)])
      if (child.exitCode === null) child.kill('SIGKILL')
      await child.exited
    }
    children.delete(child)
  }

  /** A SIGKILL, as a crash: the child is gone without cleaning up. */
  async function crash(child) {
    child.kill('SIGKILL')
    await child.exited
    children.delete(child)
  }

  /** The web process, answering /api/health and with its simulator up (started after). */
  async function startWeb() {
    const healthy = async () => {
      try {
        return (await fetch(`${base}/api/health`)).ok
      } catch {
        return false
      }
    }
    const web = launch(['bin/server.ts'], healthy)
    await web.ready
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${sim}/stats`)).ok) break
      } catch {}
      if (i > 480) throw new Error(`the simulator is not on ${simPort}:\n${web.log()}`)
      await sleep(250)
    }
    return web
  }

  const startWorker = () =>
    launch(['ace', 'queue:work'], async (out) => out.includes('queue worker started'))

  /** The JSON API as `username` (signed in once). */
  async function signIn(username, password) {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    const token = (await login.json()).token
    return async (method, path, body) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
      return text ? JSON.parse(text) : null
    }
  }

  /** The simulator's control API (/__sim/reset, /faults, /stats). */
  const simCall = async (method, path, body) =>
    (
      await fetch(`${sim}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      })
    ).json()

  return { port, simPort, launch, stop, crash, startWeb, startWorker, signIn, simCall }
}

/**
 * Fresh loans `${prefix}000001…` cloned from the demo book and their risk assets
 * (managed, entered today): 损失类, with on- and off-balance interest (three postings
 * each), `overdueDays` overdue, in `orgId` under `managerId`. `source` is the rest
 * of the SELECT over the book's loans `l` (joins, WHERE, ORDER BY); at most `limit`.
 */
export async function cloneLoans(sql, { prefix, orgId, managerId, overdueDays, source, limit }) {
  await sql.query('SET @n = 0')
  await sql.query(
    `INSERT INTO ca_loans (loan_no, contract_id, customer_id, product, org_id, manager_id, currency, amount_fen,
       balance_fen, rate, start_date, maturity_date, repayment_method, overdue_days, overdue_principal_fen,
       overdue_interest_fen, penalty_interest_fen, compound_interest_fen, on_balance_interest_fen,
       off_balance_interest_fen, five_class, classified_on, status, created_at, updated_at)
     SELECT CONCAT(?, LPAD(@n := @n + 1, 6, '0')), l.contract_id, l.customer_id, l.product, ?, ?, l.currency,
       l.amount_fen, GREATEST(l.balance_fen, 100000), l.rate, l.start_date, l.maturity_date, l.repayment_method, ?,
       l.overdue_principal_fen, l.overdue_interest_fen, l.penalty_interest_fen, l.compound_interest_fen,
       GREATEST(l.on_balance_interest_fen, 1234), GREATEST(l.off_balance_interest_fen, 567), 'loss',
       l.classified_on, 'active', NOW(), NOW()
     FROM ca_loans l ${source} LIMIT ?`,
    [prefix, orgId, managerId, overdueDays, limit]
  )
  await sql.query(
    `INSERT INTO ca_risk_assets (loan_id, customer_id, org_id, manager_id, status, entered_on, created_at, updated_at)
     SELECT id, customer_id, org_id, manager_id, 'managed', CURDATE(), NOW(), NOW() FROM ca_loans WHERE loan_no LIKE ?`,
    [`${prefix}%`]
  )
}

/**
 * Exactly once, counted at the simulator: of `keys` (the batch's idempotency keys),
 * how many core banking applied once, never (lost) and more than once (doubled);
 * `foreign` are keys applied meanwhile that are not the batch's (the demo's own).
 */
export function exactlyOnce(appliedPerKey, keys) {
  const ours = new Set(keys)
  let once = 0
  let lost = 0
  let doubled = 0
  for (const key of ours) {
    const n = appliedPerKey[key] ?? 0
    if (n === 1) once++
    else if (n === 0) lost++
    else doubled++
  }
  const foreign = Object.keys(appliedPerKey).filter((k) => !ours.has(k)).length
  return { keys: ours.size, once, lost, doubled, foreign, ok: once === ours.size }
}
