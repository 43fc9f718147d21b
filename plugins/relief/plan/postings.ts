/*
| 减免账务处理: every accounting action is one relief_postings row with its own
| 通知单号 and, written in the same transaction, one outbox message per loan to
| core banking (bank-systems' connector `core-banking`, interface `posting`) —
| never lost, never sent for a change that rolled back. The idempotency key is
| `relief:posting:<id>:<loanNo>`: every redelivery is applied once by core
| banking.
|
| Kinds: 价款分配 (allocation: a received payment split over the buckets in the
| plan's order), 还款 (repayment: the cash received), 还款冲正, 减免 (relief: the
| relieved buckets), 减免冲正. A 冲正 copies exactly the lines of its original and
| posts them the other way; it reverses that posting and nothing else. A posting
| is reversed at most once (a unique column) and a 冲正 is never reversed (409).
*/
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { outbox } from '#core/connectors/outbox'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { BUCKET_LABELS, sumLines, type PostingLine } from './buckets.js'
import { ReliefError } from './relief_error.js'

export const POSTING_KINDS = [
  'allocation',
  'repayment',
  'repayment_reversal',
  'relief',
  'relief_reversal',
] as const
export type PostingKind = (typeof POSTING_KINDS)[number]

export const KIND_LABELS: Record<PostingKind, string> = {
  allocation: '价款分配',
  repayment: '还款',
  repayment_reversal: '还款冲正',
  relief: '减免',
  relief_reversal: '减免冲正',
}

const REVERSAL_OF: Partial<Record<PostingKind, PostingKind>> = {
  allocation: 'repayment_reversal',
  repayment: 'repayment_reversal',
  relief: 'relief_reversal',
}
const PREFIX: Record<PostingKind, string> = {
  allocation: 'FP',
  repayment: 'HK',
  repayment_reversal: 'HC',
  relief: 'JM',
  relief_reversal: 'JC',
}

export const isReversal = (kind: string) => kind.endsWith('_reversal')
export const postingKey = (postingId: number, loanNo: string) =>
  `relief:posting:${postingId}:${loanNo}`

export interface PostingRow {
  id: number
  noticeNo: string
  planId: number
  kind: PostingKind
  reversesId: number | null
  paymentRef: string | null
  amountFen: string
  lines: PostingLine[]
  businessDate: string
  reason: string | null
}

export function postingFromRow(r: any): PostingRow {
  return {
    id: Number(r.id),
    noticeNo: r.notice_no,
    planId: Number(r.plan_id),
    kind: r.kind,
    reversesId: r.reverses_id === null ? null : Number(r.reverses_id),
    paymentRef: r.payment_ref ?? null,
    amountFen: String(r.amount_fen),
    lines: JSON.parse(r.lines),
    businessDate:
      r.business_date instanceof Date
        ? DateTime.fromJSDate(r.business_date).toISODate()!
        : String(r.business_date).slice(0, 10),
    reason: r.reason ?? null,
  }
}

/** Writes the posting and its outbox messages in `trx`. */
export async function createPosting(
  trx: TransactionClientContract,
  input: {
    planId: number
    planNo: string
    kind: PostingKind
    lines: PostingLine[]
    businessDate: string
    operatorId: number
    reversesId?: number | null
    paymentRef?: string | null
    reason?: string | null
  }
): Promise<PostingRow> {
  const amount = sumLines(input.lines)
  if (amount <= 0n) throw new ReliefError(422, '记账金额必须大于零', 'Nothing to post')
  const [id] = await trx.table('relief_postings').insert({
    notice_no: randomUUID().replace(/-/g, '').slice(0, 32),
    plan_id: input.planId,
    kind: input.kind,
    reverses_id: input.reversesId ?? null,
    payment_ref: input.paymentRef ?? null,
    amount_fen: amount.toString(),
    lines: JSON.stringify(input.lines),
    business_date: input.businessDate,
    reason: input.reason ?? null,
    created_by: input.operatorId,
    created_at: dbNow(),
  })
  const noticeNo = `${PREFIX[input.kind]}${input.businessDate.replaceAll('-', '')}${String(id).padStart(6, '0')}`
  await trx.from('relief_postings').where('id', id).update({ notice_no: noticeNo })

  // One message per loan: core banking posts to one loan at a time.
  const byLoan = new Map<string, PostingLine[]>()
  for (const line of input.lines)
    byLoan.set(line.loanNo, [...(byLoan.get(line.loanNo) ?? []), line])
  for (const [loanNo, lines] of byLoan) {
    const detail = lines
      .map(
        (l) =>
          `${l.bucket === 'cash' ? '收款' : BUCKET_LABELS[l.bucket].zh} ${Money.fromFen(l.amountFen).toYuan()}`
      )
      .join(' ')
    await outbox.enqueue(trx, {
      system: 'core-banking',
      interface: 'posting',
      idempotencyKey: postingKey(Number(id), loanNo),
      correlationId: noticeNo,
      payload: {
        loanNo,
        amount: Money.fromFen(sumLines(lines).toString()).toYuan(),
        // A reversal goes the other way: it undoes its original line by line.
        direction: isReversal(input.kind) ? 'debit' : 'credit',
        memo: `债权减免 ${input.planNo} ${KIND_LABELS[input.kind]} ${noticeNo} ${detail}`.slice(
          0,
          200
        ),
      },
    })
  }
  const row = await trx.from('relief_postings').where('id', id).firstOrFail()
  return postingFromRow(row)
}

