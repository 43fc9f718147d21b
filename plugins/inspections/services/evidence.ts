/*
| 检查影像: a photo or scan for one checklist point, filed on the 影像平台 through
| bank-systems' imaging connector under the customer's number (as accountability
| does). The key is the task, point and file hash, so the same file sent twice
| (a retry, a double click) is filed once and listed once.
*/
import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { dbNow } from '#core/db/db_time'
import { bankSystems } from '../../bank-systems/adapters/index.js'
import { checklists, type CheckItem } from './checklists.js'
import { InspectionError } from './scope.js'

export interface EvidenceInput {
  item: CheckItem
  point: string
  title: string
  fileName: string
  /** base64 */
  content: string
}

export async function fileEvidence(
  task: { id: number; customerNo: string; items: CheckItem[] },
  input: EvidenceInput,
  userId: number
) {
  const lists = await checklists()
  if (!task.items.includes(input.item) || !lists[input.item].some((p) => p.code === input.point))
    throw new InspectionError(
      422,
      'point',
      '该检查项目不在本任务的检查清单中',
      'The point is not on this task’s checklist'
    )
  const hash = createHash('sha256')
    .update(`${task.id}:${input.item}:${input.point}:${input.content}`)
    .digest('hex')
    .slice(0, 48)
  const filed = await bankSystems.imaging.upload({
    customerNo: task.customerNo,
    title: input.title,
    kind: `inspection:${input.item}`,
    fileName: input.fileName,
    content: input.content,
    key: `inspection-evidence:${hash}`,
  })
  const existing = await db
    .from('insp_evidence')
    .where('task_id', task.id)
    .where('doc_no', filed.docNo)
    .first()
  if (existing)
    return { id: Number(existing.id), docNo: filed.docNo, url: existing.url, created: false }
  const [id] = await db.table('insp_evidence').insert({
    task_id: task.id,
    item_code: input.item,
    point_code: input.point,
    title: input.title,
    doc_no: filed.docNo,
    url: filed.url.slice(0, 500),
    uploaded_by: userId,
    created_at: dbNow(),
  })
  return { id: Number(id), docNo: filed.docNo, url: filed.url, created: true }
}
