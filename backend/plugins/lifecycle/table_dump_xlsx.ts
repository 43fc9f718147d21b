/*
| The spreadsheet twin of the SQL dump (table_dump.ts) that plugins:uninstall writes
| before it drops a plugin's tables: one sheet per table, the column names as the
| header row, then every row. A business user opens it in Excel to read what was
| there; the SQL dump is the one that restores it. Rows are streamed through
| exceljs's WorkbookWriter (each row committed to disk), so a large table never sits
| in memory. Values are written as the database driver returns them: numbers as
| numbers, DECIMAL amounts as their exact text (never doubles), dates as ISO text.
*/
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'

/** Excel's limits: 31 characters for a sheet name, 32,767 for a cell. */
const MAX_SHEET_NAME = 31
const MAX_CELL = 32_767

function cell(value: unknown) {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return value // integers and counts (the driver gives DECIMAL as text)
  if (value instanceof Date) return value.toISOString()
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`.slice(0, MAX_CELL)
  const text = String(value)
  return text.length > MAX_CELL ? text.slice(0, MAX_CELL - 1) + '…' : text
}

/** Distinct sheet names within Excel's 31 characters (long table names are cut and numbered). */
function sheetName(table: string, taken: Set<string>) {
  let name = table.slice(0, MAX_SHEET_NAME)
  for (let n = 2; taken.has(name); n++) name = `${table.slice(0, MAX_SHEET_NAME - 3)}~${n}`
  taken.add(name)
  return name
}

/** Writes `<dir>/<plugin>-<stamp>.xlsx` (the folder exists: the SQL dump made it). */
export async function dumpTablesXlsx(
  dir: string,
  pluginId: string,
  tables: string[],
  stamp: string
) {
  const file = join(dir, `${pluginId}-${stamp}.xlsx`)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  })
  const knex = db.connection().getWriteClient()
  const taken = new Set<string>()
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table, taken))
    const columns = Object.keys(await knex(table).columnInfo())
    const header = sheet.addRow(columns)
    header.font = { bold: true }
    header.commit()
    for await (const row of knex.from(table).select('*').stream())
      sheet.addRow(columns.map((c) => cell((row as Record<string, unknown>)[c]))).commit()
    await sheet.commit()
  }
  // A workbook needs a sheet; a plugin without tables still gets a readable file.
  if (!tables.length) workbook.addWorksheet('(no tables)').addRow(['—']).commit()
  await workbook.commit()
  return file
}
