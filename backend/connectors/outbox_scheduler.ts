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

function dispatch() {
  queue
    .dispatch(OUTBOX_JOB)
    .catch((error) => logger.error({ err: error }, 'outbox dispatch failed'))
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
      outbox
        .hasDue()
        .then((due) => due && dispatch())
        .catch((error) => logger.error({ err: error }, 'outbox tick failed'))
    }, every)
    interval.unref()
  },

  stop() {
    if (interval) clearInterval(interval)
    if (pending) clearTimeout(pending)
    unsubscribe?.()
    interval = pending = unsubscribe = undefined
  },
}
