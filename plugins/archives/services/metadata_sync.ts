/*
| 信息维护 → 影像平台: an edit of a document's title, category or remark goes to the
| platform through the outbox (interface update-metadata, one key per edit), in
| the transaction of the edit: never lost while the platform is down, applied
| once. A document whose first upload is still queued has no platform number
| yet: the edit waits (meta_pending) and is sent by reconcile once it is filed.
*/
import { randomUUID } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { outbox } from '#core/connectors/outbox'

const DOCUMENTS = 'archives_documents'

/** Queues the document's current metadata, or marks it pending; returns what happened. */
export async function queueMetadata(
  trx: TransactionClientContract,
  documentId: number
): Promise<{ sent: string | null; pending: boolean }> {
  const doc = await trx.from(DOCUMENTS).where('id', documentId).forUpdate().first()
  if (!doc.root_doc_no) {
    await trx.from(DOCUMENTS).where('id', documentId).update({ meta_pending: true })
    return { sent: null, pending: true }
  }
  const key = `archives:meta:${randomUUID()}`
  await outbox.enqueue(trx, {
    system: 'imaging',
    interface: 'update-metadata',
    payload: {
      docNo: doc.root_doc_no,
      title: doc.title,
      kind: `archives:${doc.category}`,
      remark: doc.remark ?? null,
    },
    idempotencyKey: key,
    correlationId: `archives:${documentId}:meta`,
  })
  await trx.from(DOCUMENTS).where('id', documentId).update({ meta_key: key, meta_pending: false })
  return { sent: key, pending: false }
}
