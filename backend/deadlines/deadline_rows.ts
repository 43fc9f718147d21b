import { DateTime } from 'luxon'

/** A DATE column as 'YYYY-MM-DD': mysql2 returns a Date at local midnight, SQLite the text. */
export function asDate(value: unknown): string {
  if (value instanceof Date) return DateTime.fromJSDate(value).toISODate()!
  return String(value).slice(0, 10)
}
