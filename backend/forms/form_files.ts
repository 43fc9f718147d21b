/*
| The files of 附件 fields. Bytes live in the form-files folder (FORM_FILES_DIR,
| default tmp/form-files — the `*-files` convention every upload store of the
| project follows, so backups take it), under a random name, with their
| SHA-256; a form row keeps only the form_files id. A file is uploaded first
| (bound to its form and field, owned by the uploader), then taken by a record
| when the record is saved. Replacing or deleting keeps the old row and bytes
| (detached_at): the audit trail names them.
*/
import { createHash, randomUUID } from 'node:crypto'
import { copyFile, mkdir, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { dbNow } from '#core/db/db_time'
import { camelOf, columnOf } from './field_types.js'
import type { FormDefinition, StoredField } from './form_store.js'

const root = () => process.env.FORM_FILES_DIR || app.tmpPath('form-files')

/** What a record shows of its file (and what the audit trail keeps). */
export interface FileRef {
  id: number
  fileName: string
  size: number
  contentType: string | null
}

const refOf = (row: any): FileRef => ({
  id: Number(row.id),
  fileName: row.file_name,
  size: Number(row.size),
  contentType: row.content_type ?? null,
})

export async function storeUpload(
  form: FormDefinition,
  field: StoredField,
  file: MultipartFile,
  contentType: string,
  user: { id: number; orgId: number }
): Promise<FileRef> {
  const stored = `${form.code}/${randomUUID()}`
  const target = path.join(root(), stored)
  await mkdir(path.dirname(target), { recursive: true })
  // rename fails across devices (tmp on another mount): copy then.
  await rename(file.tmpPath!, target).catch(async () => copyFile(file.tmpPath!, target))
  const sha256 = createHash('sha256')
    .update(await readFile(target))
    .digest('hex')
  try {
    const [id] = await db.table('form_files').insert({
      form_id: form.id,
      field_code: field.code,
      file_name: file.clientName.slice(0, 200),
      content_type: contentType.slice(0, 100),
      size: file.size,
      stored_path: stored,
      sha256,
      uploaded_by: user.id,
      org_id: user.orgId,
      created_at: dbNow(),
    })
    return refOf({
      id,
      file_name: file.clientName.slice(0, 200),
      size: file.size,
      content_type: contentType,
    })
  } catch (error) {
    await unlink(target).catch(() => {})
    throw error
  }
}

/** Replaces the file ids of attachment fields in records by their FileRef (names for the page, the audit). */
export async function withFiles<T extends Record<string, unknown>>(
  fields: StoredField[],
  records: T[]
) {
  const attachments = fields.filter((f) => f.type === 'attachment').map((f) => camelOf(f.code))
  if (!attachments.length) return records
  const ids = records
    .flatMap((r) => attachments.map((a) => r[a]))
    .filter((v) => typeof v === 'number')
  const rows = ids.length ? await db.from('form_files').whereIn('id', ids as number[]) : []
  const byId = new Map(rows.map((row: any) => [Number(row.id), refOf(row)]))
  for (const record of records)
    for (const a of attachments)
      if (typeof record[a] === 'number') (record as any)[a] = byId.get(record[a] as number) ?? null
  return records
}

/**
 * Attachment field ids whose new file may not be taken by this record: a file
 * must be of this form and field, not held by another record, and uploaded by
 * the saving user (nobody takes someone else's upload by guessing its id).
 */
export async function badAttachments(
  form: FormDefinition,
  fields: StoredField[],
  columns: Record<string, unknown>,
  before: Record<string, any> | null,
  userId: number
) {
  const bad: string[] = []
  for (const f of fields.filter((x) => x.type === 'attachment')) {
    const id = columns[columnOf(f.code)]
    const current = before?.[camelOf(f.code)]?.id ?? null
    if (id === null || id === undefined || id === current) continue
    const row = await db
      .from('form_files')
      .where('id', id as number)
      .where('form_id', form.id)
      .where('field_code', f.code)
      .whereNull('record_id')
      .whereNull('detached_at')
      .where('uploaded_by', userId)
      .first()
    if (!row) bad.push(camelOf(f.code))
  }
  return bad
}

/** After a save: the record takes its new files, the files it no longer holds are detached (kept). */
export async function bindFiles(
  form: FormDefinition,
  fields: StoredField[],
  recordId: number,
  columns: Record<string, unknown>,
  before: Record<string, any> | null
) {
  const now = dbNow()
  for (const f of fields.filter((x) => x.type === 'attachment')) {
    const id = (columns[columnOf(f.code)] as number | null) ?? null
    const current = (before?.[camelOf(f.code)]?.id as number | undefined) ?? null
    if (id === current) continue
    if (current) await db.from('form_files').where('id', current).update({ detached_at: now })
    if (id)
      await db
        .from('form_files')
        .where('id', id)
        .where('form_id', form.id)
        .update({ record_id: recordId, attached_at: now })
  }
}

/** A deleted record's files: detached, row and bytes kept for the audit trail. */
export async function detachRecordFiles(form: FormDefinition, recordId: number) {
  await db
    .from('form_files')
    .where('form_id', form.id)
    .where('record_id', recordId)
    .whereNull('detached_at')
    .update({ detached_at: dbNow() })
}

/** The bytes of the file a record holds in a field (the caller checked the record's scope). */
export async function recordFile(form: FormDefinition, fileId: number, recordId: number) {
  const row = await db
    .from('form_files')
    .where('id', fileId)
    .where('form_id', form.id)
    .where('record_id', recordId)
    .first()
  if (!row) return null
  return {
    absolutePath: path.join(root(), row.stored_path),
    fileName: row.file_name as string,
    contentType: (row.content_type as string | null) ?? null,
  }
}
