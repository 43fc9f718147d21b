/*
| When outbox deliveries run in the web process: right after a transaction with
| outbox messages commits (debounced, so a batch of postings makes one job), and
| on a periodic tick that picks up retries whose back-off has passed and
| messages whose claim expired after a crash. The tick only dispatches a job
| when something is due, so an idle system adds no job runs.
*/
import logger from '@adonisjs/core/services/logger'
import { queue } from '#core/queue/queue'
import { outbox } from './outbox.js'
import { settings } from '#core/settings/settings'

export const OUTBOX_JOB = 'system:outbox-deliver'
const DEFAULT_TICK_MS = 15_000
const DEBOUNCE_MS = 250

let interval: NodeJS.Timeout | undefined
let pending: NodeJS.Timeout | undefined
let unsubscribe: (() => void) | undefined
/** Dispatches in flight: stop() waits for them, so no job is queued after the workers drained. */
const inFlight = new Set<Promise<unknown>>()

function track(work: Promise<unknown>) {
  inFlight.add(work)
  void work.finally(() => inFlight.delete(work))
}

function dispatch() {
  track(
    queue
      .dispatch(OUTBOX_JOB)
      .catch((error) => logger.error({ err: error }, 'outbox dispatch failed'))
  )
}

function dispatchSoon() {
  if (pending) return
  pending = setTimeout(() => {
    pending = undefined
    dispatch()
  }, DEBOUNCE_MS)
}

/** The polling interval from 参数 `system.outbox.tickSeconds` (read at start). */
async function tickMs() {
  try {
    return Math.max(1, await settings.integer('system.outbox.tickSeconds')) * 1000
  } catch {
    return DEFAULT_TICK_MS
  }
}

export const outboxScheduler = {
  async start() {
    if (interval) return
    const every = await tickMs()
    if (interval) return
    unsubscribe = outbox.onEnqueued(dispatchSoon)
    interval = setInterval(() => {
      track(
        outbox
          .hasDue()
          .then((due) => due && interval && dispatch())
          .catch((error) => logger.error({ err: error }, 'outbox tick failed'))
      )
    }, every)
    interval.unref()
  },

  async stop() {
    if (interval) clearInterval(interval)
    if (pending) clearTimeout(pending)
    unsubscribe?.()
    interval = pending = unsubscribe = undefined
    await Promise.all(inFlight)
  },
}
