import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { Money } from './money.js'

/**
 * VineJS rule for an amount field sent as yuan text ("1234.56"): at most two
 * decimals, optional bounds in yuan. Use `vine.string().use(money())`.
 */
export const money = vine.createRule(
  (value: unknown, options: { min?: string; max?: string } | undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    let amount: Money
    try {
      amount = Money.fromYuan(value)
    } catch {
      field.report('The {{ field }} field must be an amount', 'money', field)
      return
    }
    if (options?.min !== undefined && amount.compare(Money.fromYuan(options.min)) < 0) {
      field.report('The {{ field }} field must be at least {{ min }}', 'min', field, {
        min: options.min,
      })
    }
    if (options?.max !== undefined && amount.compare(Money.fromYuan(options.max)) > 0) {
      field.report('The {{ field }} field must be at most {{ max }}', 'max', field, {
        max: options.max,
      })
    }
  }
)
