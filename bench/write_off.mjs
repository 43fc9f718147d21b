/*
| `npm run bench` case 5 (alone: BENCH_ONLY=write-off) — a 批量核销 of
| BENCH_WRITE_OFF_LOANS (default 10 000) loans from the 批复 to every posting
| acknowledged by the simulated core banking, as production runs it: a web
| process (QUEUE_WORKER=false; it runs the bank-systems simulator, being in demo
| mode, and the outbox scheduler) and a dedicated `node ace queue:work` on BullMQ
| (Redis), which executes the reply job chunk by chunk and delivers the outbox.
|
|   a. no faults: loans/s and seconds to 执行完毕 and to all acknowledged; the
|      baseline in the same run is one plain set-based statement per table the
|      execution writes (UPDATE the loans, INSERT … SELECT the postings), rolled back;
|   b. 20 % of core-banking requests answered 500 and the worker SIGKILLed once
|      mid-batch (a second worker takes over: BullMQ hands it the stalled job):
|      every posting key applied exactly once, counted at the simulator.
|
| The batch is built directly in SQL, like the handover in case 1: fresh loans
| cloned from the demo book (朝阳支行, 损失类, with on- and off-balance interest so
| each loan has three postings), their risk assets, and an approved batch plan
| applied for by bj_cy_am; bj_asset issues the 批复 over HTTP (four eyes), and
| the console's progress is the reply job's progress (GET /api/jobs/:id), sampled.
| The outbox 参数 are set as an operator tunes them for a batch (claim held
| 10 s, tick 1 s, back-off 1 s, 16 requests in flight, 100 postings a request
| to core banking's 批量记账) and put back afterwards.
*/
import { loadavg } from 'node:os'
import { deliveryFloor } from './delivery_floor.mjs'
import {
  OUTBOX_SETTINGS,
  batchStack,
  cloneLoans,
  exactlyOnce,
  sleep,
  tuneSettings,
  useSimulator,
} from './batch_stack.mjs'

