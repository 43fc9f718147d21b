/*
| Streamed .xlsx export for any job: give it the columns and an async iterator
| of rows; exceljs's WorkbookWriter commits each row to disk as it goes, so
| memory stays flat however many rows come (the reader must page too: see
| `keysetBatches`). The file lands in tmp/exports/<token>.xlsx (the same
| storage, token rule and 24-hour expiry as the audit exports), and the job's
| result `{ token, fileName, rows, truncated }` lets its owner download it at
| GET /api/exports/:jobId/download?token=… (exports_controller).
*/
import { once } from 'node:events'
import ExcelJS from 'exceljs'
import {
  ensureExportDir,
  exportPath,
  newExportToken,
  removeExpiredExports,
} from '#core/audit/export_files'

export interface XlsxColumn {
  key: string
  header: string
  /** money: a yuan string ("1234.56") written as a number with two decimals. */
  type?: 'text' | 'number' | 'money' | 'date' | 'datetime' | 'dict'
  width?: number
}

export interface XlsxExportOptions {
  fileName: string
  sheetName: string
  columns: XlsxColumn[]
  rows: AsyncIterable<Record<string, unknown>>
  /** Rows expected (for the progress bar); the export stops at MAX_ROWS. */
  total?: number
  /** Lines above the header (title, as-of date, filters, who and when). */
  titleLines?: string[]
  /** A last bold row, e.g. the ledger's 合计. */
  footer?: Record<string, unknown>
  progress?: (percent: number, message?: string) => Promise<void>
  /** Localised progress text; receives done and total. */
  progressText?: (done: number, total: number) => string
}

/** What an export job returns; the download route reads it from job_runs.result. */
export interface XlsxExportResult {
  token: string
  fileName: string
  rows: number
  truncated: boolean
}

/** One sheet holds 1,048,576 rows; keep room for the title and the header. */
export const MAX_ROWS = 1_000_000
/** Excel refuses a longer cell. */
const MAX_CELL = 32_767

function cellValue(column: XlsxColumn, value: unknown) {
  if (value === null || value === undefined) return null
  // Excel keeps numbers as doubles: a yuan amount with two decimals is exact
  // on screen and in sums up to 10^13 yuan. Text stays text.
  if (column.type === 'money' || column.type === 'number') return Number(value)
  const text = String(value)
  return text.length > MAX_CELL ? text.slice(0, MAX_CELL - 1) + '…' : text
}

/** Bytes of sheet XML allowed to wait for the compressor before the export pauses. */
const ZIP_BACKLOG_BYTES = 1 << 20
type EntryStream = NodeJS.EventEmitter & { _writableState?: { length: number; needDrain: boolean } }

/**
 * Backpressure for exceljs's streaming writer. `row.commit()` hands the row's XML to the
 * sheet's zip entry without waiting, and rows come faster than deflate compresses them,
 * so the XML piled up in the entry's input buffer (measured: +35 MB of it at 100 k rows,
 * +70 MB at 200 k).
 * Waiting here until it drains keeps memory flat however many rows come. exceljs 4 exposes
 * no such signal, so this reads its internals (the sheet's StreamBuf piped into archiver's
 * entry stream, a readable-stream v2 without `writableLength`); if they change it does nothing.
 */
async function zipDrained(sheet: ExcelJS.Worksheet) {
  const writer = sheet as unknown as { _stream?: { pipes?: EntryStream[] } }
  const entry = writer._stream?.pipes?.[0]
  const state = entry?._writableState
  if (entry && state?.needDrain && state.length > ZIP_BACKLOG_BYTES) await once(entry, 'drain')
}

export async function writeXlsxExport(options: XlsxExportOptions): Promise<XlsxExportResult> {
  await removeExpiredExports()
  await ensureExportDir()
  const token = newExportToken()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: exportPath(token),
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31))
  sheet.columns = options.columns.map((c) => ({
    key: c.key,
    width: c.width ?? (c.type === 'money' ? 18 : 14),
    style: c.type === 'money' ? { numFmt: '#,##0.00' } : {},
  }))
  for (const line of options.titleLines ?? []) sheet.addRow([line]).commit()
  const header = sheet.addRow(options.columns.map((c) => c.header))
  header.font = { bold: true }
  header.commit()

  const total = Math.min(options.total ?? MAX_ROWS, MAX_ROWS)
  let done = 0
  let truncated = false
  let lastReport = 0
  for await (const row of options.rows) {
    if (done >= MAX_ROWS) {
      truncated = true
      break
    }
    sheet.addRow(options.columns.map((c) => cellValue(c, row[c.key]))).commit()
    done++
    if (done % 500 === 0) await zipDrained(sheet)
    // Report every ~1%, not every row: progress is a database write.
    if (options.progress && done - lastReport >= Math.max(1000, total / 100)) {
      lastReport = done
      await options.progress(total ? (done / total) * 99 : 50, options.progressText?.(done, total))
    }
  }
  if (options.footer) {
    const footer = sheet.addRow(options.columns.map((c) => cellValue(c, options.footer![c.key])))
    footer.font = { bold: true }
    footer.commit()
  }
  await sheet.commit()
  await workbook.commit()
  return { token, fileName: options.fileName, rows: done, truncated }
}

/**
 * Pages a query by its unique numeric key (keyset, never OFFSET: each batch is
 * an index range, so the 100th batch costs what the first did).
 * `fetch(after, limit)` returns rows ordered by key, each with `keyOf(row)`.
 */
export async function* keysetBatches<T>(
  fetch: (after: string | null, limit: number) => Promise<T[]>,
  keyOf: (row: T) => string,
  batchSize = 2000
): AsyncGenerator<T> {
  let pending: Promise<T[]> | null = fetch(null, batchSize)
  while (pending) {
    const rows: T[] = await pending
    // Ask for the next batch before writing this one: the database and the
    // xlsx writer then work at the same time.
    pending = rows.length < batchSize ? null : fetch(keyOf(rows[rows.length - 1]), batchSize)
    for (const row of rows) yield row
  }
}

/** `<name>_<yyyyMMdd_HHmmss>.xlsx` in the server's local time. */
export function exportFileName(name: string, at = new Date()) {
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}_${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`
  return `${name.replace(/[\\/:*?"<>|]/g, '_')}_${stamp}.xlsx`
}
