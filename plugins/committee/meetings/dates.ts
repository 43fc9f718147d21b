import { DateTime } from 'luxon'

/** A DATE column as 'YYYY-MM-DD' (mysql2 gives a Date at local midnight, SQLite the text). */
export const dateText = (value: unknown) =>
  value instanceof Date
    ? DateTime.fromJSDate(value).toFormat('yyyy-MM-dd')
    : String(value).slice(0, 10)
