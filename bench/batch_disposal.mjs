/*
| `npm run bench` case 6 (alone: BENCH_ONLY=batch-disposal) — 批量转让 of a pool of
| BENCH_BATCH_LOANS (default 50 000) loans as production runs it: a web process
| (QUEUE_WORKER=false; the bank-systems simulator and the outbox scheduler) and
| a `node ace queue:work` on BullMQ that runs the 交割 job and delivers the outbox.
|
|   pool   POST …/pool/filter: every eligible loan claimed and copied into the pool
|          (target < 10 s); baseline: one plain INSERT … SELECT of the same loans
|          into a scratch table;
|   sum    GET …/summary (户数, 本金, 利息, by 五级分类 / 担保结构 / 地区 / 诉讼状态);
|   pack   POST …/packages (all unpackaged loans in one package);
|   交割   POST /packages/:id/delivery under simulated core-banking faults (20 % of
|          requests and of batch items answered 500, 2 % of batches delivered twice by
|          the "network"; BENCH_BATCH_FAULTS sets them as JSON): the job (chunks of 500
|          debtors, set-based) and then every posting acknowledged through the outbox
|          in 批量记账 requests (target < 5 min); counted at the simulator: each key
|          applied exactly once — lost 0, doubled 0.
|
| BENCH_BATCH_DELIVERY=0 stops after the pool, summary and package (pool figures only).
|
| The loans are cloned in SQL from the demo book's corporate loans (朝阳支行, 损失类,
| a tag in overdue_days that the filter picks), like case 5. The project's 立项
| approval and the package's bidding, contract and payment are set in SQL: they are
| one row each and not what this measures. The outbox 参数 are set as an operator
| tunes them for a batch and put back afterwards.
*/
import {
  OUTBOX_SETTINGS,
  batchStack,
  cloneLoans,
  exactlyOnce,
  load,
  sleep,
  tuneSettings,
  useSimulator,
} from './batch_stack.mjs'

const FAULTS = JSON.parse(
  process.env.BENCH_BATCH_FAULTS ?? '{"errorRate": 0.2, "duplicateDeliveries": 0.02}'
)

