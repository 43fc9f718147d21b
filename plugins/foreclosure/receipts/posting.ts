/*
| 抵债账务处理: an approved receipt, confirmed on the 抵债账务处理 page, is in one
| transaction:
|   - posted to core banking through the outbox, each posting its own message
|     and idempotency key `foreclosure:<receipt>:<loan>:<bucket>` (unique in
|     foreclosure_postings as well; zero amounts are not posted):
|       principal … compound   the 抵债金额 settling each loan's buckets (贷方)
|       asset                  抵债资产 booked at 入账价值 (借方), key `…:<receipt>:asset`
|       taxes                  the taxes and fees paid to take it (贷方), `…:taxes`
|     so debit (入账价值) = credits (抵债金额 + 税费), to the fen;
|   - the asset handed to the 抵债资产 module (foreclosed-assets' receiveAsset,
|     idempotent by `receipt:<id>`), the receipt keeping its asset id;
|   - each loan fully settled leaves the book as 已抵债 (credit-assets'
|     book_writer); a loan with a shortfall stays on the book as a claim — the
|     page offers a 核销 proposal for it; the loans' balances in the book go
|     down by the settled amounts once core banking acknowledged the postings
|     (book_settlement.ts: once per receipt);
|   - the disposal outcome (method debt_for_asset: non-cash recovered = 抵债金额,
|     压降 = principal settled, fees = taxes) through disposal's outcomes_api.
| Posting twice is a 409: the status moves approved → posted under a row lock.
*/
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { HttpContext } from '@adonisjs/core/http'
import { outbox } from '#core/connectors/outbox'
import { Money } from '#core/money/money'
import { settings } from '#core/settings/settings'
import { dbNow } from '#core/db/db_time'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/identity/user_access'
import { bookWriter } from '../../credit-assets/services/book_writer.js'
import { recordDisposalOutcome, OutcomeError } from '../../disposal/services/outcomes_api.js'
import {
  receiveAsset,
  ForeclosedAssetError,
} from '../../foreclosed-assets/services/foreclosed_assets_api.js'
import { BUCKET_ORDER } from './allocation.js'
import { POSTINGS, RECEIPTS, day, loanRows, receiptRow } from './store.js'
import { moveReceipt } from './service.js'
import { POSTING_KINDS } from './dictionaries.js'
import { ForeclosureError } from './foreclosure_error.js'

export const POSTING_ACCOUNTS = 'foreclosure.postingAccounts'

export const postingKey = (receiptId: number, loanId: number | null, kind: string) =>
  loanId === null
    ? `foreclosure:${receiptId}:${kind}`
    : `foreclosure:${receiptId}:${loanId}:${kind}`

export interface PlannedPosting {
  loanId: number | null
  loanNo: string
  kind: string
  amount: Money
  direction: 'debit' | 'credit'
}

/** The postings of a receipt: per loan per bucket settled, the asset, the taxes. */
export function planPostings(receipt: any, loans: any[]): PlannedPosting[] {
  const out: PlannedPosting[] = []
  for (const l of loans)
    for (const b of BUCKET_ORDER)
      out.push({
        loanId: Number(l.loan_id),
        loanNo: l.loan_no,
        kind: b,
        amount: Money.fromFen(String(l[`${b}_settled_fen`])),
        direction: 'credit',
      })
  const first = loans[0]?.loan_no ?? ''
  out.push({
    loanId: null,
    loanNo: first,
    kind: 'asset',
    amount: Money.fromFen(String(receipt.book_value_fen)),
    direction: 'debit',
  })
  out.push({
    loanId: null,
    loanNo: first,
    kind: 'taxes',
    amount: Money.fromFen(String(receipt.taxes_fen)),
    direction: 'credit',
  })
  return out.filter((p) => !p.amount.isZero())
}

async function enqueuePostings(trx: TransactionClientContract, receipt: any, loans: any[]) {
  const accounts = await settings.json<Record<string, string>>(POSTING_ACCOUNTS)
  const memoOf = new Map<string, string>(POSTING_KINDS.map(([k, zh]) => [k, zh]))
  let count = 0
  for (const p of planPostings(receipt, loans)) {
    const key = postingKey(Number(receipt.id), p.loanId, p.kind)
    const outboxId = await outbox.enqueue(trx, {
      system: 'core-banking',
      interface: 'posting',
      idempotencyKey: key,
      correlationId: receipt.receipt_no,
      payload: {
        loanNo: p.loanNo,
        accountNo: accounts[p.kind] ?? p.kind,
        amount: p.amount.toYuan(),
        direction: p.direction,
        memo: `${memoOf.get(p.kind)} ${receipt.receipt_no}`,
      },
    })
    await trx.table(POSTINGS).insert({
      receipt_id: receipt.id,
      loan_id: p.loanId,
      loan_no: p.loanNo,
      kind: p.kind,
      amount_fen: p.amount.toFen(),
      idempotency_key: key,
      outbox_id: outboxId,
      created_at: dbNow(),
    })
    count++
  }
  return count
}

