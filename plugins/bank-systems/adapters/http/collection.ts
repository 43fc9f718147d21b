/* 智能催收 over HTTP. */
import type { CollectionAdapter } from '../contracts.js'
import { esbCall, yuanOrNull } from './esb.js'

type CollectionRecord = Awaited<ReturnType<CollectionAdapter['records']>>[number]

export const httpCollection: CollectionAdapter = {
  async itemRecords(itemRefs) {
    if (!itemRefs.length) return []
    const rows = await esbCall<any[]>('collection', 'item-records', { itemRefs })
    return rows.map((r) => ({
      recordNo: r.recordNo,
      itemRef: r.itemRef,
      collectedOn: r.collectedOn,
      method: r.method,
      collector: r.collector,
      result: r.result,
      proof: r.proof ?? null,
      promisedAmount: yuanOrNull(r.promisedAmountFen),
    }))
  },

  async records(customerNo) {
    const rows = await esbCall<any[]>('collection', 'records', { customerNo })
    return rows.map((r): CollectionRecord => ({
      date: r.date,
      method: r.method,
      collector: r.collector,
      result: r.result,
      promisedAmount: yuanOrNull(r.promisedAmountFen),
    }))
  },
}
