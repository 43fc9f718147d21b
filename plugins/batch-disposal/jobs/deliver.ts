/*
| Job batch-disposal:deliver — 交割 of a large package chunk by chunk
| (domain/delivery.ts). Safe to retry or run twice: a chunk takes only the
| loans not yet delivered.
*/
import type { JobHandler } from '#core/plugins/types'
import { deliverChunk, deliveryOf } from '../domain/delivery.js'

const deliver: JobHandler = async ({ payload, progress }) => {
  const packageId = Number(payload?.packageId)
  if (!Number.isSafeInteger(packageId) || packageId <= 0) throw new Error('packageId 必填')
  let postings = 0
  for (;;) {
    const step = await deliverChunk(packageId)
    postings += step.postings
    const { total, done } = await deliveryOf(packageId)
    await progress(total ? Math.floor((done / total) * 100) : 100, `${done}/${total}`)
    if (step.done) return { packageId, loans: total, postings }
  }
}

export default deliver
