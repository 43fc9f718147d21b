/*
| One calendar entry at a time: the corrections an administrator makes between
| imports (a notice amended mid-year, as in 2020, or a local arrangement). Each
| change bumps the calendar version in its own transaction, like an import.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { yearOf } from './calendar_date.js'
import {
  bumpCalendarVersion,
  DAYS_TABLE,
  toStoredEntry,
  type StoredEntry,
} from './calendar_store.js'
import { arrangementRange, HolidayDataError, inArrangement } from './holiday_formats.js'
import type { DayKind } from './work_calendar.js'
import { workingDays } from './working_days.js'
import { LIKE, likeContains } from '#core/db/like'

export interface EntryInput {
  date: string
  kind: DayKind
  name: string
  /** Arrangement year; defaults to the date's year (or the entry's current year on update). */
  year?: number
}

export const ENTRY_SORTS = { date: 'date', kind: 'kind', name: 'name' } as const

export async function listEntries(options: {
  year: number
  page: number
  perPage: number
  keyword?: string
  sort?: keyof typeof ENTRY_SORTS
  order?: 'asc' | 'desc'
}) {
  const query = db.from(DAYS_TABLE).where('year', options.year)
  if (options.keyword) query.whereRaw(LIKE, ['name', likeContains(options.keyword)])
  query.orderBy(ENTRY_SORTS[options.sort ?? 'date'], options.order ?? 'asc').orderBy('id')
  const result = await query.paginate(options.page, options.perPage)
  return {
    data: result.all().map(toStoredEntry),
    meta: { total: result.total, page: result.currentPage, perPage: result.perPage },
  }
}

/** Years with an arrangement, and how many days off and 调休 days each has. */
export async function listYears() {
  const rows = await db
    .from(DAYS_TABLE)
    .select('year', 'kind')
    .count('* as total')
    .groupBy('year', 'kind')
    .orderBy('year')
  const years = new Map<number, { year: number; holidays: number; workdays: number }>()
  for (const row of rows) {
    const year = Number(row.year)
    const summary = years.get(year) ?? { year, holidays: 0, workdays: 0 }
    if (row.kind === 'holiday') summary.holidays = Number(row.total)
    else summary.workdays = Number(row.total)
    years.set(year, summary)
  }
  return [...years.values()]
}

export async function findEntry(
  id: number,
  client: QueryClientContract = db.connection()
): Promise<StoredEntry | null> {
  const row = await client.from(DAYS_TABLE).where('id', id).first()
  return row ? toStoredEntry(row) : null
}

/**
 * Called inside the change's transaction with what changed, so an audit row
 * (audit.record with `trx`) commits or rolls back together with the change.
 */
export type InTransaction<T> = (trx: TransactionClientContract, change: T) => Promise<void>

export async function createEntry(
  input: EntryInput,
  inTransaction?: InTransaction<StoredEntry>
): Promise<StoredEntry> {
  const year = input.year ?? yearOf(input.date)
  checkYear(input.date, year)
  const created = await change(async (trx) => {
    await checkFree(trx, input.date, null)
    const now = dbNow()
    const [id] = await trx.table(DAYS_TABLE).insert({
      date: input.date,
      kind: input.kind,
      name: input.name,
      year,
      created_at: now,
      updated_at: now,
    })
    const after = (await findEntry(Number(id), trx))!
    await inTransaction?.(trx, after)
    return after
  }, input.date)
  return created!
}

/** Returns the entry before and after, or null when there is no such entry. */
export async function updateEntry(
  id: number,
  input: EntryInput,
  inTransaction?: InTransaction<{ before: StoredEntry; after: StoredEntry }>
) {
  return change(async (trx) => {
    const before = await findEntry(id, trx)
    if (!before) return null
    const year =
      input.year ?? (inArrangement(input.date, before.year) ? before.year : yearOf(input.date))
    checkYear(input.date, year)
    await checkFree(trx, input.date, id)
    await trx
      .from(DAYS_TABLE)
      .where('id', id)
      .update({ date: input.date, kind: input.kind, name: input.name, year, updated_at: dbNow() })
    const updated = { before, after: (await findEntry(id, trx))! }
    await inTransaction?.(trx, updated)
    return updated
  }, input.date)
}

/** Returns the deleted entry, or null when there is no such entry. */
export async function deleteEntry(
  id: number,
  inTransaction?: InTransaction<StoredEntry>
): Promise<StoredEntry | null> {
  return change(async (trx) => {
    const before = await findEntry(id, trx)
    if (!before) return null
    await trx.from(DAYS_TABLE).where('id', id).delete()
    await inTransaction?.(trx, before)
    return before
  }, null)
}

/** Runs one change with the version bump, then drops this node's cached calendar. */
async function change<T>(
  work: (trx: TransactionClientContract) => Promise<T | null>,
  date: string | null
): Promise<T | null> {
  try {
    const result = await db.transaction(async (trx) => {
      const value = await work(trx)
      // Nothing changed (no such entry): no new version, every cache stays valid.
      if (value !== null) await bumpCalendarVersion(trx)
      return value
    })
    if (result !== null) workingDays.forget()
    return result
  } catch (error) {
    // Two administrators adding the same date at once: the unique key decides.
    if (date !== null && isUniqueViolation(error)) throw dateExists(date)
    throw error
  }
}

function checkYear(date: string, year: number) {
  if (!inArrangement(date, year)) {
    const { from, to } = arrangementRange(year)
    throw new HolidayDataError([
      {
        field: 'date',
        rule: 'holidayYear',
        key: 'holidays.entryOutsideYear',
        params: { date, year, from, to },
      },
    ])
  }
}

async function checkFree(trx: TransactionClientContract, date: string, exceptId: number | null) {
  const query = trx.from(DAYS_TABLE).where('date', date)
  if (exceptId !== null) query.whereNot('id', exceptId)
  if (await query.first()) throw dateExists(date)
}

function dateExists(date: string) {
  return new HolidayDataError([
    { field: 'date', rule: 'unique', key: 'holidays.dateExists', params: { date } },
  ])
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}
