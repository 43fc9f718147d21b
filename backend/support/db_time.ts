import { DateTime } from 'luxon'

/**
 * A timestamp for raw query-builder writes, in the same text format Lucid models
 * write. (A JS Date would be stored as epoch milliseconds by SQLite but as a
 * DATETIME by MySQL; text keeps both the same.)
 */
export const dbNow = () => DateTime.now().toFormat('yyyy-MM-dd HH:mm:ss')