/** 冲正: exactly the original's lines, the other way. Refuses a reversal and a second reversal. */
export async function reversePosting(
  trx: TransactionClientContract,
  input: {
    posting: PostingRow
    planNo: string
    businessDate: string
    operatorId: number
    reason: string
  }
): Promise<PostingRow> {
  const { posting } = input
  const kind = REVERSAL_OF[posting.kind]
  if (!kind)
    throw new ReliefError(409, '冲正记录不能再冲正', 'A reversal cannot be reversed', 'postingId')
  const already = await trx.from('relief_postings').where('reverses_id', posting.id).first()
  if (already)
    throw new ReliefError(
      409,
      `该笔记账已冲正（${already.notice_no}）`,
      'This posting is already reversed',
      'postingId'
    )
  return createPosting(trx, {
    planId: posting.planId,
    planNo: input.planNo,
    kind,
    lines: posting.lines,
    businessDate: input.businessDate,
    operatorId: input.operatorId,
    reversesId: posting.id,
    paymentRef: posting.paymentRef,
    reason: input.reason,
  })
}

/**
 * 重新记账: the posting's messages core banking refused (dead in the outbox) go out
 * again with the same idempotency keys — applied once however often they are sent.
 * 404 when the posting is not the plan's, 409 when none of its messages was refused.
 */
export async function retryPosting(planId: number, postingId: number) {
  const row = await db
    .from('relief_postings')
    .where('id', postingId)
    .where('plan_id', planId)
    .first()
  if (!row) throw new ReliefError(404, '记账记录不存在', 'No such posting')
  const dead = await db
    .from('outbox_messages')
    .where('correlation_id', row.notice_no)
    .where('idempotency_key', 'like', `relief:posting:${postingId}:%`)
    .where('status', 'dead')
    .select('id', 'idempotency_key')
  let retried = 0
  for (const m of dead) if (await outbox.retryDead(Number(m.id))) retried++
  if (!retried)
    throw new ReliefError(
      409,
      '该笔记账未被核心系统拒绝，无需重新记账',
      'The posting was not refused'
    )
  return {
    noticeNo: row.notice_no as string,
    keys: dead.map((m: any) => m.idempotency_key as string),
  }
}

/** The posting state of each posting (from its outbox messages): pending, posted or failed. */
export async function postingStates(trx: any, ids: number[]): Promise<Map<number, string>> {
  const states = new Map<number, string>()
  if (!ids.length) return states
  const rows = await trx
    .from('outbox_messages')
    .whereIn(
      'correlation_id',
      (await trx.from('relief_postings').whereIn('id', ids).select('notice_no')).map(
        (r: any) => r.notice_no
      )
    )
    .select('idempotency_key', 'status')
  const byPosting = new Map<number, string[]>()
  for (const r of rows) {
    const id = Number(String(r.idempotency_key).split(':')[2])
    byPosting.set(id, [...(byPosting.get(id) ?? []), r.status])
  }
  for (const id of ids) {
    const list = byPosting.get(id) ?? []
    states.set(
      id,
      list.some((s) => s === 'dead')
        ? 'failed'
        : list.every((s) => s === 'sent') && list.length
          ? 'posted'
          : 'pending'
    )
  }
  return states
}
