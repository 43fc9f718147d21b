import { createHash, randomUUID } from 'node:crypto'
import { copyFile, mkdir, readFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { UserAccess } from '#core/identity/user_access'
import { dbNow } from '#core/db/db_time'
import { CommitteeError } from './committee_error.js'
import { scopedItems } from './item_queries.js'

/*
| 上会材料 uploaded to an item (beside the materials its plugin linked when it
| submitted it). The project has no core document store yet: like the workflow's
| attachments, files live under the app's storage folder (COMMITTEE_FILES_DIR,
| default tmp/committee-files), named by a random id, never by the uploaded name,
| with their SHA-256. Reads and uploads go through the item's data scope.
*/
const root = () => process.env.COMMITTEE_FILES_DIR || app.tmpPath('committee-files')

const notFound = () => new CommitteeError(404, '上会事项不存在', 'Item not found')

export async function addMaterial(
  access: UserAccess,
  itemId: number,
  file: MultipartFile,
  contentType: string,
  audit: (trx: any, materialId: number) => Promise<void>
) {
  const item = await scopedItems(access).where('i.id', itemId).select('i.id', 'i.status').first()
  if (!item) throw notFound()
  if (item.status === 'decided' || item.status === 'withdrawn')
    throw new CommitteeError(409, '事项已决议或已撤回，不能再上传材料', 'The item is closed')
  const stored = `${itemId}/${randomUUID()}`
  const target = path.join(root(), stored)
  await mkdir(path.dirname(target), { recursive: true })
  await rename(file.tmpPath!, target).catch(async () => copyFile(file.tmpPath!, target))
  const sha256 = createHash('sha256')
    .update(await readFile(target))
    .digest('hex')
  try {
    return await db.transaction(async (trx) => {
      const [id] = await trx.table('committee_materials').insert({
        item_id: itemId,
        file_name: file.clientName.slice(0, 200),
        content_type: contentType.slice(0, 100),
        size: file.size,
        stored_path: stored,
        sha256,
        uploaded_by: access.user.id,
        created_at: dbNow(),
      })
      await audit(trx, Number(id))
      return { id: Number(id), name: file.clientName, size: file.size }
    })
  } catch (error) {
    await unlink(target).catch(() => {})
    throw error
  }
}

export async function materialFile(access: UserAccess, materialId: number) {
  const row = await db.from('committee_materials').where('id', materialId).first()
  if (!row?.stored_path) throw notFound()
  const item = await scopedItems(access).where('i.id', row.item_id).select('i.id').first()
  if (!item) throw notFound()
  return {
    absolutePath: path.join(root(), row.stored_path),
    fileName: row.file_name,
    contentType: row.content_type,
  }
}
