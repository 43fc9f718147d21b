/*
| The default calendar: the State Council arrangements shipped in
| database/data/holiday-cn (every year from 2015 on, holiday-cn format), loaded
| by `node ace demo:seed` in both modes, so a fresh install computes deadlines
| on the real history instead of weekends only. A year already in the database
| is left alone, so reseeding never undoes an administrator's import or
| corrections; a new year still comes through 节假日管理 → 导入.
*/
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DAYS_TABLE } from './calendar_store.js'
import { importHolidayFile, type ImportResult } from './holiday_import.js'

export const DEFAULT_HOLIDAY_DIR = 'database/data/holiday-cn'

export async function seedDefaultHolidays(): Promise<{
  imported: ImportResult[]
  skipped: number[]
}> {
  const dir = app.makePath(DEFAULT_HOLIDAY_DIR)
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
