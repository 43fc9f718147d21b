import { Decimal } from 'decimal.js'
import { Money } from '#core/money/money'

/** 管理费 = principal × fee rate ÷ 100, rounded once, half-up, to the fen. */
export function entrustFee(principal: Money, feeRatePct: string): Money {
  const fen = new Decimal(principal.toFen())
    .times(feeRatePct)
    .dividedBy(100)
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
  return Money.fromFen(fen.toString())
}
