/*
| 责任认定的影像资料: an image is filed on the 影像平台 through bank-systems'
| imaging connector under the customer's number (the same file for the same
| case is filed once: the key is its hash) and the case keeps the doc number
| and the platform's link, which the console opens to view it.
*/
import db from '@adonisjs/lucid/services/db'
import { createHash } from 'node:crypto'
import { dbNow } from '#core/db/db_time'
import { bankSystems } from '../../bank-systems/adapters/index.js'
import { IMAGES } from './cases.js'

export interface ImageInput {
  title: string
  fileName: string
  /** base64 */
  content: string
}

export async function fileImage(
  kase: { id: number; customerNo: string },
  input: ImageInput,
  userId: number
) {
  const key = createHash('sha256').update(`${kase.id}:${input.content}`).digest('hex').slice(0, 64)
  const filed = await bankSystems.imaging.upload({
    customerNo: kase.customerNo,
    title: input.title,
    kind: 'accountability:evidence',
    fileName: input.fileName,
    content: input.content,
    key: `accountability-image:${key}`,
  })
  const existing = await db
    .from(IMAGES)
    .where('case_id', kase.id)
    .where('doc_no', filed.docNo)
    .first()
  if (existing)
    return { id: Number(existing.id), docNo: filed.docNo, url: existing.url, created: false }
  const [id] = await db.table(IMAGES).insert({
    case_id: kase.id,
    title: input.title,
    doc_no: filed.docNo,
    url: filed.url.slice(0, 500),
    uploaded_by: userId,
    created_at: dbNow(),
  })
  return { id: Number(id), docNo: filed.docNo, url: filed.url, created: true }
}
