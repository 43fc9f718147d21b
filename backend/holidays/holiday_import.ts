/*
| 批量导入: one arrangement year from a holiday-cn JSON or a CSV file. The file is
| parsed and checked first (holiday_formats.ts); then, in one transaction, the
| year's rows are replaced and the calendar version is bumped, so every node and
| every reader sees either the old year or the new one, never half of each.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { bumpCalendarVersion, DAYS_TABLE } from './calendar_store.js'
import { dateText } from './calendar_date.js'
import {
  HolidayDataError,
  parseHolidayFile,
  type HolidayFileFormat,
  type Issue,
  type ParsedYear,
} from './holiday_formats.js'
import { workingDays } from './working_days.js'

export {
  HolidayDataError,
  parseHolidayCnJson,
  parseHolidayCsv,
  parseHolidayFile,
} from './holiday_formats.js'
export type { HolidayFileFormat, Issue, ParsedYear } from './holiday_formats.js'

export interface ImportResult {
  year: number
  /** 法定节假日 days off imported. */
  holidays: number
  /** 调休 working days imported. */
  workdays: number
  total: number
  /** Rows of that year that were there before and have been replaced. */
  replaced: number
}

/**
 * Called inside the import's transaction with its result, so the audit row
 * commits or rolls back together with the year it describes.
 */
export type OnImported = (trx: TransactionClientContract, result: ImportResult) => Promise<void>

/** Parses, checks and stores one year. Throws HolidayDataError (→ 422) on bad data. */
export async function importHolidayFile(
  input: { content: string; format?: HolidayFileFormat; year?: number },
  onImported?: OnImported
): Promise<ImportResult> {
  return importHolidayYear(parseHolidayFile(input), onImported)
}

export async function importHolidayYear(
  parsed: ParsedYear,
  onImported?: OnImported
): Promise<ImportResult> {
  const { year, days } = parsed
  const holidays = days.filter((d) => d.kind === 'holiday').length
  const result = await db.transaction(async (trx): Promise<ImportResult> => {
    // A December date may already belong to the previous year's arrangement (see
    // arrangementRange); the unique date would fail anyway, but with no field to show.
    const taken = await trx
      .from(DAYS_TABLE)
      .whereIn(
        'date',
        days.map((d) => d.date)
      )
      .whereNot('year', year)
      .select('date', 'year')
    if (taken.length) {
      const byDate = new Map(days.map((d) => [d.date, d]))
      throw new HolidayDataError(
        taken.map((row): Issue => {
          const date = dateText(row.date)
          const origin = byDate.get(date)?.origin
          return {
            field: origin?.field ?? 'date',
            rule: 'unique',
            key: 'holidays.dateTaken',
            params: { date, year: Number(row.year) },
            at: origin?.at,
          }
        })
      )
    }
    const removed = await trx.from(DAYS_TABLE).where('year', year).delete()
    const now = dbNow()
    await trx.table(DAYS_TABLE).multiInsert(
      days.map((d) => ({
        date: d.date,
        kind: d.kind,
        name: d.name,
        year,
        created_at: now,
        updated_at: now,
      }))
    )
    await bumpCalendarVersion(trx)
    const imported: ImportResult = {
      year,
      holidays,
      workdays: days.length - holidays,
      total: days.length,
      replaced: Number(Array.isArray(removed) ? removed[0] : removed),
    }
    await onImported?.(trx, imported)
    return imported
  })
  workingDays.forget()
  return result
}
