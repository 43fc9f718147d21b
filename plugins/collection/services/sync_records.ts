/*
| 催收记录 back from 智能催收: for every item not yet answered, ask the system for
| the records it produced (by item reference, in chunks, outside any
| transaction — the connector logs through the pool) and store each record
| once (record_no unique). Run by the job collection:sync-records (every 15
| minutes, and on demand from the page). Safe to repeat.
*/
import db from '@adonisjs/lucid/services/db'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { bankSystems } from '../../bank-systems/adapters/index.js'
import { isDuplicateKey } from '#core/db/db_errors'

const CHUNK = 100

export async function syncRecords(
  progress: (percent: number, message?: string) => Promise<void> = async () => {}
) {
  const items = await db
    .from('collection_items')
    .where('status', 'sent')
    .orderBy('id')
    .select('id', 'item_no', 'customer_id', 'org_id', 'manager_id')
  let added = 0
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK)
    const byRef = new Map(chunk.map((i) => [i.item_no as string, i]))
    const records = await bankSystems.collection.itemRecords([...byRef.keys()])
    for (const r of records) {
      const item = byRef.get(r.itemRef)
      if (!item) continue
      try {
        await db.transaction(async (trx) => {
          await trx.table('collection_records').insert({
            record_no: r.recordNo,
            item_id: item.id,
            customer_id: item.customer_id,
            method: r.method,
            collected_on: r.collectedOn,
            collector: r.collector.slice(0, 64),
            result: r.result.slice(0, 500),
            proof_kind: r.proof?.kind ?? null,
            proof_doc_no: r.proof?.docNo ?? null,
            proof_title: r.proof?.title ?? null,
            promised_amount_fen: r.promisedAmount ? Money.fromYuan(r.promisedAmount).toFen() : null,
            org_id: item.org_id,
            manager_id: item.manager_id,
            created_at: dbNow(),
          })
          await trx
            .from('collection_items')
            .where('id', item.id)
            .update({ status: 'recorded', updated_at: dbNow() })
        })
        added++
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
    }
    await progress(Math.round((100 * Math.min(items.length, start + CHUNK)) / items.length))
  }
  await progress(100, `新增催收记录 ${added} 条`)
  return { items: items.length, added }
}
