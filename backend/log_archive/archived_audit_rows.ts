/*
| The archived part of the audit chain, for `audit:verify`: every audit archive
| in id order, each file checked against its recorded SHA-256 before its rows
| are handed over to be checked link by link like live rows. A missing or
| altered file is a break of the chain at that archive's first row.
*/
import db from '@adonisjs/lucid/services/db'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { sha256File } from '#core/backup/backup_files'
import { archiveDir, readArchive } from './archive_files.js'

export type ArchivedItem =
  { row: Record<string, any> } | { broken: { id: string; message: string } }

export async function* archivedAuditRows(): AsyncGenerator<ArchivedItem> {
  const archives = await db
    .from('log_archives')
    .where('kind', 'audit_logs')
    .orderBy('first_id', 'asc')
  for (const archive of archives) {
    const path = join(archiveDir(), archive.file_name)
    const id = String(archive.first_id)
    if (!existsSync(path)) {
      yield { broken: { id, message: `archive ${archive.file_name} is missing` } }
      return
    }
    if ((await sha256File(path)) !== archive.sha256) {
      yield { broken: { id, message: `archive ${archive.file_name} does not match its SHA-256` } }
      return
    }
    let count = 0
    for await (const row of readArchive(archive.file_name)) {
      count++
      yield { row }
    }
    if (count !== Number(archive.row_count)) {
      yield {
        broken: {
          id: String(archive.last_id),
          message: `archive ${archive.file_name} holds ${count} rows, its record says ${archive.row_count}`,
        },
      }
      return
    }
  }
}
