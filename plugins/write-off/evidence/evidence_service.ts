/*
| 核销资料 (evidence) per subject, kept on the 影像平台 through bank-systems'
| imaging connector: an upload files the document there (once per key) and we
| keep its doc number and link; a document already on the platform can be
| linked instead. The rule check reads which document codes are on file.
*/
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { createHash } from 'node:crypto'
import { dbNow } from '#core/db/db_time'
import { bankSystems } from '../../bank-systems/adapters/index.js'
import { bookApi } from '../../credit-assets/services/book_api.js'
import type { Subject, SubjectRef } from '../plans/subjects.js'

export const EVIDENCE_TABLE = 'write_off_evidence'

export interface EvidenceRow {
  id: number
  docCode: string
  title: string
  docNo: string
  url: string | null
  source: 'upload' | 'link'
  createdAt: string
}

const toPlain = (r: any): EvidenceRow => ({
  id: Number(r.id),
  docCode: r.doc_code,
  title: r.title,
  docNo: r.doc_no,
  url: r.url ?? null,
  source: r.source,
  createdAt: new Date(r.created_at).toISOString(),
})

/** Document codes on file per subject key (`loan:12`). */
export async function docCodesOf(
  refs: SubjectRef[],
  client: Pick<QueryClientContract, 'from'> = db
) {
  const out = new Map<string, Set<string>>()
  for (const kind of ['loan', 'card'] as const) {
    const ids = refs.filter((r) => r.kind === kind).map((r) => r.id)
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await client
        .from(EVIDENCE_TABLE)
        .where('subject_kind', kind)
        .whereIn('subject_id', ids.slice(i, i + 1000))
        .select('subject_id', 'doc_code')
      for (const r of rows) {
        const key = `${kind}:${r.subject_id}`
        if (!out.has(key)) out.set(key, new Set())
        out.get(key)!.add(r.doc_code)
      }
    }
  }
  return out
}

export async function evidenceOf(ref: SubjectRef) {
  const rows = await db
    .from(EVIDENCE_TABLE)
    .where('subject_kind', ref.kind)
    .where('subject_id', ref.id)
    .orderBy('id')
  return rows.map(toPlain)
}

async function customerNoOf(subject: Subject) {
  const customer = await bookApi.customers.byId(subject.customerId)
  return customer?.customerNo ?? ''
}

export interface UploadInput {
  docCode: string
  title: string
  fileName: string
  /** base64 */
  content: string
}

/** Files the document on the 影像平台, then records it against the subject. */
export async function uploadEvidence(subject: Subject, input: UploadInput, userId: number) {
  // Same file for the same subject and code: the platform files it once.
  const key = createHash('sha256')
    .update(`${subject.kind}:${subject.id}:${input.docCode}:${input.content}`)
    .digest('hex')
    .slice(0, 64)
  const filed = await bankSystems.imaging.upload({
    customerNo: await customerNoOf(subject),
    title: input.title,
    kind: `write-off:${input.docCode}`,
    fileName: input.fileName,
    content: input.content,
    key: `write-off-evidence:${key}`,
  })
  return record(subject, { ...input, docNo: filed.docNo, url: filed.url, source: 'upload' }, userId)
}

/** Links a document the 影像平台 already holds for the customer (checked there). */
export async function linkEvidence(
  subject: Subject,
  input: { docCode: string; docNo: string },
  userId: number
) {
  const documents = await bankSystems.imaging.documents(await customerNoOf(subject))
  const doc = documents.find((d) => d.docNo === input.docNo)
  if (!doc) return null
  return record(
    subject,
    { docCode: input.docCode, title: doc.title, docNo: doc.docNo, url: doc.url, source: 'link' },
    userId
  )
}

export async function imagingDocuments(subject: Subject) {
  return bankSystems.imaging.documents(await customerNoOf(subject))
}

async function record(
  subject: Subject,
  doc: { docCode: string; title: string; docNo: string; url: string; source: 'upload' | 'link' },
  userId: number
) {
  const existing = await db
    .from(EVIDENCE_TABLE)
    .where('subject_kind', subject.kind)
    .where('subject_id', subject.id)
    .where('doc_code', doc.docCode)
    .where('doc_no', doc.docNo)
    .first()
  if (existing) return toPlain(existing)
  const [id] = await db.table(EVIDENCE_TABLE).insert({
    subject_kind: subject.kind,
    subject_id: subject.id,
    doc_code: doc.docCode,
    title: doc.title.slice(0, 200),
    doc_no: doc.docNo,
    url: doc.url.slice(0, 500),
    source: doc.source,
    uploaded_by: userId,
    created_at: dbNow(),
  })
  return toPlain(await db.from(EVIDENCE_TABLE).where('id', id).first())
}
