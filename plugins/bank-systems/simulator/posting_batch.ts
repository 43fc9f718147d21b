/*
| 核心系统 批量记账 (`POST /core-banking/postings/batch`): many postings in one
| request, `{ items: [{ idempotencyKey, body }] }`, each applied once per its own
| key in the same ledger as the single posting, and answered one result per item
| `{ idempotencyKey, status, body }` — 200 applied (or a repeat: the first ack,
| `duplicate: true`), 400 refused with its reason, 500 failed (fault injection:
| `errorRate` hits each item as well as the whole request). A simulated duplicate
| delivery applies the whole batch again: every item must be refused by key.
*/
import type { Ledger } from './ledger.js'
import { badRequest, ok, type Reply } from './replies.js'

export const POSTING_BATCH_MAX = 500

/** Why core banking refuses a posting body, or null (shared with the single posting). */
export function postingRefusal(body: any): string | null {
  return !body || typeof body.amount !== 'string' ? 'amount 必填' : null
}

const failed = { retCode: '5000', retMsg: '系统繁忙（模拟故障）', data: null }

export function postingBatch(
  system: string,
  method: string,
  path: string,
  body: any,
  ledger: Ledger<any>,
  itemFails: () => boolean
): Reply | null {
  if (system !== 'core-banking' || method !== 'POST' || path !== '/postings/batch') return null
  const items = body?.items
  if (!Array.isArray(items) || !items.length || items.length > POSTING_BATCH_MAX)
    return badRequest(`items 须为 1–${POSTING_BATCH_MAX} 条`)
  const seen = new Set<string>()
  const applied: Array<[string, unknown]> = []
  const results = items.map((item: any) => {
    const key = typeof item?.idempotencyKey === 'string' ? item.idempotencyKey : ''
    const refuse = (message: string) => ({
      idempotencyKey: key,
      status: 400,
      body: badRequest(message).body,
    })
    if (!key) return refuse('缺少 Idempotency-Key')
    if (seen.has(key)) return refuse('同一批次内幂等键重复')
    seen.add(key)
    const refusal = postingRefusal(item.body)
    if (refusal) return refuse(refusal)
    if (itemFails()) return { idempotencyKey: key, status: 500, body: failed }
    applied.push([key, item.body])
    return { idempotencyKey: key, status: 200, body: ok(ledger.apply(key, item.body)) }
  })
  return {
    status: 200,
    body: ok({ results }),
    replay: () => applied.forEach(([key, posting]) => ledger.apply(key, posting)),
  }
}
