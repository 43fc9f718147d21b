/*
| Demo data: the State Council arrangements shipped in database/data/holiday-cn
| (2024–2026). A year already in the database is left alone, so reseeding never
| undoes an administrator's corrections.
*/
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DAYS_TABLE } from './calendar_store.js'
import { importHolidayFile, type ImportResult } from './holiday_import.js'

export const DEMO_HOLIDAY_DIR = 'database/data/holiday-cn'

export async function seedDemoHolidays(): Promise<{ imported: ImportResult[]; skipped: number[] }> {
  const dir = app.makePath(DEMO_HOLIDAY_DIR)
  const files = (await readdir(dir)).filter((f) => /^\d{4}\.json$/.test(f)).sort()
  const imported: ImportResult[] = []
  const skipped: number[] = []
  for (const file of files) {
    const year = Number(file.slice(0, 4))
    if (await db.from(DAYS_TABLE).where('year', year).first()) {
      skipped.push(year)
      continue
    }
    const content = await readFile(`${dir}/${file}`, 'utf8')
    imported.push(await importHolidayFile({ content, format: 'json', year }))
  }
  return { imported, skipped }
}
