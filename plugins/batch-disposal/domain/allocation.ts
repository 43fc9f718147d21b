/*
| 价款分配: the package's price spread over its loans by principal share or by the
| due-diligence valuation (the package's `allocation`), with decimal.js through
| Money.allocate — largest remainder to the fen, so the shares always sum to
| the price exactly — and each loan's postings: the price share received, the
| loss (book value − share; a gain posts negative) and the off-balance
| interest removed.
*/
import { Money } from '#core/money/money'

export interface AllocItem {
  itemId: number
  principalFen: string
  /** The recoverable value of the due diligence (fen), null when not investigated. */
  valuationFen: string | null
}

export function allocatePrice(priceFen: string, items: AllocItem[], by: 'principal' | 'valuation') {
  if (!items.length) return []
  const weights = items.map((i) => (by === 'principal' ? i.principalFen : (i.valuationFen ?? '0')))
  const price = Money.fromFen(priceFen)
  const shares = weights.every((w) => Money.fromFen(w).isZero())
    ? price.allocate(items.map(() => '1'))
    : price.allocate(weights)
  return items.map((item, n) => ({ itemId: item.itemId, share: shares[n] }))
}

export interface PostingLoan {
  loanId: number
  loanNo: string
  principalFen: string
  onInterestFen: string
  offInterestFen: string
  shareFen: string
}

export function planPostings(loan: PostingLoan) {
  const share = Money.fromFen(loan.shareFen)
  const book = Money.fromFen(loan.principalFen).plus(Money.fromFen(loan.onInterestFen))
  return [
    { kind: 'price', amount: share },
    { kind: 'loss', amount: book.minus(share) },
    { kind: 'off_balance', amount: Money.fromFen(loan.offInterestFen) },
  ].filter((p) => !p.amount.isZero())
}
