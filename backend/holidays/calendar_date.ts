/*
| Calendar dates as whole day numbers (days since 1970-01-01), so working-day
| loops are integer steps and Map lookups instead of date objects.
|
| The trap this avoids: a JS Date, or luxon in the local or Asia/Shanghai zone,
| carries a time of day and an offset. Shanghai kept summer time 1986–1991, so
| "plus one day" there is not always 24 hours, and a Date built from
| '2025-10-01' is midnight UTC, which is 08:00 in Shanghai but the previous
| evening in New York. A business date has no time and no zone; luxon in UTC is
| only used to read and write the 'YYYY-MM-DD' text.
*/
import { DateTime } from 'luxon'

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000

export class CalendarDateError extends Error {
  constructor(readonly value: unknown) {
    super(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`)
    this.name = 'CalendarDateError'
  }
}

/** True for a real 'YYYY-MM-DD' date (2025-02-29 and 2025-13-01 are not). */
export function isCalendarDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_TEXT.test(value) &&
    DateTime.fromISO(value, { zone: 'utc' }).isValid
  )
}

export function toDayNumber(date: string): number {
  if (typeof date !== 'string' || !DATE_TEXT.test(date)) throw new CalendarDateError(date)
  const parsed = DateTime.fromISO(date, { zone: 'utc' })
  if (!parsed.isValid) throw new CalendarDateError(date)
  return Math.round(parsed.toMillis() / DAY_MS)
}

export function fromDayNumber(day: number): string {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toISODate()!
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

export function isWeekend(day: number): boolean {
  return weekdayOf(day) >= 6
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

/** A DATE column read back: MySQL gives 'YYYY-MM-DD' (dateStrings), SQLite the text written. */
export function dateText(value: unknown): string {
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' }).toISODate()!
  return String(value).slice(0, 10)
}
