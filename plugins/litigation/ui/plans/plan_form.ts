/*
| The 诉前方案 form's arithmetic, on the digits (no float): 申请日标的金额 = 标的本金 +
| 标的利息, and whether the applicant changed them from the system's figures (then a
| reason is required — the server checks the same).
*/
import { fenToYuan, normalizeMoneyInput, yuanToFen } from '@/utils/money'

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/

/** Fen of a typed amount, or null when it is not a non-negative amount with ≤ 2 decimals. */
export function fenOf(text: string): bigint | null {
  const value = normalizeMoneyInput(text ?? '')
  return AMOUNT.test(value) ? BigInt(yuanToFen(value)) : null
}

/** "1500000.00" + "12345.6" → "1512345.60"; null when either is not an amount. */
export function claimTotal(principal: string, interest: string): string | null {
  const p = fenOf(principal)
  const i = fenOf(interest)
  return p === null || i === null ? null : fenToYuan(String(p + i))
}

/** True when the typed 标的本金 or 标的利息 differs from the system's figure. */
export function amountEdited(
  typed: { principal: string; interest: string },
  system: { principal: string; interest: string } | null
): boolean {
  if (!system) return false
  return (
    fenOf(typed.principal) !== fenOf(system.principal) ||
    fenOf(typed.interest) !== fenOf(system.interest)
  )
}
