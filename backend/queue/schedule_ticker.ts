/*
| The in-process driver's cron (demo / SQLite, no Redis): every few seconds
| each scheduled job's latest fire time is compared with its claim row; the
| process that wins the claim dispatches the job once. A fire missed while no
| process ran (the demo was stopped at 07:30) goes out once when one starts
| again — the latest one only, like a BullMQ delayed job picked up late.
*/
import logger from '@adonisjs/core/services/logger'
import { fireKey, previousFire } from './cron.js'
import { scheduleClaims } from './schedule_claims.js'
import type { ScheduledJob } from './scheduled_jobs.js'

export interface TickerOptions {
  jobs: ScheduledJob[]
  /** Runs the job (normally queue.dispatch). */
  fire: (name: string, fireAt: string) => Promise<unknown>
  /** The clock; tests pass a fixed one. */
  now?: () => Date
  /** Claim owner label; defaults to host:pid. */
  instance?: string
}

export const TICK_MS = 15_000

export class ScheduleTicker {
  #timer?: NodeJS.Timeout
  /** The pass in progress: stop() waits for it, so no dispatch follows a stop. */
  #ticking: Promise<unknown> | null = null

  constructor(private options: TickerOptions) {}

  /** One pass: returns the jobs this instance fired, with their fire time. */
  async tick(): Promise<Array<{ name: string; fire: string }>> {
    const now = (this.options.now ?? (() => new Date()))()
    const fired: Array<{ name: string; fire: string }> = []
    for (const job of this.options.jobs) {
      const latest = previousFire(job.cron, now)
      if (!latest) continue
      const fire = fireKey(latest)
      if (!(await scheduleClaims.claim(job.name, fire, this.options.instance))) continue
      try {
        await this.options.fire(job.name, fire)
        fired.push({ name: job.name, fire })
      } catch (error) {
        // The claim stays taken: a dispatch that failed is logged, not retried
        // every tick (the job's own `attempts` cover failures inside the job).
        logger.error({ err: error, job: job.name, fire }, 'scheduled job dispatch failed')
      }
    }
    return fired
  }

  start(everyMs = TICK_MS) {
    if (this.#timer) return
    const run = () => {
      if (this.#ticking) return
      this.#ticking = this.tick()
        .catch((error) => logger.error({ err: error }, 'schedule tick failed'))
        .finally(() => (this.#ticking = null))
    }
    run()
    this.#timer = setInterval(run, everyMs)
    this.#timer.unref()
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = undefined
    await this.#ticking
  }
}
