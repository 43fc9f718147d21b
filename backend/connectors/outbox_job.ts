/*
| Job `system:outbox-deliver`: delivers every due outbox message. Dispatched
| after each commit that enqueued messages and by the periodic tick
| (outbox_scheduler.ts); any number may run at once on any node — claims keep
| them apart. Limits come from the 参数 declared in system/parts/connectors.ts.
*/
import type { JobHandler } from '#core/plugins/types'
import { settings } from '#core/settings/settings'
import { queue } from '#core/queue/queue'
import { outbox } from './outbox.js'
import { OUTBOX_JOB } from './outbox_scheduler.js'

/** Rounds (a claimed batch each) a delivery job runs before it hands over to a follow-up. */
const ROUNDS = 20

async function setting(key: string, fallback: number) {
  try {
    return await settings.integer(key)
  } catch {
    return fallback
  }
}

async function lanes() {
  const concurrency = Math.min(64, Math.max(1, await setting('system.outbox.concurrency', 5)))
  // Per request to a batch endpoint (core banking's postings); capped by the endpoint's own limit.
  const batchItems = Math.min(1000, Math.max(1, await setting('system.outbox.batchItems', 100)))
  return { concurrency, batchSize: Math.max(50, concurrency * 5), batchItems }
}

const handler: JobHandler = async () => {
  const counts = await outbox.deliverDue({
    maxAttempts: await setting('system.outbox.maxAttempts', 10),
    backoffMs: (await setting('system.outbox.backoffSeconds', 2)) * 1000,
    // Doubling stops here: a message that failed six or seven times in a row (a flaky core,
    // not a down one — the breaker handles that) would otherwise wait up to ten minutes.
    maxBackoffMs: Math.max(1, await setting('system.outbox.maxBackoffSeconds', 600)) * 1000,
    claimTtlMs: (await setting('system.outbox.claimTtlSeconds', 120)) * 1000,
    timeoutMs: (await setting('system.outbox.timeoutSeconds', 10)) * 1000,
    // A round claims a few messages per lane, so every lane stays busy.
    ...(await lanes()),
    // A run ends when nothing is due now; later retries are picked up by the tick.
    maxRounds: ROUNDS,
  })
  // Cut short by the round limit with more due: a follow-up job, queued behind whatever else
  // waits (a batch's execution resuming after a crash), so a long delivery — thousands of
  // postings — never holds one of the worker's few slots for minutes.
  if (await outbox.hasDue()) await queue.dispatch(OUTBOX_JOB)
  return counts
}

export default handler
