/*
| 客户档案管理: the customer's document tree from the 影像平台 merged with what we
| keep (category/title/remark edits, versions). Uploads never call the platform
| inline: each one is an outbox message (key archives:upload:<uuid>) written in
| the same transaction as its version row, so an upload made while the platform
| is down is queued and filed exactly once when it is back. A queued version
| learns its imaging document id from the outbox acknowledgement (reconcile).
*/
import { createHash, randomUUID } from 'node:crypto'
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { outbox } from '#core/connectors/outbox'
import { dbNow } from '#core/db/db_time'
import { bankSystems } from '../../bank-systems/adapters/index.js'
import { queueMetadata } from './metadata_sync.js'

export const DOCUMENTS = 'archives_documents'
export const VERSIONS = 'archives_versions'

export const CATEGORIES = [
  'basic',
  'credit',
  'contract',
  'guarantee',
  'post_loan',
  'disposal',
  'other',
] as const

/* Platform kinds we recognise (write-off files `write-off:<code>`): the rest are 其他. */
const CATEGORY_OF_KIND: Array<[RegExp, string]> = [
  [/^(id|license|basic|营业执照|身份证)/i, 'basic'],
  [/(contract|合同)/i, 'contract'],
  [/(guarant|collateral|担保|抵押)/i, 'guarantee'],
  [/(credit|loan|授信|贷款)/i, 'credit'],
  [/(check|post-loan|贷后)/i, 'post_loan'],
  [/^(write-off|disposal|litigation|核销|处置)/i, 'disposal'],
]

export function categoryOfKind(kind: string) {
  return CATEGORY_OF_KIND.find(([re]) => re.test(kind))?.[1] ?? 'other'
}

const root = () => process.env.ARCHIVES_FILES_DIR || app.tmpPath('archives-files')

export interface Customer {
  id: number
  customerNo: string
  name: string
}

/** Queued versions whose outbox message was delivered take the platform's document id. */
export async function reconcile(customerId: number) {
  const queued = await db
    .from(`${VERSIONS} as v`)
    .join(`${DOCUMENTS} as d`, 'd.id', 'v.document_id')
    .where('d.customer_id', customerId)
    .where('v.status', 'queued')
    .select('v.id', 'v.document_id', 'v.version_no', 'v.upload_key')
  if (!queued.length) return
  const messages = await db
    .from('outbox_messages')
    .whereIn(
      'idempotency_key',
      queued.map((q) => q.upload_key)
    )
    .where('status', 'sent')
    .select('idempotency_key', 'ack')
  const ackOf = new Map(messages.map((m) => [m.idempotency_key, m.ack]))
  for (const v of queued) {
    const filed = parseAck(ackOf.get(v.upload_key))
    if (!filed) continue
    await db.transaction(async (trx) => {
      await trx
        .from(VERSIONS)
        .where('id', v.id)
        .where('status', 'queued')
        .update({ status: 'filed', doc_no: filed.docNo, remote_url: filed.url.slice(0, 500) })
      if (Number(v.version_no) === 1) {
        await trx
          .from(DOCUMENTS)
          .where('id', v.document_id)
          .whereNull('root_doc_no')
          .update({ root_doc_no: filed.docNo })
        // An edit made while the upload was queued goes out now that the platform named it.
        const doc = await trx.from(DOCUMENTS).where('id', v.document_id).first()
        if (doc?.meta_pending) await queueMetadata(trx, Number(v.document_id))
      }
    })
  }
}

/* The ESB envelope the outbox kept: { retCode: '0000', data: { docNo, url } }. */
function parseAck(ack: unknown): { docNo: string; url: string } | null {
  if (typeof ack !== 'string') return null
  try {
    const body = JSON.parse(ack)
    if (body?.retCode !== '0000' || typeof body?.data?.docNo !== 'string') return null
    return { docNo: body.data.docNo, url: String(body.data.url ?? '') }
  } catch {
    return null
  }
}

type Remote = Awaited<ReturnType<typeof bankSystems.imaging.documents>>[number]

