import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { outboxScheduler } from '#core/connectors/outbox_scheduler'
import { settingsCache } from '#core/settings/settings_cache'
import type { Simulator } from '../../simulator/server.js'
import { startTestSimulator } from '../helpers.js'
import { enqueuePostings, pointCoreBankingAt } from '../crash_helpers.js'

/*
| Acceptance of issue 4, the crash half, with the product's own deliverer: a
| booted `node ace queue:work` (BullMQ on Redis) runs the `system:outbox-deliver`
| jobs that the real outbox scheduler dispatches (here, in the test process,
| as in a web node with QUEUE_WORKER=false). 500 postings go to a core banking
| failing 50 % and timing out 10 % (processed, answered too late). The worker is
| SIGKILLed mid-run, holding claims, with postings applied but unacknowledged;
| a second `queue:work` finishes. The simulator's ledger shows every posting
| applied exactly once.
|
| Only the 参数 are turned down (claim hold 10 s, call timeout 1 s, tick 1 s,
| attempts 1000) so the run takes a minute, not an hour; and the worker's
| core-banking breaker is relaxed by outbox_worker_preload.ts. No global
| transaction: the workers must see committed rows, so the test restores what
| it changed itself.
*/
const TOTAL = 500
const PREFIX = 'wcrash:'
const KEY = (i: number) => `${PREFIX}${i + 1}`

