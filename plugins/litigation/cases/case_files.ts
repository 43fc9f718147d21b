/*
| 进展附件 (受理通知书, 传票, 判决书扫描件 …). The core has no document store yet, so
| files are kept as the workflow's attachments are: under the app's storage folder
| (LITIGATION_FILES_DIR, default tmp/litigation-files), named by a random id —
| never by the uploaded name — with their SHA-256; what is accepted (type by
| content, size) is the core upload policy's. A file belongs to a progress entry
| of a case: the case's scope decides who adds and reads it (404 outside).
*/
import { createHash, randomUUID } from 'node:crypto'
import { copyFile, mkdir, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { audit } from '#core/audit/audit'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { CaseError } from './case_error.js'
import { caseInScope } from './case_service.js'

const root = () => process.env.LITIGATION_FILES_DIR || app.tmpPath('litigation-files')

export async function addProgressFile(
  ctx: HttpContext | null,
  access: UserAccess,
  caseId: number,
  progressId: number,
  file: MultipartFile,
  contentType: string
) {
  const found = await caseInScope(access, caseId)
  if (!found) throw new CaseError(404, '案件不存在或无权访问', 'Case not found')
  const entry = await db
    .from('lit_case_progress')
    .where('id', progressId)
    .where('case_id', caseId)
    .first()
  if (!entry) throw new CaseError(404, '进展记录不存在', 'Progress entry not found')
  if (!file.isValid || !file.tmpPath) throw new CaseError(422, '文件无效', 'Invalid file', 'file')
  const stored = `${caseId}/${randomUUID()}`
  const target = path.join(root(), stored)
  await mkdir(path.dirname(target), { recursive: true })
  await rename(file.tmpPath, target).catch(() => copyFile(file.tmpPath!, target))
  const sha256 = createHash('sha256')
    .update(await readFile(target))
    .digest('hex')
  const fileName = file.clientName.slice(0, 200)
  try {
    return await db.transaction(async (trx) => {
      const [id] = await trx.table('lit_case_files').insert({
        case_id: caseId,
        progress_id: progressId,
        file_name: fileName,
        content_type: contentType.slice(0, 100),
        size: file.size,
        stored_path: stored,
        sha256,
        uploaded_by: access.user.id,
        created_at: dbNow(),
      })
      await audit.append(ctx, {
        action: 'litigation.case.file.create',
        entityType: 'lit_case',
        entityId: caseId,
        after: { fileId: Number(id), progressId, fileName, size: file.size, sha256 },
        trx,
      })
      return { id: Number(id), fileName, size: file.size }
    })
  } catch (error) {
    await unlink(target).catch(() => {})
    throw error
  }
}

/** The stored file of an attachment of a case the user may see, or null. */
export async function progressFile(access: UserAccess, caseId: number, fileId: number) {
  if (!(await caseInScope(access, caseId))) return null
  const row = await db.from('lit_case_files').where('id', fileId).where('case_id', caseId).first()
  if (!row) return null
  return {
    absolutePath: path.join(root(), row.stored_path),
    fileName: row.file_name as string,
    contentType: (row.content_type as string | null) ?? null,
  }
}
