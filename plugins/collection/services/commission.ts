/*
| 委外清收佣金: recovered amount × the assignment's commission rate (percent,
| up to 4 decimals), rounded half-up to the fen once, per attributed recovery.
| decimal.js through Money.times — never a float.
*/
import { Decimal } from 'decimal.js'
import { Money } from '#core/money/money'

/** Commission in fen for one recovery: `recoveredFen` × `ratePercent` %, half-up to the fen. */
export function commissionFen(recoveredFen: string, ratePercent: string): string {
  const factor = new Decimal(ratePercent).div(100).toFixed()
  return Money.fromFen(recoveredFen).times(factor, 'HALF_UP').toFen()
}
