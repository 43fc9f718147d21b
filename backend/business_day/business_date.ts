/*
| 营业日期: the bank's current business date, one row in business_day, moved on
| by the end-of-day job. Business dates are Asia/Shanghai calendar dates held as
| 'YYYY-MM-DD' strings, never Date objects, so no time zone can shift them.
*/
import { AsyncLocalStorage } from 'node:async_hooks'
import { DateTime } from 'luxon'
import { dbNow } from '#core/db/db_time'
import db from '@adonisjs/lucid/services/db'

export const BANK_ZONE = 'Asia/Shanghai'
const DATE = /^\d{4}-\d{2}-\d{2}$/

const override = new AsyncLocalStorage<string>()

export function assertDate(date: string) {
  if (!DATE.test(date) || !DateTime.fromISO(date).isValid)
    throw new Error(`Not a business date: "${date}"`)
  return date
}

/** Today's calendar date in the bank's time zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(BANK_ZONE).toISODate()!
}

export function addCalendarDays(date: string, days: number): string {
  return DateTime.fromISO(assertDate(date), { zone: BANK_ZONE }).plus({ days }).toISODate()!
}

const asDateString = (value: unknown) =>
  value instanceof Date ? DateTime.fromJSDate(value).toISODate()! : String(value).slice(0, 10)

export const businessDate = {
  /** The current business date (or the one `runAs` set for this async context). */
  async current(): Promise<string> {
    const forced = override.getStore()
    if (forced) return forced
    const row = await db.from('business_day').where('id', 1).first()
    if (row) return asDateString(row.business_date)
    const today = shanghaiToday()
    await this.set(today)
    return today
  },

  async set(date: string) {
    assertDate(date)
    const updated = await db
      .from('business_day')
      .where('id', 1)
      .update({ business_date: date, updated_at: dbNow() })
    if (!Number(Array.isArray(updated) ? updated[0] : updated)) {
      await db.table('business_day').insert({ id: 1, business_date: date, updated_at: dbNow() })
    }
  },

  /** Runs `fn` as if the business date were `date` (tests, re-runs of a past day). */
  runAs<T>(date: string, fn: () => Promise<T>): Promise<T> {
    return override.run(assertDate(date), fn)
  },
}
