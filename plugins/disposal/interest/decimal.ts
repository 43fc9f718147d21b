/*
| The decimal type of the interest trial: decimal.js with enough precision that a
| day's accrual (base × rate ÷ 360, a non-terminating fraction) is exact to far
| below a fen over decades, and the formatting helpers the step table speaks in.
*/
import { Decimal } from 'decimal.js'
import { decimalText, groupThousands } from '#core/money/money'

export const Dec = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -50,
  toExpPos: 50,
})
export type Dec = InstanceType<typeof Dec>

export const ZERO = new Dec(0)

/** 四舍五入到分 */
export const toFen = (value: Dec): Dec => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)

/** Yuan text with two decimals, no grouping: the API's amount format. */
export const yuanText = (value: Dec): string => decimalText(value.toString(), 2)

/** "1234567.5" → "1,234,567.50", for the zh-CN formulas a clerk reads. */
export const groupedYuan = (value: Dec): string => groupThousands(yuanText(value))

/** 0.0435 → "4.35%" (no float, trailing zeros dropped). */
export const percentText = (rate: Dec): string =>
  `${rate.times(100).toDecimalPlaces(8).toString()}%`
