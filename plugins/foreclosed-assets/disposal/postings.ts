/*
| 处置账务: a completed disposal's postings to core banking, written to the
| outbox in the completing transaction (never lost, never sent for a decision
| that rolled back). One message per posting with its own key
| `foreclosed-assets:disposal:<id>:<kind>`, unique here too
| (foreclosed_assets_postings), so a posting is never enqueued twice, and core
| banking dedupes a redelivery by it, so it is never applied twice.
|
| - 出售: proceeds (credit 抵债资产 by the price received); the loss
|   (入账价值 − 价款, to the fen) to 营业外支出, or a gain to 营业外收入.
| - 转固: the 入账价值 from 抵债资产 to 固定资产.
| - 列损: the written-down amount to 营业外支出 (抵债资产减值).
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { outbox } from '#core/connectors/outbox'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'

export const POSTINGS = 'foreclosed_assets_postings'

/* Account codes of the bank's chart (configurable by the bank's core mapping). */
const ACCOUNTS: Record<string, { accountNo: string; direction: 'debit' | 'credit'; memo: string }> =
  {
    proceeds: { accountNo: '1441-foreclosed', direction: 'credit', memo: '出售抵债资产价款' },
    loss: { accountNo: '6711-non-operating-loss', direction: 'debit', memo: '抵债资产处置损失' },
    gain: { accountNo: '6301-non-operating-gain', direction: 'credit', memo: '抵债资产处置收益' },
    to_fixed: {
      accountNo: '1601-fixed-assets',
      direction: 'debit',
      memo: '抵债资产转为自用固定资产',
    },
    write_off: { accountNo: '6711-non-operating-loss', direction: 'debit', memo: '抵债资产列损' },
  }

export const postingKey = (disposalId: number, kind: string) =>
  `foreclosed-assets:disposal:${disposalId}:${kind}`

/** The postings a disposal makes: kind → fen (positive amounts only). */
export function postingsFor(d: {
  kind: string
  amount_fen: string
  loss_fen: string
  book_value_fen: string
}) {
  const out: Array<[string, Money]> = []
  const amount = Money.fromFen(String(d.amount_fen))
  const loss = Money.fromFen(String(d.loss_fen))
  if (d.kind === 'sale') {
    if (!amount.isZero()) out.push(['proceeds', amount])
    if (!loss.isZero() && !loss.isNegative()) out.push(['loss', loss])
    if (loss.isNegative()) out.push(['gain', loss.negate()])
  } else if (d.kind === 'to_fixed') {
    out.push(['to_fixed', Money.fromFen(String(d.book_value_fen))])
  } else if (d.kind === 'write_off') {
    out.push(['write_off', loss])
  }
  return out
}

export async function enqueuePostings(
  trx: TransactionClientContract,
  disposal: Record<string, any>,
  asset: Record<string, any>
) {
  let count = 0
  for (const [kind, money] of postingsFor(disposal as any)) {
    const key = postingKey(Number(disposal.id), kind)
    const account = ACCOUNTS[kind]
    const outboxId = await outbox.enqueue(trx, {
      system: 'core-banking',
      interface: 'posting',
      idempotencyKey: key,
      correlationId: disposal.disposal_no,
      payload: {
        accountNo: account.accountNo,
        amount: money.toYuan(),
        direction: account.direction,
        memo: `${account.memo} ${asset.asset_no} ${disposal.disposal_no}`.slice(0, 200),
      },
    })
    await trx.table(POSTINGS).insert({
      disposal_id: disposal.id,
      kind,
      amount_fen: money.toFen(),
      idempotency_key: key,
      outbox_id: outboxId,
      created_at: dbNow(),
    })
    count++
  }
  return count
}

/** A disposal's postings with the outbox's state: sent, pending (retrying) or dead (refused). */
export async function postingsOf(disposalIds: number[]) {
  if (!disposalIds.length) return []
  const rows = await db
    .from(`${POSTINGS} as p`)
    .join('outbox_messages as o', 'o.id', 'p.outbox_id')
    .whereIn('p.disposal_id', disposalIds)
    .orderBy('p.id')
    .select(
      'p.id',
      'p.disposal_id',
      'p.kind',
      'p.amount_fen',
      'p.idempotency_key',
      'o.status',
      'o.attempts',
      'o.last_error'
    )
  return rows.map((r: any) => ({
    id: Number(r.id),
    disposalId: Number(r.disposal_id),
    kind: r.kind as string,
    amount: Money.fromFen(String(r.amount_fen)).toYuan(),
    idempotencyKey: r.idempotency_key as string,
    status: r.status as 'pending' | 'sent' | 'dead',
    attempts: Number(r.attempts),
    reason: (r.last_error ?? null) as string | null,
  }))
}

/** 重发 a refused (dead) posting; false when it is not dead. */
export async function retryPosting(disposalId: number, postingId: number) {
  const row = await db
    .from(POSTINGS)
    .where('id', postingId)
    .where('disposal_id', disposalId)
    .first()
  if (!row) return null
  return outbox.retryDead(Number(row.outbox_id))
}
