/*
| Job write-off:execute-reply — executes a replied batch plan chunk by chunk
| (plans/reply_service.ts): each chunk writes its subjects off in the book,
| records their disposal outcomes and enqueues their postings in one
| transaction. Safe to retry or run twice: a chunk takes only what is left.
*/
import type { JobHandler } from '#core/plugins/types'
import { executeChunk, executionOf } from '../plans/reply_service.js'

const executeReply: JobHandler = async ({ payload, progress }) => {
  const planId = Number(payload?.planId)
  if (!Number.isSafeInteger(planId) || planId <= 0) throw new Error('planId 必填')
  let postings = 0
  for (;;) {
    const step = await executeChunk(planId)
    postings += step.postings
    const { total, done } = await executionOf(planId)
    await progress(total ? Math.floor((done / total) * 100) : 100, `${done}/${total}`)
    if (step.done || step.subjects === 0) return { planId, subjects: total, postings }
  }
}

export default executeReply
