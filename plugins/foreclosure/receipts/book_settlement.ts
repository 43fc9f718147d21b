/*
| 台账结清: once core banking has acknowledged every loan posting of a posted
| receipt (all its principal … compound postings `sent` in the outbox), the
| loans' buckets in credit-assets' book are reduced by the amounts the receipt
| settled — through credit-assets' public book_writer.settleLoan, one
| settlement per loan with the key `foreclosure:<receipt>:<loan>`. The
| shortfall stays on the loan as its remaining balance.
|
| Exactly once, twice over: the receipt moves to book_settled_at under a
| conditional UPDATE (a second run, or a second node seeing the same
| acknowledgement, finds it set and does nothing), and the book itself refuses
| to apply the same settlement key twice. The book change, the timeline event
| and the audit row commit together.
|
| Runs when the 抵债账务处理 page reads the postings and from the job
| `foreclosure:book-settlement` (every few minutes), so an acknowledgement that
| arrives while nobody looks is still carried into the book.
*/
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit/audit'
import { businessDate } from '#core/business_day/business_date'
import { dbNow } from '#core/db/db_time'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { BUCKET_ORDER } from './allocation.js'
import { POSTINGS, RECEIPTS, loanRows } from './store.js'

/** Posted receipts not yet carried into the book whose loan postings are all acknowledged. */
async function acknowledgedReceipts(receiptIds?: number[]) {
  const query = db
    .from(`${RECEIPTS} as r`)
    .where('r.status', 'posted')
    .whereNull('r.book_settled_at')
    .whereNotExists((q) =>
      q
        .from(`${POSTINGS} as p`)
        .join('outbox_messages as o', 'o.id', 'p.outbox_id')
        .whereRaw('p.receipt_id = r.id')
        .whereIn('p.kind', [...BUCKET_ORDER])
        .whereNot('o.status', 'sent')
    )
    .orderBy('r.id')
    .select('r.id', 'r.receipt_no', 'r.posted_by')
    .limit(500)
  if (receiptIds) query.whereIn('r.id', receiptIds)
  return query
}

async function settleOne(receipt: { id: number; receipt_no: string; posted_by: number | null }) {
  const today = await businessDate.current()
  return db.transaction(async (trx) => {
    const moved = await trx
      .from(RECEIPTS)
      .where('id', receipt.id)
      .where('status', 'posted')
      .whereNull('book_settled_at')
      .update({ book_settled_at: dbNow(), updated_at: dbNow() })
    if (!Number(Array.isArray(moved) ? moved[0] : moved)) return false
    const loans = []
    for (const l of await loanRows(receipt.id, trx)) {
      const settled = await bookWriter.settleLoan(trx, {
        loanId: Number(l.loan_id),
        ref: `foreclosure:${receipt.id}:${l.loan_id}`,
        principalFen: String(l.principal_settled_fen),
        normalInterestFen: String(l.normal_interest_settled_fen),
        overdueInterestFen: String(l.overdue_interest_settled_fen),
        penaltyFen: String(l.penalty_settled_fen),
        compoundFen: String(l.compound_settled_fen),
        reason: `以资抵债 ${receipt.receipt_no}`,
        businessDate: today,
        operatorId: receipt.posted_by === null ? null : Number(receipt.posted_by),
      })
      loans.push({ loanNo: l.loan_no, ...settled.reduced, balance: settled.balance })
    }
    await audit.record(null, {
      action: 'foreclosure.receipt.book-settle',
      entityType: 'foreclosure:receipt',
      entityId: receipt.id,
      after: { loans },
      detail: `核心记账已确认，台账余额按 ${receipt.receipt_no} 的抵债金额结清`,
      trx,
    })
    return true
  })
}

/** Carries acknowledged receipts into the book; returns how many were settled now. */
export async function settleAcknowledged(receiptIds?: number[]) {
  let settled = 0
  for (const r of await acknowledgedReceipts(receiptIds))
    if (
      await settleOne({
        id: Number(r.id),
        receipt_no: r.receipt_no,
        posted_by: r.posted_by === null ? null : Number(r.posted_by),
      })
    )
      settled++
  return settled
}
