import { DateTime } from 'luxon'

/**
 * A timestamp for raw query-builder writes, in the same text format Lucid models
 * write. (A JS Date would be stored as epoch milliseconds by SQLite but as a
 * DATETIME by MySQL; text keeps both the same.)
 */
export const dbNow = () => DateTime.now().toFormat('yyyy-MM-dd HH:mm:ss')

/** Reads a timestamp column: mysql2 returns a Date, better-sqlite3 the text written above. */
export function fromDb(value: unknown): DateTime | null {
  if (value == null) return null
  if (value instanceof Date) return DateTime.fromJSDate(value)
  const parsed = DateTime.fromSQL(String(value))
  return parsed.isValid ? parsed : DateTime.fromISO(String(value))
}
