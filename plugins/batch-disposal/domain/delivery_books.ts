/*
| 交割's bookkeeping for one chunk of loans, set-based: the 账务处理 postings
| (per loan: the price share received, the loss to book value, the off-balance
| interest removed — allocation.ts plans them) in one outbox.enqueueMany, each
| with its business key `batch-disposal:<package>:<loan>:<kind>` (unique here
| too, so never enqueued twice; core banking dedupes a redelivery by it), and
| the 处置结果 — one outcome per debtor — in one recordDisposalOutcomes.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Money } from '#core/money/money'
import { outbox } from '#core/connectors/outbox'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { recordDisposalOutcomes, OutcomeError } from '../../disposal/services/outcomes_api.js'
import { POSTINGS } from './store.js'
import { planPostings } from './allocation.js'
import { POSTING_KINDS } from './dictionaries.js'
import { BatchError } from './batch_error.js'

export const POSTING_ACCOUNTS = 'batch-disposal.postingAccounts'
const MEMO = new Map<string, string>(POSTING_KINDS.map(([k, zh]) => [k, zh]))

export const postingKey = (packageId: number, loanId: number, kind: string) =>
  `batch-disposal:${packageId}:${loanId}:${kind}`

/** A chunk item: the pool row with its figures and allocated share as fen strings. */
export interface DeliveredItem {
  loan_id: number | string
  loan_no: string
  customer_id: number | string
  principal_fen: string
  on_interest_fen: string
  off_interest_fen: string
  price_fen: string
}

/** Enqueues every non-zero posting of the items in `trx`. Returns how many. */
export async function enqueuePostings(
  trx: TransactionClientContract,
  pkg: { id: number | string; package_no: string },
  items: DeliveredItem[]
) {
  const accounts = await settings.json<Record<string, string>>(POSTING_ACCOUNTS)
  const packageId = Number(pkg.id)
  const planned = items.flatMap((item) =>
    planPostings({
      loanId: Number(item.loan_id),
      loanNo: item.loan_no,
      principalFen: item.principal_fen,
      onInterestFen: item.on_interest_fen,
      offInterestFen: item.off_interest_fen,
      shareFen: item.price_fen,
    }).map((p) => ({ item, ...p, key: postingKey(packageId, Number(item.loan_id), p.kind) }))
  )
  const outboxIds = await outbox.enqueueMany(
    trx,
    planned.map((p) => ({
      system: 'core-banking',
      interface: 'posting',
      idempotencyKey: p.key,
      correlationId: pkg.package_no,
      payload: {
        loanNo: p.item.loan_no,
        accountNo: accounts[p.kind] ?? p.kind,
        amount: p.amount.toYuan(),
        direction: p.kind === 'price' ? 'debit' : 'credit',
        memo: `${MEMO.get(p.kind)} ${pkg.package_no}`,
      },
    }))
  )
  const createdAt = dbNow()
  const rows = planned.map((p, n) => ({
    package_id: packageId,
    loan_id: Number(p.item.loan_id),
    kind: p.kind,
    amount_fen: p.amount.toFen(),
    idempotency_key: p.key,
    outbox_id: outboxIds[n],
    created_at: createdAt,
  }))
  for (let start = 0; start < rows.length; start += 1000)
    await trx.table(POSTINGS).multiInsert(rows.slice(start, start + 1000))
  return rows.length
}

/** 处置结果: one outcome per debtor of the chunk (an outcome is per customer), in bulk. */
export async function recordOutcomes(
  trx: TransactionClientContract,
  pkg: { id: number | string; created_by: number | string },
  handover: string,
  items: DeliveredItem[]
) {
  const byDebtor = new Map<number, DeliveredItem[]>()
  for (const i of items) {
    const id = Number(i.customer_id)
    byDebtor.set(id, [...(byDebtor.get(id) ?? []), i])
  }
  const outcomes = [...byDebtor].map(([customerId, loans]) => {
    const price = Money.sum(loans.map((l) => Money.fromFen(l.price_fen)))
    const principal = Money.sum(loans.map((l) => Money.fromFen(l.principal_fen)))
    const bookValue = principal.plus(Money.sum(loans.map((l) => Money.fromFen(l.on_interest_fen))))
    const loss = bookValue.minus(price)
    return {
      loanIds: loans.map((l) => Number(l.loan_id)),
      method: 'batch_transfer',
      completedOn: handover,
      cashRecovered: price.toYuan(),
      loss: loss.isNegative() ? '0.00' : loss.toYuan(),
      balanceReduced: principal.toYuan(),
      sourcePlugin: 'batch-disposal',
      sourceRef: `package:${pkg.id}:customer:${customerId}`,
      sourceLink: `/p/batch-disposal/Postings?package=${pkg.id}`,
      operatorId: Number(pkg.created_by),
    }
  })
  try {
    await recordDisposalOutcomes(trx, outcomes)
  } catch (error) {
    if (error instanceof OutcomeError) throw new BatchError(error.status as any, error.zh)
    throw error
  }
}