/** 抵债账务处理 of an approved receipt. Returns the number of postings and the asset id. */
export async function postReceipt(access: UserAccess, receiptId: number, ctx?: HttpContext) {
  const receipt = await receiptRow(access, receiptId)
  if (receipt.status !== 'approved')
    throw new ForeclosureError(409, `${receipt.receipt_no} 未批准或已入账，不能办理账务处理`)
  const today = await businessDate.current()
  try {
    return await db.transaction(async (trx) => {
      await moveReceipt(trx, receiptId, ['approved'], 'posted', {
        posted_on: today,
        posted_by: access.user.id,
      })
      const loans = await loanRows(receiptId, trx)
      const postings = await enqueuePostings(trx, receipt, loans)
      const { id: assetId } = await receiveAsset(
        {
          receiptRef: `receipt:${receiptId}`,
          customerId: Number(receipt.customer_id),
          orgId: Number(receipt.org_id),
          loanIds: loans.map((l: any) => Number(l.loan_id)),
          assetClass: receipt.asset_class,
          name: receipt.asset_name,
          location: receipt.location,
          certificates: receipt.certificates,
          acquiredOn: day(receipt.acquired_on)!,
          bookValueFen: String(receipt.book_value_fen),
          appraisedValueFen: String(receipt.appraised_fen),
          actorId: access.user.id,
        },
        trx,
        ctx
      )
      await trx.from(RECEIPTS).where('id', receiptId).update({ asset_id: assetId })
      let principal = Money.zero()
      for (const l of loans) {
        principal = principal.plus(Money.fromFen(String(l.principal_settled_fen)))
        const left = BUCKET_ORDER.reduce(
          (s, b) => s + BigInt(l[`${b}_owed_fen`]) - BigInt(l[`${b}_settled_fen`]),
          0n
        )
        if (left === 0n)
          await bookWriter.changeLoanStatus(trx, {
            loanId: Number(l.loan_id),
            status: 'foreclosed',
            reason: `以资抵债 ${receipt.receipt_no}`,
            businessDate: today,
            operatorId: access.user.id,
          })
      }
      await recordDisposalOutcome(trx, {
        loanIds: loans.map((l: any) => Number(l.loan_id)),
        method: 'debt_for_asset',
        completedOn: today,
        nonCashRecovered: Money.fromFen(String(receipt.agreed_fen)).toYuan(),
        fees: Money.fromFen(String(receipt.taxes_fen)).toYuan(),
        balanceReduced: principal.toYuan(),
        sourcePlugin: 'foreclosure',
        sourceRef: `receipt:${receiptId}`,
        sourceLink: `/p/foreclosure/Postings?id=${receiptId}`,
        operatorId: access.user.id,
      })
      return { postings, assetId }
    })
  } catch (error) {
    if (error instanceof OutcomeError) throw new ForeclosureError(error.status, error.zh)
    if (error instanceof ForeclosedAssetError)
      throw new ForeclosureError(error.status === 404 ? 404 : 422, error.zh)
    throw error
  }
}

/** The receipt's postings with the outbox's state (sent, pending, dead). */
export async function postingsOf(receiptId: number) {
  const rows = await db
    .from(`${POSTINGS} as p`)
    .join('outbox_messages as o', 'o.id', 'p.outbox_id')
    .where('p.receipt_id', receiptId)
    .orderBy('p.id')
    .select(
      'p.id',
      'p.kind',
      'p.loan_no',
      'p.idempotency_key',
      'o.status',
      'o.attempts',
      'o.last_error'
    )
    .select(db.raw('CAST(p.amount_fen AS CHAR) as amount_fen'))
  return rows.map((r: any) => ({
    id: Number(r.id),
    loanNo: r.loan_no,
    kind: r.kind,
    direction: r.kind === 'asset' ? 'debit' : 'credit',
    amount: Money.fromFen(r.amount_fen).toYuan(),
    idempotencyKey: r.idempotency_key,
    status: r.status as 'pending' | 'sent' | 'dead',
    attempts: Number(r.attempts),
    reason: r.last_error ?? null,
  }))
}

/** 重发 a refused posting; null when not the receipt's, false when not dead. */
export async function retryPosting(receiptId: number, postingId: number) {
  const row = await db.from(POSTINGS).where('id', postingId).where('receipt_id', receiptId).first()
  if (!row) return null
  return outbox.retryDead(Number(row.outbox_id))
}
