/*
| Attachments of an approval (审批附件): the applicant and the approvers add
| supporting files (评估报告, 会议纪要) to the approval's record. The project
| has no document store yet, so files live under the app's storage folder
| (WORKFLOW_FILES_DIR, default tmp/workflow-files), named by a random id —
| never by the uploaded name — with their SHA-256 kept for integrity. When a
| core document store arrives, only this file changes.
*/
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, copyFile, unlink } from 'node:fs/promises'
import path from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { instanceFromRow } from './instance_store.js'
import { journal } from './journal.js'
import { visibleInstance } from './instance_detail.js'
import { WorkflowError, notFound } from './workflow_error.js'

/* Which files are accepted (type by content, size) is the upload policy's: security/upload_policy.ts. */
const root = () => process.env.WORKFLOW_FILES_DIR || app.tmpPath('workflow-files')

/** Only the applicant and people who hold or held a task add files (a monitor only reads). */
async function mayAttach(userId: number, instance: ReturnType<typeof instanceFromRow>) {
  if (instance.applicantId === userId) return true
  return Boolean(
    await db.from('wf_tasks').where('instance_id', instance.id).where('assignee_id', userId).first()
  )
}

export async function addAttachment(
  access: UserAccess,
  instanceId: number,
  file: MultipartFile,
  /** The type detected from the content (upload_policy), sent back on download. */
  contentType: string
) {
  const instance = instanceFromRow(await visibleInstance(access, instanceId))
  if (!(await mayAttach(access.user.id, instance))) throw notFound()
  if (!file.isValid || !file.tmpPath) throw new WorkflowError(422, 'workflow.badFile')
  const stored = `${instance.id}/${randomUUID()}`
  const target = path.join(root(), stored)
  await mkdir(path.dirname(target), { recursive: true })
  // rename fails across devices (tmp on another mount): copy then.
  await rename(file.tmpPath, target).catch(async () => copyFile(file.tmpPath!, target))
  const sha256 = createHash('sha256')
    .update(await readFile(target))
    .digest('hex')
  try {
    return await db.transaction(async (trx) => {
      const historyId = await journal(trx, instance, {
        action: 'attach',
        actorId: access.user.id,
        comment: file.clientName.slice(0, 200),
      })
      const [id] = await trx.table('wf_attachments').insert({
        instance_id: instance.id,
        history_id: historyId,
        file_name: file.clientName.slice(0, 200),
        content_type: contentType.slice(0, 100),
        size: file.size,
        stored_path: stored,
        sha256,
        uploaded_by: access.user.id,
        created_at: dbNow(),
      })
      return { id: Number(id), fileName: file.clientName, size: file.size }
    })
  } catch (error) {
    await unlink(target).catch(() => {})
    throw error
  }
}

/** The file of an attachment the user may see (through its approval). */
export async function attachmentFile(access: UserAccess, attachmentId: number) {
  const row = await db.from('wf_attachments').where('id', attachmentId).first()
  if (!row) throw notFound()
  await visibleInstance(access, Number(row.instance_id))
  return {
    absolutePath: path.join(root(), row.stored_path),
    fileName: row.file_name as string,
    contentType: (row.content_type as string | null) ?? null,
  }
}
