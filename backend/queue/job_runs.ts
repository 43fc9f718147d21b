/*
| job_runs: the durable record of every job — status, progress and result —
| shared by both queue drivers and read by the console's progress bars.
*/
import { dbNow } from '#core/db/db_time'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed'

export interface JobRun {
  id: string
  name: string
  status: JobStatus
  progress: number
  message: string | null
  payload: unknown
  result: unknown
  error: string | null
  attempts: number
  userId: number | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

const parse = (text: string | null) => (text == null ? null : JSON.parse(text))

export function toJobRun(row: any): JobRun {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    progress: Number(row.progress),
    message: row.message,
    payload: parse(row.payload),
    result: parse(row.result),
    error: row.error,
    attempts: Number(row.attempts),
    userId: row.user_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }
}

export const jobRuns = {
  async create(name: string, payload: unknown, userId: number | null) {
    const id = randomUUID()
    await db.table('job_runs').insert({
      id,
      name,
      status: 'queued',
      progress: 0,
      payload: JSON.stringify(payload ?? null),
      user_id: userId,
      created_at: dbNow(),
    })
    return id
  },

  async started(id: string) {
    await db.from('job_runs').where('id', id).increment('attempts', 1)
    await db.from('job_runs').where('id', id).update({ status: 'running', started_at: dbNow() })
  },

  async progress(id: string, percent: number, message?: string) {
    const clamped = Math.max(0, Math.min(100, Math.round(percent)))
    await db
      .from('job_runs')
      .where('id', id)
      .update({ progress: clamped, ...(message !== undefined ? { message } : {}) })
  },

  async completed(id: string, result: unknown) {
    await db
      .from('job_runs')
      .where('id', id)
      .update({
        status: 'completed',
        progress: 100,
        result: JSON.stringify(result ?? null),
        finished_at: dbNow(),
      })
  },

  /** `final` false means another attempt follows: the run goes back to queued. */
  async failed(id: string, error: Error, final: boolean) {
    await db
      .from('job_runs')
      .where('id', id)
      .update({
        status: final ? 'failed' : 'queued',
        error: error.message.slice(0, 4000),
        ...(final ? { finished_at: dbNow() } : {}),
      })
  },

  async find(id: string): Promise<JobRun | null> {
    const row = await db.from('job_runs').where('id', id).first()
    return row ? toJobRun(row) : null
  },
}
