/*
| The 诉前方案 form's arithmetic, on the digits (no float): 申请日标的金额 = 标的本金 +
| 标的利息, and whether the applicant changed them from the system's figures (then a
| reason is required — the server checks the same).
*/
import { fenToYuan, normalizeMoneyInput, yuanToFen } from '@/utils/money'
import type { LitPlanInput } from './api'

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

/** The form's fields (PlanApply.vue owns it; PlanClaimFigures.vue edits the amounts). */
export interface PlanForm {
  caseType: string | null
  judicialMethod: string | null
  bankRole: string | null
  businessSegment: string | null
  claimPrincipal: string
  claimInterest: string
  amountReason: string
  cause: string
  applicationReason: string
  disposalPlanId: number | null
}

/** The body of POST/PUT /plans: a reason only when the amounts were changed. */
export function planInput(
  customerId: number | null,
  loanIds: number[],
  form: PlanForm,
  edited: boolean
): LitPlanInput {
  return {
    customerId: customerId ?? 0,
    loanIds,
    caseType: form.caseType ?? '',
    judicialMethod: form.judicialMethod ?? '',
    bankRole: form.bankRole ?? '',
    businessSegment: form.businessSegment ?? '',
    claimPrincipal: normalizeMoneyInput(form.claimPrincipal) || undefined,
    claimInterest: normalizeMoneyInput(form.claimInterest) || undefined,
    amountReason: edited ? form.amountReason : undefined,
    cause: form.cause,
    applicationReason: form.applicationReason,
    disposalPlanId: form.disposalPlanId ?? undefined,
  }
}
