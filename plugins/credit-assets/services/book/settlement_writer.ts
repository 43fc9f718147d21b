/*
| 非现金结清 → the book: a disposal that settles a loan's debt without cash
| (以资抵债: the 抵债金额 over principal, 正常利息, 逾期利息, 罚息, 复利) reduces
| the loan's buckets by the settled amounts, to the fen, in the caller's
| transaction:
|   principal         balance_fen (and overdue_principal_fen first: 先逾期后正常)
|   normal_interest   on_balance_interest_fen (表内欠息, the interest still on the books)
|   overdue_interest  overdue_interest_fen
|   penalty           penalty_interest_fen
|   compound          compound_interest_fen
| A bucket is never driven below zero (core banking's figure may be ahead of
| the book's daily feed); the row in ca_loan_settlements keeps what the book
| was actually reduced by. Whatever is not settled stays as the balance.
|
| Exactly once: the caller's `ref` is unique; the loan row is locked first, so
| a second call with the same ref (an acknowledgement delivered twice) finds
| the first row and changes nothing. A `balance` event goes on the timeline.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import { dbNow } from '#core/db/db_time'
import { bookLookups } from '../book_lookups.js'
import { recordRiskEvent } from '../risk_events.js'

export const SETTLEMENTS = 'ca_loan_settlements'

export interface LoanSettlement {
  loanId: number
  /** The caller's business key, unique (`foreclosure:<receipt>:<loan>`). */
  ref: string
  /** Fen (integer text) settled per bucket; zero or omitted = none. */
  principalFen?: string
  normalInterestFen?: string
  overdueInterestFen?: string
  penaltyFen?: string
  compoundFen?: string
  /** Why, shown on the timeline ("以资抵债 DZ2026…"). */
  reason: string
  businessDate: string
  operatorId: number | null
}

export interface LoanSettled {
  /** False: this ref was applied before, nothing changed now. */
  applied: boolean
  settlementId: number
  /** Yuan text the book was reduced by, per bucket. */
  reduced: Record<
    'principal' | 'normalInterest' | 'overdueInterest' | 'penalty' | 'compound',
    string
  >
  /** The loan's balance (principal) after the settlement, yuan text. */
  balance: string
}

export class SettlementWriteError extends Error {}

const FEN = /^\d{1,15}$/
const fenOf = (value: string | undefined, what: string) => {
  const text = value ?? '0'
  if (!FEN.test(text)) throw new SettlementWriteError(`${what} must be whole fen ≥ 0: ${text}`)
  return BigInt(text)
}
const min = (a: bigint, b: bigint) => (a < b ? a : b)
const yuan = (fen: bigint | string) => Money.fromFen(String(fen)).toYuan()

const BUCKETS = [
  ['principal', 'principalFen', 'balance_fen', 'principal_fen'],
  ['normalInterest', 'normalInterestFen', 'on_balance_interest_fen', 'normal_interest_fen'],
  ['overdueInterest', 'overdueInterestFen', 'overdue_interest_fen', 'overdue_interest_fen'],
  ['penalty', 'penaltyFen', 'penalty_interest_fen', 'penalty_fen'],
  ['compound', 'compoundFen', 'compound_interest_fen', 'compound_fen'],
] as const

function reducedOf(row: any): LoanSettled['reduced'] {
  return Object.fromEntries(BUCKETS.map(([k, , , col]) => [k, yuan(row[col])])) as any
}

export async function settleLoan(
  trx: TransactionClientContract,
  input: LoanSettlement
): Promise<LoanSettled> {
  if (!trx?.isTransaction)
    throw new SettlementWriteError('settleLoan needs the caller’s transaction')
  assertDate(input.businessDate)
  const reason = input.reason.trim().slice(0, 200)
  if (!reason) throw new SettlementWriteError('A settlement needs a reason')
  const ref = input.ref.trim()
  if (!ref || ref.length > 80) throw new SettlementWriteError(`Bad settlement ref: ${input.ref}`)
  const wanted = BUCKETS.map(([k, field]) => fenOf(input[field], k))

  const loans = bookLookups.loans.table
  const loan = await trx.from(loans).where('id', input.loanId).forUpdate().first()
  if (!loan) throw new SettlementWriteError(`Loan ${input.loanId} not found`)
  const done = await trx.from(SETTLEMENTS).where('ref', ref).first()
  if (done) {
    if (Number(done.loan_id) !== Number(loan.id))
      throw new SettlementWriteError(`Settlement ${ref} belongs to another loan`)
    return {
      applied: false,
      settlementId: Number(done.id),
      reduced: reducedOf(done),
      balance: yuan(loan.balance_fen),
    }
  }

  const update: Record<string, unknown> = { updated_at: dbNow() }
  const row: Record<string, unknown> = {}
  BUCKETS.forEach(([, , column, settledColumn], i) => {
    const had = BigInt(String(loan[column]))
    const cut = min(had, wanted[i])
    update[column] = String(had - cut)
    row[settledColumn] = String(cut)
  })
  // The principal settled pays the overdue principal first; it can never exceed the balance.
  const principalCut = BigInt(row.principal_fen as string)
  const overdue = BigInt(String(loan.overdue_principal_fen))
  update.overdue_principal_fen = String(
    min(overdue - min(overdue, principalCut), BigInt(update.balance_fen as string))
  )
  await trx.from(loans).where('id', loan.id).update(update)
  const [id] = await trx.table(SETTLEMENTS).insert({
    ref,
    loan_id: loan.id,
    ...row,
    business_date: input.businessDate,
    reason,
    operator_id: input.operatorId,
    created_at: dbNow(),
  })
  const interest = (source: Record<string, unknown>) =>
    yuan(BUCKETS.slice(1).reduce((s, [, , column]) => s + BigInt(String(source[column])), 0n))
  await recordRiskEvent(trx, {
    type: 'balance',
    businessDate: input.businessDate,
    loanId: Number(loan.id),
    customerId: Number(loan.customer_id),
    before: { balance: yuan(loan.balance_fen), interest: interest(loan) },
    after: { balance: yuan(update.balance_fen as string), interest: interest(update), reason },
    operatorId: input.operatorId,
  })
  return {
    applied: true,
    settlementId: Number(id),
    reduced: reducedOf(row),
    balance: yuan(update.balance_fen as string),
  }
}
