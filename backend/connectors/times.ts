import { DateTime } from 'luxon'

/*
| Millisecond timestamps for the datetime(3) columns that drive retries and
| claims. Text in one format on both databases (like dbNow), so comparisons in
| SQL work the same on MariaDB and on SQLite (where they compare as text).
*/
export const dbTimeMs = (at: DateTime = DateTime.now()) => at.toFormat('yyyy-MM-dd HH:mm:ss.SSS')

export const dbTimeIn = (ms: number) => dbTimeMs(DateTime.now().plus({ milliseconds: ms }))
