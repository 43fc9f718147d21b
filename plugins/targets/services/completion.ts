import { Decimal } from 'decimal.js'
import { decimalText, type Money } from '#core/money/money'

/** 完成率 in percent with two decimals (half-up), exact; null when the target is zero. */
export function completionRate(actual: Money, target: Money): string | null {
  if (target.isZero()) return null
  return decimalText(new Decimal(actual.toFen()).times(100).dividedBy(target.toFen()).toString(), 2)
}
