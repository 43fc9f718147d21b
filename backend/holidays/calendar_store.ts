/*
| Storage of the holiday calendar: the rows of holiday_calendar_days and the
| version number in holiday_calendar_state that every change increments in its
| own transaction.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { dateText } from './calendar_date.js'
import type { CalendarEntry, DayKind } from './work_calendar.js'

export const DAYS_TABLE = 'holiday_calendar_days'
export const STATE_TABLE = 'holiday_calendar_state'
const STATE_ID = 1

export interface StoredEntry extends Required<CalendarEntry> {
  id: number
  createdAt: string
  updatedAt: string
}

export function toStoredEntry(row: Record<string, any>): StoredEntry {
  return {
    id: Number(row.id),
    date: dateText(row.date),
    kind: row.kind as DayKind,
    name: row.name,
    year: Number(row.year),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  }
}

/** The calendar's current version (0 before anything was ever imported). */
export async function calendarVersion(): Promise<number> {
  const row = await db.from(STATE_TABLE).where('id', STATE_ID).select('version').first()
  return row ? Number(row.version) : 0
}

export async function allEntries(): Promise<CalendarEntry[]> {
  const rows = await db.from(DAYS_TABLE).select('date', 'kind', 'name', 'year').orderBy('date')
  return rows.map((r) => ({
    date: dateText(r.date),
    kind: r.kind,
    name: r.name,
    year: Number(r.year),
  }))
}

/**
 * Marks the calendar changed. Call inside the transaction that changes it, so the
 * new version becomes visible to other nodes exactly when the new rows do.
 */
export async function bumpCalendarVersion(trx: TransactionClientContract): Promise<void> {
  const updated = await trx
    .from(STATE_TABLE)
    .where('id', STATE_ID)
    .update({ version: trx.knexRawQuery('?? + 1', ['version']), updated_at: dbNow() })
  // The migration inserts the row; recreate it if an operator deleted it.
  if (!Number(Array.isArray(updated) ? updated[0] : updated)) {
    await trx.table(STATE_TABLE).insert({ id: STATE_ID, version: 1, updated_at: dbNow() })
  }
}