/** Documents the platform holds that we have not seen yet get a local row (version 1, filed). */
async function adopt(customerId: number, remote: Remote[]) {
  if (!remote.length) return
  const known = new Set(
    (
      await db
        .from(`${VERSIONS} as v`)
        .join(`${DOCUMENTS} as d`, 'd.id', 'v.document_id')
        .where('d.customer_id', customerId)
        .whereNotNull('v.doc_no')
        .select('v.doc_no')
    ).map((r) => r.doc_no)
  )
  for (const doc of remote) {
    if (known.has(doc.docNo)) continue
    try {
      await db.transaction(async (trx) => {
        const [id] = await trx.table(DOCUMENTS).insert({
          customer_id: customerId,
          root_doc_no: doc.docNo,
          category: categoryOfKind(doc.kind),
          kind: doc.kind.slice(0, 64),
          title: doc.title.slice(0, 200),
          remark: null,
          created_by: null,
          created_at: dbNow(),
          updated_at: dbNow(),
        })
        await trx.table(VERSIONS).insert({
          document_id: id,
          version_no: 1,
          doc_no: doc.docNo,
          status: 'filed',
          remote_url: doc.url.slice(0, 500),
          created_at: `${doc.uploadedOn} 00:00:00`,
        })
      })
    } catch (error) {
      // Another request adopted it at the same moment (unique doc_no): fine.
      if (!/duplicate|unique/i.test((error as Error).message)) throw error
    }
  }
}

export interface TreeDocument {
  id: number
  title: string
  category: string
  kind: string
  remark: string | null
  docNo: string | null
  status: 'queued' | 'filed'
  version: number
  versions: Array<{
    id: number
    version: number
    docNo: string | null
    status: string
    /** The outbox message of an upload: pending (retrying), sent, dead (an operator resends it on 外发消息). */
    delivery: string | null
    fileName: string | null
    contentType: string | null
    sizeBytes: number | null
    previewable: boolean
    createdBy: string | null
    createdAt: string
  }>
}

const PREVIEWABLE = /^(image\/(png|jpeg)|application\/pdf)$/

export async function documentsOf(customerId: number, documentId?: number) {
  const q = db.from(DOCUMENTS).where('customer_id', customerId).orderBy('id')
  if (documentId) q.where('id', documentId)
  const docs = await q
  if (!docs.length) return []
  const versions = await db
    .from(`${VERSIONS} as v`)
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .leftJoin('outbox_messages as m', 'm.idempotency_key', 'v.upload_key')
    .whereIn(
      'v.document_id',
      docs.map((d) => d.id)
    )
    .orderBy('v.version_no', 'desc')
    .select('v.*', 'u.real_name', 'm.status as delivery')
  return docs.map((d): TreeDocument => {
    const mine = versions.filter((v) => Number(v.document_id) === Number(d.id))
    const current = mine[0]
    return {
      id: Number(d.id),
      title: d.title,
      category: d.category,
      kind: d.kind,
      remark: d.remark ?? null,
      docNo: current?.doc_no ?? null,
      status: current?.status === 'filed' ? 'filed' : 'queued',
      version: Number(current?.version_no ?? 1),
      versions: mine.map((v) => ({
        id: Number(v.id),
        version: Number(v.version_no),
        docNo: v.doc_no ?? null,
        status: v.status,
        delivery: v.delivery ?? null,
        fileName: v.file_name ?? null,
        contentType: v.content_type ?? null,
        sizeBytes: v.size_bytes === null ? null : Number(v.size_bytes),
        previewable: Boolean(v.stored_path) && PREVIEWABLE.test(v.content_type ?? ''),
        createdBy: v.real_name ?? null,
        createdAt: new Date(v.created_at).toISOString(),
      })),
    }
  })
}

/**
 * The tree: categories with their documents. With the platform down the tree
 * is what we hold, marked offline (read-only on the console; uploads still queue).
 */