const FAST_SETTINGS: Record<string, string> = {
  // Longer than a claimed batch takes (50 messages, a few 1 s timeouts among them).
  'system.outbox.claimTtlSeconds': '10',
  'system.outbox.timeoutSeconds': '1',
  'system.outbox.backoffSeconds': '0',
  'system.outbox.maxAttempts': '1000',
  'system.outbox.tickSeconds': '1',
  // One posting a request: this run counts per-request faults (timeouts) on the single path;
  // 批量记账 is covered by resilience.spec.ts and the bench's kill -9 at 10,000 loans.
  'system.outbox.batchItems': '1',
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function counts() {
  const rows = await db
    .from('outbox_messages')
    .where('idempotency_key', 'like', `${PREFIX}%`)
    .select('status', 'claimed_by', 'claimed_until')
  const sent = rows.filter((r: any) => r.status === 'sent').length
  const claimed = rows.filter((r: any) => r.status === 'pending' && r.claimed_by).length
  const statuses: Record<string, number> = {}
  for (const row of rows) statuses[row.status] = (statuses[row.status] ?? 0) + 1
  return { sent, claimed, statuses }
}

interface Worker {
  child: ChildProcess
  output: string[]
  ready: Promise<void>
  exited: Promise<number | null>
}

/** `node ace queue:work`, as an operator starts it, plus the breaker preload. */
function startWorker(): Worker {
  const child = spawn(
    'node',
    [
      '--import=ts-node-maintained/register/esm',
      '--import=./plugins/bank-systems/tests/functional/outbox_worker_preload.ts',
      'ace',
      'queue:work',
    ],
    {
      cwd: app.makePath(),
      env: { ...process.env, NODE_ENV: 'test', QUEUE_WORKER: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  const output: string[] = []
  let relaxed = false
  let markReady: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const keep = (chunk: Buffer) => {
    const lines = chunk.toString('utf8').split('\n').filter(Boolean)
    output.push(...lines)
    if (output.length > 60) output.splice(0, output.length - 60)
    if (lines.some((l) => l.includes('core-banking breaker relaxed'))) relaxed = true
    if (relaxed && lines.some((l) => l.includes('queue worker started'))) markReady()
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code))
  )
  return { child, output, ready, exited }
}

test.group('bank-systems: outbox survives a killed queue:work', (group) => {
  let sim: Simulator
  let restoreCoreBanking: (() => Promise<void>) | undefined
  const savedSettings = new Map<string, string | null>()
  const workers: ChildProcess[] = []

  group.setup(async () => {
    sim = await startTestSimulator()
    restoreCoreBanking = await pointCoreBankingAt(sim)
    for (const [key, value] of Object.entries(FAST_SETTINGS)) {
      const row = await db.from('settings').where('key', key).first()
      savedSettings.set(key, row?.value ?? null)
      await db.from('settings').where('key', key).update({ value })
    }
    settingsCache.invalidate()
    return async () => {
      outboxScheduler.stop()
      for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL')
      await db.from('outbox_messages').where('idempotency_key', 'like', `${PREFIX}%`).delete()
      for (const [key, value] of savedSettings)
        await db.from('settings').where('key', key).update({ value })
      settingsCache.invalidate()
      await restoreCoreBanking?.()
      await sim.stop()
    }
  })

  test('SIGKILL the worker mid-delivery, start another: all 500 postings applied exactly once', async ({
    assert,
  }) => {
    sim.reset()
    sim.setFaults({
      system: 'core-banking',
      errorRate: 0.5,
      timeoutRate: 0.1,
      latencyMs: 20,
      // Longer than the 1 s call timeout: applied, but the worker gives up on the answer.
      hangMs: 1_500,
    })
    const keys = Array.from({ length: TOTAL }, (_, i) => KEY(i))
    await enqueuePostings(keys)

    const started = Date.now()
    const phases: string[] = []
    const phase = (name: string) => phases.push(`${name} ${Date.now() - started} ms`)
    const first = startWorker()
    workers.push(first.child)
    await Promise.race([first.ready, sleep(60_000)])
    assert.isNull(first.child.exitCode, `worker 1 did not start:\n${first.output.join('\n')}`)
    phase('worker 1 ready')
    // The scheduler of a web node: dispatches a delivery job whenever something is due.
    await outboxScheduler.start()

    let atKill: Awaited<ReturnType<typeof counts>> | undefined
    for (let waited = 0; waited < 60_000; waited += 25) {
      const now = await counts()
      if (now.sent >= 100 && now.claimed >= 5) {
        first.child.kill('SIGKILL')
        atKill = now
        break
      }
      await sleep(25)
    }
    assert.isDefined(
      atKill,
      `worker 1 was never caught mid-run: ${JSON.stringify(await counts())}\n` +
        first.output.join('\n')
    )
    await first.exited
    phase('killed')
    const orphaned = await counts()
    const unacknowledged = sim.stats().postings.applied - orphaned.sent
    assert.isBelow(orphaned.sent, TOTAL, 'killed before the end')
    assert.isAbove(
      orphaned.claimed + unacknowledged,
      0,
      'the kill left claims or unacknowledged postings'
    )

    // An operator restarts the worker; the scheduler keeps dispatching.
    const second = startWorker()
    workers.push(second.child)
    let final = await counts()
    for (let waited = 0; waited < 120_000 && final.sent < TOTAL; waited += 250) {
      if (second.child.exitCode !== null) break
      await sleep(250)
      final = await counts()
    }
    phase('all sent')
    outboxScheduler.stop()
    // Stop the survivor gracefully: a SIGKILL here would leave its claimed BullMQ jobs
    // "active" until a stall check, and every later test's queue.drain() would wait on them.
    second.child.kill('SIGINT')
    await Promise.race([second.exited, sleep(15_000)])
    if (second.child.exitCode === null) second.child.kill('SIGKILL')
    await second.exited
    assert.deepEqual(
      final.statuses,
      { sent: TOTAL },
      `none pending, none dead:\n${second.output.join('\n')}`
    )

    const stats = sim.stats()
    assert.equal(stats.postings.applied, TOTAL)
    assert.sameMembers(Object.keys(stats.postings.appliedPerKey), keys)
    for (const [key, times] of Object.entries(stats.postings.appliedPerKey))
      assert.equal(times, 1, `${key} applied ${times} times`)
    assert.isAbove(stats.injected.errors, 200)
    assert.isAbove(stats.injected.timeouts, 20)
    assert.isAbove(stats.postings.duplicatesRefused, 0)
    assert.equal(stats.postings.requests, stats.postings.applied + stats.postings.duplicatesRefused)
    console.log(
      `  queue:work crash: killed at ${atKill!.sent} sent / ${atKill!.claimed} claimed ` +
        `(${orphaned.claimed} claims orphaned, ${unacknowledged} applied but unacknowledged); ` +
        `${stats.requests['core-banking']} requests, ${stats.injected.errors} errors, ` +
        `${stats.injected.timeouts} timeouts, ${stats.postings.duplicatesRefused} duplicates refused, ` +
        `${stats.postings.applied} applied once (${phases.join(', ')})`
    )
  }).timeout(240_000)
})
