/*
| The 处置期限 of an asset: `months` after the acquisition date (民法典 §201: the
| period starts the day after; it ends on the corresponding date, or the month's
| last day when there is none — §202: acquired 2024-02-29 + 24 months = 2026-02-28),
| rolled to the next working day when that day is a holiday (§203, on the
| holiday calendar). The next 定期检查 is `interval` months after the last one.
*/
import { DateTime } from 'luxon'
import { workingDays } from '#core/holidays/working_days'

/** The calendar date `months` after `date` ('YYYY-MM-DD'), clamped to the month's end. */
export function addMonths(date: string, months: number): string {
  const d = DateTime.fromISO(date, { zone: 'utc' })
  if (!d.isValid) throw new Error(`Not a date: ${date}`)
  return d.plus({ months }).toISODate()!
}

/** The legal disposal deadline: the corresponding date, on a working day. */
export async function disposalDeadline(
  acquiredOn: string,
  disposalMonths: number
): Promise<string> {
  return workingDays.periodEnd(addMonths(acquiredOn, disposalMonths))
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'utc' })
  const b = DateTime.fromISO(to, { zone: 'utc' })
  return Math.round(b.diff(a, 'days').days)
}
