/*
| 脱敏 for display: what a list, a detail, an export or another plugin sees of a
| sensitive field unless the user unmasks it (a separate, audited request).
| One star per hidden character, so a clerk can still check the length.
| The audit log keeps its own, stricter rules (backend/audit/masking.ts): a log is
| exported and read by more people than a customer's file.
*/
import { maskBankAccount, maskPhone } from '#core/audit/masking'

export type SensitiveField = 'idNumber' | 'phone' | 'account'

function keepEnds(value: string, head: number, tail: number): string {
  const c = Array.from(value)
  if (c.length <= head + tail) return '*'.repeat(c.length)
  return c.slice(0, head).join('') + '*'.repeat(c.length - head - tail) + c.slice(-tail).join('')
}

/**
 * 110101199001011234 → 110101********1234: the region code (which branch's
 * customer) and the last four (what the customer reads out on the phone).
 * A USCC (18 characters) keeps the same ends; shorter numbers keep 3 + 4.
 */
export function maskIdNumber(value: string): string {
  return Array.from(value).length >= 15 ? keepEnds(value, 6, 4) : keepEnds(value, 3, 4)
}

const MASKS: Record<SensitiveField, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone, // 13812345678 → 138****5678
  account: maskBankAccount, // 6222021234567890123 → 6222***********0123
}

export function maskField(field: SensitiveField, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return value ?? null
  return MASKS[field](value)
}
