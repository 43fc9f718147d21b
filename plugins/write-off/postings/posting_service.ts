/*
| 账务处理: the write-off's postings to core banking, written to the core outbox
| in the 批复's own transaction — principal, on-balance interest, off-balance
| interest (and a card's fees) per subject, one message per posting, each with
| its own business idempotency key `write-off:<item id>:<kind>`. The key is
| unique here too (write_off_postings), so a posting is never enqueued twice,
| and core banking dedupes a redelivery by it, so it is never applied twice.
|
| A posting core banking refuses keeps failing until the outbox gives up
| (`dead`, with the refusal's text); the 账务处理 page shows the reason and
| 重发 puts it back (outbox.retryDead) with the same key.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { outbox } from '#core/connectors/outbox'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'

export const POSTINGS = 'write_off_postings'
export const POSTING_ACCOUNTS = 'write-off.postingAccounts'

export const POSTING_KINDS = [
  ['principal', 'principal_fen', '核销本金'],
  ['on_balance_interest', 'on_balance_interest_fen', '核销表内利息'],
  ['off_balance_interest', 'off_balance_interest_fen', '核销表外利息'],
  ['fee', 'fee_fen', '核销费用'],
] as const

export const postingKey = (itemId: number, kind: string) => `write-off:${itemId}:${kind}`

/** Enqueues every non-zero posting of the items, in `trx` (one multi-row insert per chunk). Returns how many. */
export async function enqueuePostings(
  trx: TransactionClientContract,
  plan: { id: number; replyNo: string },
  items: any[]
) {
  const accounts = await settings.json<Record<string, string>>(POSTING_ACCOUNTS)
  const postings: Array<{ item: any; kind: string; fen: string; key: string; memo: string }> = []
  for (const item of items)
    for (const [kind, column, memo] of POSTING_KINDS) {
      const fen = String(item[column])
      if (BigInt(fen) > 0n)
        postings.push({ item, kind, fen, key: postingKey(Number(item.id), kind), memo })
    }
  const outboxIds = await outbox.enqueueMany(
    trx,
    postings.map((p) => ({
      system: 'core-banking',
      interface: 'posting',
      idempotencyKey: p.key,
      correlationId: plan.replyNo,
      payload: {
        loanNo: p.item.subject_no,
        accountNo: accounts[p.kind] ?? p.kind,
        amount: Money.fromFen(p.fen).toYuan(),
        direction: 'credit',
        memo: `${p.memo} ${plan.replyNo}`,
      },
    }))
  )
  const createdAt = dbNow()
  const rows = postings.map((p, i) => ({
    plan_id: plan.id,
    item_id: p.item.id,
    kind: p.kind,
    amount_fen: p.fen,
    idempotency_key: p.key,
    outbox_id: outboxIds[i],
    created_at: createdAt,
  }))
  for (let i = 0; i < rows.length; i += 500)
    await trx.table(POSTINGS).multiInsert(rows.slice(i, i + 500))
  return rows.length
}

/** The plan's postings with the outbox's state: sent, pending (retrying) or dead (refused). */
export async function postingsOf(planId: number) {
  const rows = await db
    .from(`${POSTINGS} as w`)
    .join('write_off_plan_items as i', 'i.id', 'w.item_id')
    .join('outbox_messages as o', 'o.id', 'w.outbox_id')
    .where('w.plan_id', planId)
    .orderBy('w.id')
    .select(
      'w.id',
      'w.kind',
      'w.idempotency_key',
      'i.subject_no',
      'i.subject_kind',
      'o.status',
      'o.attempts',
      'o.last_error',
      'o.last_http_status',
      'o.sent_at',
      'o.ack'
    )
    .select(db.raw('CAST(w.amount_fen AS CHAR) as amount_fen'))
  return rows.map((r) => {
    let postingNo: string | null = null
    try {
      postingNo = r.ack
        ? (JSON.parse(r.ack)?.data?.postingNo ?? JSON.parse(r.ack)?.postingNo ?? null)
        : null
    } catch {
      postingNo = null
    }
    return {
      id: Number(r.id),
      subjectNo: r.subject_no,
      subjectKind: r.subject_kind,
      kind: r.kind,
      amount: Money.fromFen(r.amount_fen).toYuan(),
      idempotencyKey: r.idempotency_key,
      status: r.status as 'pending' | 'sent' | 'dead',
      attempts: Number(r.attempts),
      reason: r.last_error ?? null,
      httpStatus: r.last_http_status === null ? null : Number(r.last_http_status),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      postingNo,
    }
  })
}

export function postingSummary(postings: Awaited<ReturnType<typeof postingsOf>>) {
  const count = (s: string) => postings.filter((p) => p.status === s).length
  return {
    total: postings.length,
    sent: count('sent'),
    pending: count('pending'),
    dead: count('dead'),
  }
}

/** 重发 a refused (dead) posting of the plan; false when it is not dead. */
export async function retryPosting(planId: number, postingId: number) {
  const row = await db.from(POSTINGS).where('id', postingId).where('plan_id', planId).first()
  if (!row) return null
  return outbox.retryDead(Number(row.outbox_id))
}
