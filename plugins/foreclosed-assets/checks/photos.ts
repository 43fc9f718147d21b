/*
| Check photos to the 影像平台 (电子档案), surviving its outages the archives
| way: the file is kept here (for the preview) and its upload is an outbox
| message (imaging.upload, key foreclosed-assets:photo:<uuid>) written in the
| same transaction as the photo row, so a photo taken while the platform is
| down is queued and filed exactly once when it is back. A queued photo learns
| its document number from the outbox acknowledgement (reconcilePhotos).
*/
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { outbox } from '#core/connectors/outbox'
import { dbNow } from '#core/db/db_time'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { ForeclosedAssetError } from '../assets/asset_error.js'
import { auditAsset, type Actor } from '../assets/audit_asset.js'

export const PHOTOS = 'foreclosed_assets_photos'
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const

const root = () =>
  process.env.FORECLOSED_ASSETS_FILES_DIR || app.tmpPath('foreclosed-assets-photos')

/* The file's own magic bytes decide, never the name or the declared type alone. */
function sniff(bytes: Buffer): string | null {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg'
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png'
  return null
}

export interface PhotoInput {
  fileName: string
  /** base64 */
  content: string
}

export async function addPhoto(
  trx: TransactionClientContract,
  asset: Record<string, any>,
  checkId: number,
  input: PhotoInput,
  actor: Actor
) {
  const bytes = Buffer.from(input.content, 'base64')
  if (!bytes.length || bytes.length > MAX_PHOTO_BYTES)
    throw new ForeclosedAssetError(
      422,
      '照片不能为空且不超过5MB',
      'Photo empty or over 5 MB',
      'content'
    )
  const type = sniff(bytes)
  if (!type)
    throw new ForeclosedAssetError(
      422,
      '照片须为JPG或PNG图片',
      'Photos must be JPEG or PNG',
      'content'
    )
  const customer = await bookApi.customers.byId(Number(asset.customer_id), { client: trx })
  if (!customer) throw new ForeclosedAssetError(404, '客户不存在', 'Customer not found')
  const key = `foreclosed-assets:photo:${randomUUID()}`
  const dir = path.join(root(), String(asset.id))
  await mkdir(dir, { recursive: true })
  const stored = path.join(dir, `${randomUUID()}${type === 'image/png' ? '.png' : '.jpg'}`)
  await writeFile(stored, bytes)
  const [id] = await trx.table(PHOTOS).insert({
    asset_id: asset.id,
    check_id: checkId,
    file_name: input.fileName.slice(0, 200),
    content_type: type,
    size_bytes: bytes.length,
    stored_path: path.relative(root(), stored),
    upload_key: key,
    status: 'queued',
    created_by: actor.userId,
    created_at: dbNow(),
  })
  await outbox.enqueue(trx, {
    system: 'imaging',
    interface: 'upload',
    payload: {
      customerNo: customer.customerNo,
      title: `抵债资产 ${asset.asset_no} 检查照片`,
      kind: 'foreclosed-assets:check-photo',
      fileName: input.fileName,
      content: bytes.toString('base64'),
    },
    idempotencyKey: key,
    correlationId: `foreclosed-assets:check:${checkId}`,
  })
  await auditAsset(trx, actor, {
    action: 'photo.upload',
    entityType: 'foreclosed_asset_photo',
    id: Number(id),
    after: { assetId: asset.id, checkId, fileName: input.fileName, sizeBytes: bytes.length, key },
  })
  return { id: Number(id), status: 'queued' as const }
}

/* The ESB envelope the outbox kept: { retCode: '0000', data: { docNo, url } }. */
function docNoOf(ack: unknown): string | null {
  if (typeof ack !== 'string') return null
  try {
    const body = JSON.parse(ack)
    return body?.retCode === '0000' && typeof body?.data?.docNo === 'string'
      ? body.data.docNo
      : null
  } catch {
    return null
  }
}

/** Queued photos whose upload the platform acknowledged take its document number. */
export async function reconcilePhotos(checkIds: number[]) {
  if (!checkIds.length) return
  const queued = await db.from(PHOTOS).whereIn('check_id', checkIds).where('status', 'queued')
  if (!queued.length) return
  const sent = await db
    .from('outbox_messages')
    .whereIn(
      'idempotency_key',
      queued.map((p) => p.upload_key)
    )
    .where('status', 'sent')
    .select('idempotency_key', 'ack')
  for (const m of sent) {
    const docNo = docNoOf(m.ack)
    if (docNo)
      await db
        .from(PHOTOS)
        .where('upload_key', m.idempotency_key)
        .where('status', 'queued')
        .update({ status: 'filed', doc_no: docNo })
  }
}

/** The photos of checks, with the upload's delivery state. */
export async function photosOf(checkIds: number[]) {
  if (!checkIds.length) return []
  await reconcilePhotos(checkIds)
  const rows = await db
    .from(`${PHOTOS} as p`)
    .leftJoin('outbox_messages as m', 'm.idempotency_key', 'p.upload_key')
    .whereIn('p.check_id', checkIds)
    .orderBy('p.id')
    .select('p.*', 'm.status as delivery')
  return rows.map((r: any) => ({
    id: Number(r.id),
    checkId: Number(r.check_id),
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    status: r.status as 'queued' | 'filed',
    docNo: r.doc_no ?? null,
    delivery: (r.delivery ?? null) as string | null,
  }))
}

/** The kept copy of a photo (for the preview), or null. */
export async function photoFile(row: { stored_path: string }) {
  const full = path.resolve(root(), row.stored_path)
  if (!full.startsWith(path.resolve(root()) + path.sep)) return null
  try {
    return await readFile(full)
  } catch {
    return null
  }
}
