/*
| Archive files: gzipped NDJSON, one log row per line, exactly as the row was
| read (dates as the 'YYYY-MM-DD HH:mm:ss' text the audit hash covers, ids as
| text), so a row read back hashes as it did in the table.
*/
import app from '@adonisjs/core/services/app'
import { DateTime } from 'luxon'
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'

export function archiveDir() {
  const dir = process.env.LOG_ARCHIVE_DIR
  const path = !dir
    ? app.makePath('storage', 'log-archives')
    : isAbsolute(dir)
      ? dir
      : app.makePath(dir)
  mkdirSync(path, { recursive: true })
  return path
}

/** A stored row as text: DATETIME values come back as Date on MySQL and as text on SQLite. */
export function plainRow(row: Record<string, unknown>, dateFormat = 'yyyy-MM-dd HH:mm:ss') {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row))
    out[key] =
      value instanceof Date
        ? DateTime.fromJSDate(value).toFormat(dateFormat)
        : typeof value === 'bigint'
          ? value.toString()
          : value
  return out
}

export async function writeArchive(fileName: string, rows: Record<string, unknown>[]) {
  const path = join(archiveDir(), fileName)
  const lines = Readable.from(rows.map((row) => JSON.stringify(row) + '\n'))
  await pipeline(lines, createGzip(), createWriteStream(path, { flags: 'wx' }))
  return path
}

export async function* readArchive(fileName: string): AsyncGenerator<Record<string, any>> {
  const input = createReadStream(join(archiveDir(), fileName)).pipe(createGunzip())
  for await (const line of createInterface({ input, crlfDelay: Infinity }))
    if (line) yield JSON.parse(line)
}