export async function writeOffBench({ root, env, sql }) {
  const LOANS = Number(process.env.BENCH_WRITE_OFF_LOANS ?? 10_000)
  // BENCH_WRITE_OFF_RUNS=clean or =faults runs one of the two; BENCH_WRITE_OFF_EXECUTE_ONLY=1
  // stops at 执行完毕 (to compare execution paths without waiting for delivery).
  const EXECUTE_ONLY = process.env.BENCH_WRITE_OFF_EXECUTE_ONLY === '1'
  const stack = batchStack({ root, env, offset: 7, queue: 'bench-wo' })
  const { simPort, simCall, stop, startWorker } = stack
  const restore = await tuneSettings(sql, OUTBOX_SETTINGS)
  const restoreSystems = await useSimulator(sql, simPort)
  const web = await stack.startWeb()
  const api = await stack.signIn('bj_asset', 'Asset@12345')
  const [[{ id: orgId }]] = await sql.query("SELECT id FROM orgs WHERE code = '110101'")
  const [[{ id: applicantId }]] = await sql.query(
    "SELECT id FROM users WHERE username = 'bj_cy_am'"
  )
  const [[rule]] = await sql.query('SELECT code FROM write_off_rules ORDER BY id LIMIT 1')

  /** Fresh loans, their risk assets and an approved batch plan of them; the plan's id. */
  async function buildBatch(tag) {
    const started = process.hrtime.bigint()
    await cloneLoans(sql, {
      prefix: `WOB${tag}-`,
      orgId,
      managerId: applicantId,
      overdueDays: 400,
      source: "WHERE l.status = 'active' AND l.loan_no NOT LIKE 'WOB%' ORDER BY l.id",
      limit: LOANS,
    })
    const like = `WOB${tag}-%`
    const [[sum]] = await sql.query(
      `SELECT COUNT(*) AS n, CAST(SUM(balance_fen + on_balance_interest_fen + off_balance_interest_fen) AS CHAR) AS total
       FROM ca_loans WHERE loan_no LIKE ?`,
      [like]
    )
    const [plan] = await sql.query(
      `INSERT INTO write_off_plans (plan_no, kind, title, reasons, org_id, created_by, status, item_count, total_fen,
         committee_required, submitted_at, created_at, updated_at)
       VALUES (?, 'batch', ?, '追索 180 天以上仍无法收回（性能测试）。', ?, ?, 'approved', ?, ?, 0, NOW(), NOW(), NOW())`,
      [`WOB${tag}`, `性能测试批量核销 ${tag}`, orgId, applicantId, sum.n, sum.total]
    )
    const planId = plan.insertId
    await sql.query(
      `INSERT INTO write_off_plan_items (plan_id, subject_kind, subject_id, subject_no, customer_id, customer_name,
         org_id, manager_id, rule_code, principal_fen, on_balance_interest_fen, off_balance_interest_fen, fee_fen)
       SELECT ?, 'loan', l.id, l.loan_no, l.customer_id, c.name, l.org_id, l.manager_id, ?, l.balance_fen,
         l.on_balance_interest_fen, l.off_balance_interest_fen, 0
       FROM ca_loans l JOIN ca_customers c ON c.id = l.customer_id WHERE l.loan_no LIKE ? ORDER BY l.id`,
      [planId, rule.code, like]
    )
    await sql.query(
      `INSERT INTO write_off_locks (subject_key, plan_id)
       SELECT CONCAT('loan:', subject_id), plan_id FROM write_off_plan_items WHERE plan_id = ?`,
      [planId]
    )
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    return { planId, loans: Number(sum.n), buildSeconds: seconds }
  }

  const outboxOf = async (planId) => {
    const [rows] = await sql.query(
      `SELECT o.status, COUNT(*) AS n FROM write_off_postings w JOIN outbox_messages o ON o.id = w.outbox_id
       WHERE w.plan_id = ? GROUP BY o.status`,
      [planId]
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
  }

  /** Issues the 批复, follows the job, optionally kills the worker mid-batch; the figures. */
  async function run(label, { errorRate, killAt }) {
    await simCall('POST', '/reset')
    if (errorRate) await simCall('POST', '/faults', { system: 'core-banking', errorRate })
    const tag = Date.now().toString(36).toUpperCase()
    const { planId, loans, buildSeconds } = await buildBatch(tag)
    let worker = startWorker()
    await worker.ready
    const loadAtStart = loadavg()[0]
    const t0 = process.hrtime.bigint()
    const secs = () => Number(process.hrtime.bigint() - t0) / 1e9
    const reply = await api('POST', `/api/write-off/plans/${planId}/reply`, {
      repliedOn: new Date().toISOString().slice(0, 10),
      replyText: '同意批量核销（性能测试）',
    })
    const trail = []
    let executed = null
    let killed = null
    let expected = null
    for (;;) {
      const job = await api('GET', `/api/jobs/${reply.jobId}`)
      const last = trail[trail.length - 1]
      if (!last || last.progress !== job.progress)
        trail.push({ s: secs(), progress: job.progress, message: job.message })
      if (killAt && !killed && job.progress >= killAt) {
        await stack.crash(worker)
        killed = { s: secs(), progress: job.progress, outbox: await outboxOf(planId) }
        worker = startWorker()
        await worker.ready
      }
      if (job.status === 'failed') throw new Error(`reply job failed: ${job.error}`)
      if (job.status === 'completed' && executed === null) {
        executed = secs()
        const [[n]] = await sql.query(
          'SELECT COUNT(*) AS n FROM write_off_postings WHERE plan_id = ?',
          [planId]
        )
        expected = Number(n.n)
      }
      if (executed !== null && EXECUTE_ONLY) {
        // Execution only (an A/B of the execution path): the postings are not waited for and
        // marked dead, so no later run delivers them.
        await sql.query(
          `UPDATE outbox_messages SET status = 'dead', last_error = 'bench: execution only'
           WHERE status = 'pending' AND id IN (SELECT outbox_id FROM write_off_postings WHERE plan_id = ?)`,
          [planId]
        )
        await stop(worker)
        console.log(
          `  ${label}: ${loans} loans, ${expected} postings | executed ${executed.toFixed(1)} s (${Math.round(loans / executed)} loans/s) — execution only`
        )
        return { tag, planId, loans, executed, acknowledged: null }
      }
      if (executed !== null) {
        const states = await outboxOf(planId)
        if ((states.sent ?? 0) === expected) break
        if (secs() > 900) throw new Error(`not delivered in 15 min: ${JSON.stringify(states)}`)
      }
      await sleep(200)
    }
    const acknowledged = secs()
    await stop(worker)
    // Exactly once, counted at the simulator: every key of the plan applied once, no other.
    const stats = await simCall('GET', '/stats')
    const [keys] = await sql.query(
      'SELECT idempotency_key AS k FROM write_off_postings WHERE plan_id = ?',
      [planId]
    )
    // Keys of other messages (the demo database's own, due meanwhile) are not the plan's.
    const once = exactlyOnce(
      stats.postings.appliedPerKey,
      keys.map((k) => k.k)
    )
    const [[items]] = await sql.query(
      `SELECT COUNT(*) AS n, COUNT(written_off_on) AS done FROM write_off_plan_items WHERE plan_id = ?`,
      [planId]
    )
    const [[book]] = await sql.query(
      `SELECT COUNT(*) AS n FROM ca_loans WHERE loan_no LIKE ? AND status = 'written_off'`,
      [`WOB${tag}-%`]
    )
    const [[outcomes]] = await sql.query(
      `SELECT COUNT(*) AS n FROM disposal_outcomes WHERE source_plugin = 'write-off' AND source_ref IN
         (SELECT CONCAT('item:', id) FROM write_off_plan_items WHERE plan_id = ?)`,
      [planId]
    )
    const ok = once.ok && Number(items.done) === loans
    console.log(
      `  ${label} [load ${loadAtStart.toFixed(1)} → ${loadavg()[0].toFixed(1)}]: ${loans} loans (built in ${buildSeconds.toFixed(1)} s), ${expected} postings | executed ${executed.toFixed(1)} s (${Math.round(loans / executed)} loans/s) | all acknowledged ${acknowledged.toFixed(1)} s (${Math.round(loans / acknowledged)} loans/s, ${Math.round(expected / acknowledged)} postings/s)`
    )
    console.log(
      `    simulator: ${stats.requests['core-banking']} requests to core banking (${stats.postings.requests} postings in them), ${stats.injected.errors} injected 500s, ${stats.postings.duplicatesRefused} repeats refused by key | of ${once.keys} keys: applied once ${once.once}, lost ${once.lost}, doubled ${once.doubled} (+${once.foreign} other messages) → ${ok ? 'exactly once ✓' : 'NOT exactly once ✗'}`
    )
    console.log(
      `    book: ${book.n} loans 已核销, ${outcomes.n} disposal outcomes, ${items.done}/${items.n} items executed` +
        (killed
          ? ` | worker SIGKILLed at ${killed.s.toFixed(1)} s (progress ${killed.progress} %, outbox ${JSON.stringify(killed.outbox)})`
          : '')
    )
    console.log(
      `    console progress: ${trail.map((t) => `${t.progress}%@${t.s.toFixed(0)}s`).join(' ')}`
    )
    if (!ok) process.exitCode = 1
    return { tag, planId, loans, executed, acknowledged }
  }

  console.log(
    `\n5. 批量核销 of ${LOANS} loans, 批复 → every posting acknowledged (web + simulator, queue:work on BullMQ)`
  )
  try {
    const runs = (process.env.BENCH_WRITE_OFF_RUNS ?? 'clean,faults').split(',')
    if (runs.includes('clean')) await cleanRun()
    if (runs.includes('faults'))
      await run('b. 20 % core errors + worker kill -9 mid-batch', { errorRate: 0.2, killAt: 40 })
  } finally {
    await stop(web)
    await restore()
    await restoreSystems()
  }

  async function cleanRun() {
    const clean = await run('a. no faults', {})
    if (EXECUTE_ONLY) return
    // Baseline: the same rows written by one set-based statement each (rolled back).
    const like = `WOB${clean.tag}-%`
    const started = process.hrtime.bigint()
    await sql.query('START TRANSACTION')
    await sql.query(
      "UPDATE ca_loans SET status = 'active', updated_at = NOW() WHERE loan_no LIKE ?",
      [like]
    )
    await sql.query(
      `INSERT INTO outbox_messages (idempotency_key, system_code, interface_code, payload, status, attempts,
         next_attempt_at, correlation_id, created_at)
       SELECT CONCAT('bench:', idempotency_key), 'core-banking', 'posting', '{}', 'sent', 0, NOW(3), 'bench', NOW()
       FROM write_off_postings WHERE plan_id = ?`,
      [clean.planId]
    )
    const plain = Number(process.hrtime.bigint() - started) / 1e9
    await sql.query('ROLLBACK')
    // Delivery's floors, straight to the simulator over HTTP, 16 requests at a time, without the
    // outbox (no claim, no call log, no ack written): every posting in 批量记账 requests of 100,
    // and — one request per posting, as delivery worked before — the first 3,000 (a rate; the
    // whole 30,000 one by one takes minutes on a loaded machine).
    const [[{ n: count }]] = await sql.query(
      'SELECT COUNT(*) AS n FROM write_off_postings WHERE plan_id = ?',
      [clean.planId]
    )
    const postings = Number(count)
    const batched = await deliveryFloor(simPort, clean.tag, postings, 100, '/postings/batch')
    const sample = Math.min(postings, 3000)
    const single = await deliveryFloor(simPort, clean.tag, sample, 1, '/postings')
    const delivery = clean.acknowledged - clean.executed
    console.log(
      `    baseline: plain set-based SQL of the same rows ${plain.toFixed(2)} s | execution/plain ${(clean.executed / plain).toFixed(1)}×`
    )
    console.log(
      `    delivery floors (raw HTTP, 16 in flight): ${postings} postings in requests of 100 ${batched.toFixed(1)} s (${Math.round(postings / batched)}/s); ${sample} one request each ${single.toFixed(1)} s (${Math.round(sample / single)}/s) | outbox after 执行完毕 ${delivery.toFixed(1)} s`
    )
  }
}
