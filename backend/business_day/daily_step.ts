/*
| Idempotent daily steps (日终步骤). A step runs at most once per (step, business
| date, subject): its work and the record that it ran commit in one transaction,
| and the unique key on daily_step_runs makes a concurrent or repeated run a no-op.
*/
import { dbNow } from '#core/db/db_time'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertDate } from './business_date.js'

export async function hasRun(step: string, date: string, subject = '*') {
  const row = await db.from('daily_step_runs').where({ step, business_date: date, subject }).first()
  return Boolean(row)
}

/**
 * Runs `work` for the business date unless it already ran. Returns true when it
 * ran now, false when it had already run (nothing changed).
 */
export async function runDailyStep(
  step: string,
  date: string,
  work: (trx: TransactionClientContract) => Promise<void>,
  subject = '*'
): Promise<boolean> {
  assertDate(date)
  if (await hasRun(step, date, subject)) return false
  try {
    await db.transaction(async (trx) => {
      // Claim first: a second runner blocks here on the unique key, then fails.
      await trx
        .table('daily_step_runs')
        .insert({ step, business_date: date, subject, completed_at: dbNow() })
      await work(trx)
    })
    return true
  } catch (error) {
    if (await hasRun(step, date, subject)) return false
    throw error
  }
}