export async function batchDisposalBench({ root, env, sql }) {
  const LOANS = Number(process.env.BENCH_BATCH_LOANS ?? 50_000)
  const WAIT = Number(process.env.BENCH_BATCH_WAIT_SECONDS ?? 1800)
  const DELIVERY = process.env.BENCH_BATCH_DELIVERY !== '0'
  const stack = batchStack({ root, env, offset: 8, queue: 'bench-bd' })
  const { simCall } = stack
  const restore = await tuneSettings(sql, OUTBOX_SETTINGS)
  const restoreSystems = await useSimulator(sql, stack.simPort)
  let web = null
  let worker = null
  try {
    web = await stack.startWeb()
    const api = await stack.signIn('bj_asset', 'Asset@12345')
    const timed = async (fn) => {
      const t = process.hrtime.bigint()
      const result = await fn()
      return { result, s: Number(process.hrtime.bigint() - t) / 1e9 }
    }

    console.log(
      `\n6. 批量转让 of a ${LOANS}-loan pool (web + simulator, queue:work on BullMQ) · load ${load()}`
    )
    /* ---- the loans: fresh, cloned from corporate loans, tagged by overdue_days --------- */
    const tag = Date.now().toString(36).toUpperCase()
    const overdue = 70_000 + (Date.now() % 20_000)
    const [[{ id: orgId }]] = await sql.query("SELECT id FROM orgs WHERE code = '110101'")
    const [[{ id: userId }]] = await sql.query("SELECT id FROM users WHERE username = 'bj_asset'")
    const built = await timed(() =>
      cloneLoans(sql, {
        prefix: `BDB${tag}-`,
        orgId,
        managerId: userId,
        overdueDays: overdue,
        // Corporate loans, each up to eight times (the demo book has fewer than 50 000).
        source: `JOIN ca_customers c ON c.id = l.customer_id
          CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
            UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) rep
          WHERE c.customer_type = 'corporate' AND l.loan_no NOT LIKE 'BDB%' ORDER BY rep.k, l.id`,
        limit: LOANS,
      })
    )
    const [[{ n: booked }]] = await sql.query(
      'SELECT COUNT(*) AS n FROM ca_loans WHERE loan_no LIKE ?',
      [`BDB${tag}-%`]
    )
    console.log(`  book: ${booked} loans cloned in ${built.s.toFixed(1)} s`)

    /* ---- 立项 (approval set in SQL), 组建资产池, 汇总, 组包 ----------------------------- */
    const project = await api('POST', '/api/batch-disposal/projects', {
      name: `性能测试批量转让 ${tag}`,
      mode: 'batch_transfer',
      targetSize: '900000000.00',
      plannedStart: '2026-10-01',
      plannedEnd: '2027-03-31',
      team: '总行资产保全部（性能测试）',
      reasons: '性能测试：五万户资产池的组建、汇总、组包与交割。',
    })
    await sql.query(
      "UPDATE batch_disposal_projects SET status = 'approved', stage = 'pool' WHERE id = ?",
      [project.id]
    )
    const filter = { overdueMin: overdue, overdueMax: overdue, fiveClasses: ['loss'] }
    const pool = await timed(() =>
      api('POST', `/api/batch-disposal/projects/${project.id}/pool/filter`, filter)
    )
    // Baseline: the same loans in one plain INSERT … SELECT (scratch table, dropped).
    await sql.query(
      'CREATE TEMPORARY TABLE bench_bd_plain (loan_id INT PRIMARY KEY, balance_fen BIGINT)'
    )
    const plain = await timed(() =>
      sql.query(
        'INSERT INTO bench_bd_plain SELECT id, balance_fen FROM ca_loans WHERE overdue_days = ? AND five_class = ?',
        [overdue, 'loss']
      )
    )
    await sql.query('DROP TEMPORARY TABLE bench_bd_plain')
    const summary = await timed(() =>
      api('GET', `/api/batch-disposal/projects/${project.id}/summary`)
    )
    const pack = await timed(() =>
      api('POST', `/api/batch-disposal/projects/${project.id}/packages`, {
        name: '性能测试包',
        allUnpacked: true,
        valuation: '300000000.00',
        reservePrice: '250000000.00',
        method: 'agreement',
        allocation: 'principal',
      })
    )
    const packageId = pack.result.id
    console.log(
      `  pool: ${pool.result.added} of ${pool.result.matched} loans in ${pool.s.toFixed(1)} s (target < 10 s; plain INSERT … SELECT ${plain.s.toFixed(2)} s, ratio ${(pool.s / plain.s).toFixed(1)}×) | summary ${summary.s.toFixed(1)} s (${summary.result.households} 户, 本金 ${summary.result.principal}) | package ${pack.s.toFixed(1)} s · load ${load()}`
    )

    if (!DELIVERY) return
    /* ---- bids, contract, payment set in SQL; 交割 under core-banking faults ---------- */
    // The bank's business date (the demo's may lag the calendar): paid and handed over on it.
    const [[bd]] = await sql.query(
      'SELECT CAST(business_date AS CHAR) AS d FROM business_day WHERE id = 1'
    )
    const [[{ d: calendar }]] = await sql.query('SELECT CAST(CURDATE() AS CHAR) AS d')
    const today = bd?.d ?? calendar
    await sql.query(
      `UPDATE batch_disposal_packages SET status = 'paid', buyer = '某资产管理公司（性能测试）', price_fen = 27000000003,
         contract_no = ?, contract_date = ?, paid_on = ? WHERE id = ?`,
      [`HT${tag}`, today, today, packageId]
    )
    await simCall('POST', '/reset')
    await simCall('POST', '/faults', { system: 'core-banking', ...FAULTS })
    worker = stack.startWorker()
    await worker.ready
    const t0 = process.hrtime.bigint()
    const secs = () => Number(process.hrtime.bigint() - t0) / 1e9
    const started = await api('POST', `/api/batch-disposal/packages/${packageId}/delivery`, {
      handoverDate: today,
    })
    const trail = []
    let executed = null
    let expected = null
    let sentSoFar = 0
    let timedOut = false
    for (;;) {
      if (started.jobId && executed === null) {
        const job = await api('GET', `/api/jobs/${started.jobId}`)
        const last = trail[trail.length - 1]
        if (!last || last.progress !== job.progress)
          trail.push({ s: secs(), progress: job.progress })
        if (job.status === 'failed') throw new Error(`delivery job failed: ${job.error}`)
        if (job.status === 'completed') {
          executed = secs()
          console.log(`  交割 job done in ${executed.toFixed(1)} s · load ${load()}`)
        }
      } else if (executed === null) executed = secs()
      if (executed !== null && expected === null) {
        const [[n]] = await sql.query(
          'SELECT COUNT(*) AS n FROM batch_disposal_postings WHERE package_id = ?',
          [packageId]
        )
        expected = Number(n.n)
      }
      if (expected !== null) {
        const [[s]] = await sql.query(
          `SELECT COUNT(*) AS n FROM batch_disposal_postings p JOIN outbox_messages o ON o.id = p.outbox_id
           WHERE p.package_id = ? AND o.status = 'sent'`,
          [packageId]
        )
        sentSoFar = Number(s.n)
        if (sentSoFar === expected) break
        // Bounded: past the wait the figures are what was acknowledged by then (a rate, not a pass).
        if (secs() > WAIT) {
          timedOut = true
          break
        }
      }
      await sleep(500)
    }
    const acknowledged = secs()
    const stats = await simCall('GET', '/stats')
    const [keys] = await sql.query(
      'SELECT idempotency_key AS k FROM batch_disposal_postings WHERE package_id = ?',
      [packageId]
    )
    const once = exactlyOnce(
      stats.postings.appliedPerKey,
      keys.map((k) => k.k)
    )
    const [[book]] = await sql.query(
      "SELECT COUNT(*) AS n FROM ca_loans WHERE loan_no LIKE ? AND status = 'transferred'",
      [`BDB${tag}-%`]
    )
    const [[outcomes]] = await sql.query(
      "SELECT COUNT(*) AS n FROM disposal_outcomes WHERE source_plugin = 'batch-disposal' AND source_ref LIKE ?",
      [`package:${packageId}:%`]
    )
    if (timedOut)
      console.log(
        `  postings: ${sentSoFar} of ${expected} acknowledged after ${acknowledged.toFixed(0)} s (${(sentSoFar / acknowledged).toFixed(1)}/s; BENCH_BATCH_WAIT_SECONDS=${WAIT}) — not all delivered`
      )
    const ok = !timedOut && once.ok && Number(book.n) === Number(pool.result.added)
    console.log(
      `  交割: ${book.n} loans 已转让, ${outcomes.n} outcomes, ${expected} postings | job ${executed.toFixed(1)} s (${Math.round(Number(book.n) / executed)} loans/s) | all acknowledged ${acknowledged.toFixed(1)} s (target < 300 s) · load ${load()}`
    )
    console.log(
      `    simulator: ${stats.requests['core-banking']} requests to core banking (${stats.postings.requests} postings in them, ${stats.injected.errors} injected 500s, ${stats.injected.duplicateDeliveries} batches delivered twice; ${stats.postings.duplicatesRefused} repeats refused by key) | of ${once.keys} keys: applied once ${once.once}, lost ${once.lost}, doubled ${once.doubled} (+${once.foreign} other messages) → ${ok ? 'exactly once ✓' : timedOut && !once.doubled ? 'none doubled, not all delivered' : 'NOT exactly once ✗'}`
    )
    console.log(
      `    console progress: ${trail.map((t) => `${t.progress}%@${t.s.toFixed(0)}s`).join(' ')}`
    )
    if (!ok) process.exitCode = 1
  } finally {
    if (worker) await stack.stop(worker)
    if (web) await stack.stop(web)
    await restore()
    await restoreSystems()
  }
}
