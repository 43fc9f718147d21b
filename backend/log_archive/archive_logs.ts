/*
| Log retention (日志管理 · 日志备份与清理): rows older than the cutoff move from the
| live tables into archive files, oldest first, a batch per file:
|
|   audit_logs       (登录, 操作 and 安全日志: one hash chain) — only a sound chain
|                    is archived: each batch is checked link by link as it is read,
|                    and a break stops the run (the evidence stays in the table);
|   connector_calls  (调用日志 of external systems).
|
| Per batch: write the file, read it back and compare count and SHA-256, then in
| one transaction record it in log_archives and delete exactly its rows. A crash
| before that transaction leaves an unrecorded file (written with 'wx', a rerun
| names the next one differently only if the rows differ); after it, nothing is
| half done.
*/
import db from '@adonisjs/lucid/services/db'
import { statSync } from 'node:fs'
import { sha256File } from '#core/backup/backup_files'
import { dbNow } from '#core/db/db_time'
import { expectedHashOfRow, GENESIS_HASH } from '#core/audit/hash_chain'
import { archiveDir, plainRow, readArchive, writeArchive } from './archive_files.js'
import { join } from 'node:path'
import { existsSync, rmSync } from 'node:fs'

export interface ArchiveReport {
  kind: string
  files: number
  rows: number
  /** Set when the audit chain is broken where archiving would start: nothing was archived past it. */
  stoppedAt?: string
}

interface Kind {
  table: 'audit_logs' | 'connector_calls'
  timeColumn: string
  dateFormat: string
}

const KINDS: Record<'audit_logs' | 'connector_calls', Kind> = {
  audit_logs: { table: 'audit_logs', timeColumn: 'occurred_at', dateFormat: 'yyyy-MM-dd HH:mm:ss' },
  connector_calls: {
    table: 'connector_calls',
    timeColumn: 'started_at',
    dateFormat: 'yyyy-MM-dd HH:mm:ss.SSS',
  },
}

async function lastArchived(kind: string) {
  return db.from('log_archives').where('kind', kind).orderBy('last_id', 'desc').first()
}

/** The chain continues from the last archive (or the genesis): every row must link on. */
function checkChain(rows: Record<string, any>[], prevHash: string) {
  for (const row of rows) {
    if (row.prev_hash !== prevHash || expectedHashOfRow(row) !== row.hash) return String(row.id)
    prevHash = row.hash
  }
  return null
}

async function archiveBatch(kind: Kind, cutoff: string, batchSize: number, report: ArchiveReport) {
  const previous = await lastArchived(kind.table)
  let query = db
    .from(kind.table)
    .where(kind.timeColumn, '<', cutoff)
    .orderBy('id', 'asc')
    .limit(batchSize)
  // The audit chain moves out in id order from where the last archive ended, never around a hole.
  if (kind.table === 'audit_logs')
    query = query.where('id', '>', previous ? String(previous.last_id) : '0')
  const rows = (await query).map((row: Record<string, unknown>) => plainRow(row, kind.dateFormat))
  if (!rows.length) return false

  let firstPrevHash: string | null = null
  let lastHash: string | null = null
  if (kind.table === 'audit_logs') {
    const expectedFirst = previous ? BigInt(previous.last_id) + 1n : 1n
    const broken =
      BigInt(rows[0].id as string) !== expectedFirst
        ? String(rows[0].id)
        : checkChain(rows, previous?.last_hash ?? GENESIS_HASH)
    if (broken) {
      report.stoppedAt = broken
      return false
    }
    firstPrevHash = rows[0].prev_hash as string
    lastHash = rows[rows.length - 1].hash as string
  }

  const firstId = String(rows[0].id)
  const lastId = String(rows[rows.length - 1].id)
  const fileName = `${kind.table}-${firstId.padStart(12, '0')}-${lastId.padStart(12, '0')}.ndjson.gz`
  // A file of an earlier run that crashed before recording it: same rows, written again.
  if (existsSync(join(archiveDir(), fileName))) rmSync(join(archiveDir(), fileName))
  const path = await writeArchive(fileName, rows)
  let readBack = 0
  for await (const _ of readArchive(fileName)) readBack++
  if (readBack !== rows.length)
    throw new Error(`${fileName}: wrote ${rows.length} rows, read ${readBack}`)
  const sha256 = await sha256File(path)

  await db.transaction(async (trx) => {
    await trx.table('log_archives').insert({
      kind: kind.table,
      first_id: firstId,
      last_id: lastId,
      row_count: rows.length,
      first_prev_hash: firstPrevHash,
      last_hash: lastHash,
      file_name: fileName,
      bytes: statSync(path).size,
      sha256,
      cutoff,
      created_at: dbNow(),
    })
    const ids = rows.map((r) => String(r.id))
    for (let i = 0; i < ids.length; i += 1000)
      await trx
        .from(kind.table)
        .whereIn('id', ids.slice(i, i + 1000))
        .delete()
  })
  report.files++
  report.rows += rows.length
  return rows.length === batchSize
}

/** Archives every row of `table` written before `cutoff` ('YYYY-MM-DD HH:mm:ss', local time). */
export async function archiveLogs(
  table: 'audit_logs' | 'connector_calls',
  cutoff: string,
  options: { batchSize?: number } = {}
): Promise<ArchiveReport> {
  const report: ArchiveReport = { kind: table, files: 0, rows: 0 }
  while (await archiveBatch(KINDS[table], cutoff, options.batchSize ?? 10_000, report));
  return report
}

export const ARCHIVED_TABLES = Object.keys(KINDS) as (keyof typeof KINDS)[]
