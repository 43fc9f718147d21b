/*
| The job_schedules table for the in-process driver's ticker: which schedules
| exist (synced from the declared jobs at start) and the claim on each fire.
| Same approach as the outbox's claims: a conditional UPDATE that only one
| process can win, so any number of tickers may run — each fire is dispatched
| once.
*/
import db from '@adonisjs/lucid/services/db'
import { hostname } from 'node:os'
import { dbNow } from '#core/db/db_time'
import { fireKey, previousFire } from './cron.js'
import type { ScheduledJob } from './scheduled_jobs.js'

export const scheduleClaims = {
  /**
   * Makes the table match the declared schedules: new ones start from their
   * latest past fire (so declaring a job does not replay yesterday's run),
   * changed patterns are updated, and rows of jobs no longer declared (plugin
   * disabled, schedule dropped) are deleted.
   */
  async sync(jobs: ScheduledJob[], now: Date = new Date()) {
    const names = jobs.map((job) => job.name)
    const stale = db.from('job_schedules')
    if (names.length) stale.whereNotIn('name', names)
    const removed = await stale.delete()
    for (const job of jobs) {
      const last = previousFire(job.cron, now)
      if (!(await db.from('job_schedules').where('name', job.name).first()))
        await db
          .table('job_schedules')
          .insert({
            name: job.name,
            pattern: job.pattern,
            last_fire: last ? fireKey(last) : '0000-00-00 00:00',
            updated_at: dbNow(),
          })
          .catch(async (error) => {
            // Another process starting at the same moment inserted it first: fine.
            if (!(await db.from('job_schedules').where('name', job.name).first())) throw error
          })
      await db
        .from('job_schedules')
        .where('name', job.name)
        .whereNot('pattern', job.pattern)
        .update({ pattern: job.pattern, updated_at: dbNow() })
    }
    return { removed: Number(Array.isArray(removed) ? removed[0] : removed) }
  },

  /** True for exactly one caller per (job, fire time): the one whose UPDATE moved last_fire forward. */
  async claim(name: string, fire: string, by = `${hostname()}:${process.pid}`) {
    const changed = await db
      .from('job_schedules')
      .where('name', name)
      .where('last_fire', '<', fire)
      .update({ last_fire: fire, claimed_by: by.slice(0, 100), updated_at: dbNow() })
    return Number(Array.isArray(changed) ? changed[0] : changed) === 1
  },

  async list(): Promise<Array<{ name: string; pattern: string; lastFire: string }>> {
    const rows = await db.from('job_schedules').orderBy('name').select('*')
    return rows.map((r) => ({ name: r.name, pattern: r.pattern, lastFire: r.last_fire }))
  },
}
