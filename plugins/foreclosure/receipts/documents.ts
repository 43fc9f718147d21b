/*
| 权属转移资料 (法院裁定书, 抵债协议, 权属证书, 过户登记资料, 评估报告) filed on the
| 电子档案 platform through bank-systems' imaging connector: an upload files
| the document there (once per key — the same file for the same receipt is
| filed once) and the receipt keeps its doc number and link. The platform's
| own documents of the debtor are listed for reference (资料来自电子档案).
*/
import db from '@adonisjs/lucid/services/db'
import { createHash } from 'node:crypto'
import { dbNow } from '#core/db/db_time'
import { bookApi } from '../../credit-assets/services/book_api.js'
import { foreclosureBankSystems } from './balances.js'
import { DOCUMENTS, documentPlain } from './store.js'
import { ForeclosureError } from './foreclosure_error.js'

async function customerNoOf(receipt: any) {
  const customer = await bookApi.customers.byId(Number(receipt.customer_id))
  return String(customer?.customerNo ?? '')
}

export async function uploadDocument(
  receipt: any,
  input: { docKind: string; title: string; fileName: string; content: string },
  userId: number
) {
  const digest = createHash('sha256')
    .update(`${receipt.id}:${input.docKind}:${input.content}`)
    .digest('hex')
    .slice(0, 48)
  let filed: { docNo: string; url: string }
  try {
    filed = await (
      await foreclosureBankSystems.get()
    ).imaging.upload({
      customerNo: await customerNoOf(receipt),
      title: input.title,
      kind: `foreclosure:${input.docKind}`,
      fileName: input.fileName,
      content: input.content,
      key: `foreclosure-doc:${digest}`,
    })
  } catch {
    throw new ForeclosureError(503, '电子档案系统暂不可用，资料未上传，请稍后重试')
  }
  const existing = await db
    .from(DOCUMENTS)
    .where('receipt_id', receipt.id)
    .where('doc_no', filed.docNo)
    .first()
  if (existing) return documentPlain(existing)
  const [id] = await db.table(DOCUMENTS).insert({
    receipt_id: receipt.id,
    doc_kind: input.docKind,
    title: input.title.slice(0, 200),
    doc_no: filed.docNo,
    url: filed.url.slice(0, 500),
    uploaded_by: userId,
    created_at: dbNow(),
  })
  return documentPlain(await db.from(DOCUMENTS).where('id', id).first())
}

/** The debtor's documents on 电子档案; null when the platform does not answer. */
export async function archiveDocuments(receipt: any) {
  try {
    return await (await foreclosureBankSystems.get()).imaging.documents(await customerNoOf(receipt))
  } catch {
    return null
  }
}