export async function treeOf(customer: Customer) {
  await reconcile(customer.id)
  let online = true
  try {
    await adopt(customer.id, await bankSystems.imaging.documents(customer.customerNo))
  } catch {
    online = false
  }
  const documents = await documentsOf(customer.id)
  const categories = CATEGORIES.map((category) => ({
    category,
    documents: documents.filter((d) => d.category === category),
  })).filter((c) => c.documents.length > 0)
  return { online, customer, categories }
}

export interface UploadMeta {
  title: string
  category: string
  remark?: string | null
}

async function keep(file: MultipartFile) {
  const stored = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`
  const target = path.join(root(), stored)
  await mkdir(path.dirname(target), { recursive: true })
  await rename(file.tmpPath!, target).catch(async () => copyFile(file.tmpPath!, target))
  const bytes = await readFile(target)
  return { stored, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** A new version row and its outbox message, in one transaction. */
async function queueVersion(
  trx: any,
  customer: Customer,
  documentId: number,
  versionNo: number,
  meta: { title: string; category: string },
  file: MultipartFile,
  contentType: string,
  kept: Awaited<ReturnType<typeof keep>>,
  userId: number
) {
  const key = `archives:upload:${randomUUID()}`
  const [id] = await trx.table(VERSIONS).insert({
    document_id: documentId,
    version_no: versionNo,
    doc_no: null,
    status: 'queued',
    file_name: file.clientName.slice(0, 200),
    content_type: contentType,
    size_bytes: kept.bytes.length,
    sha256: kept.sha256,
    stored_path: kept.stored,
    upload_key: key,
    created_by: userId,
    created_at: dbNow(),
  })
  await outbox.enqueue(trx, {
    system: 'imaging',
    interface: 'upload',
    payload: {
      customerNo: customer.customerNo,
      title: versionNo > 1 ? `${meta.title}（第${versionNo}版）` : meta.title,
      kind: `archives:${meta.category}`,
      fileName: file.clientName,
      content: kept.bytes.toString('base64'),
    },
    idempotencyKey: key,
    correlationId: `archives:${documentId}:${versionNo}`,
  })
  return { versionId: Number(id), key }
}

export async function uploadDocument(
  customer: Customer,
  meta: UploadMeta,
  file: MultipartFile,
  contentType: string,
  userId: number
) {
  const kept = await keep(file)
  return db.transaction(async (trx) => {
    const [id] = await trx.table(DOCUMENTS).insert({
      customer_id: customer.id,
      root_doc_no: null,
      category: meta.category,
      kind: `archives:${meta.category}`,
      title: meta.title,
      remark: meta.remark ?? null,
      created_by: userId,
      created_at: dbNow(),
      updated_at: dbNow(),
    })
    const version = await queueVersion(
      trx,
      customer,
      Number(id),
      1,
      meta,
      file,
      contentType,
      kept,
      userId
    )
    return { documentId: Number(id), ...version }
  })
}

/** 替换: a new version; the old ones stay (on the platform and here). */
export async function replaceDocument(
  customer: Customer,
  documentId: number,
  file: MultipartFile,
  contentType: string,
  userId: number
) {
  const kept = await keep(file)
  return db.transaction(async (trx) => {
    const doc = await trx.from(DOCUMENTS).where('id', documentId).forUpdate().first()
    const last = await trx
      .from(VERSIONS)
      .where('document_id', documentId)
      .max('version_no as n')
      .first()
    const versionNo = Number(last?.n ?? 0) + 1
    await trx.from(DOCUMENTS).where('id', documentId).update({ updated_at: dbNow() })
    const version = await queueVersion(
      trx,
      customer,
      documentId,
      versionNo,
      { title: doc.title, category: doc.category },
      file,
      contentType,
      kept,
      userId
    )
    return { documentId, versionNo, ...version }
  })
}

export async function storedFile(versionId: number) {
  const v = await db.from(VERSIONS).where('id', versionId).first()
  if (!v?.stored_path) return null
  return {
    path: path.join(root(), v.stored_path),
    contentType: String(v.content_type ?? 'application/octet-stream'),
    fileName: String(v.file_name ?? 'file'),
  }
}
