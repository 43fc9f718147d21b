/*
| 利息试算 as other plugins use it (减免方案's buckets as of a chosen date, a
| default's re-charge): the pure trial and the trial input a real loan implies.
| Documented in docs/plugins.md ("Interest trial").
|
|   import { interestTrialForLoan, runInterestTrial } from '../../disposal/services/interest_api.js'
|   const { result } = await interestTrialForLoan(access, loanId, '2026-12-07')
|   // result: { notDuePrincipal, overduePrincipal, accruedInterest, overdueInterest,
|   //           penaltyInterest, compoundInterest, … } (yuan text)
|
| A loan outside `access` is a 404 (E_ROW_NOT_FOUND); a bad date a TrialInputError.
*/
import type { UserAccess } from '#core/identity/user_access'
import { prefillFromLoan } from '../interest/loan_prefill.js'
import { runInterestTrial } from '../interest/trial.js'
import type { TrialInput, TrialResult } from '../interest/types.js'

export { runInterestTrial }
export { TrialInputError, type TrialInput, type TrialResult } from '../interest/types.js'

/** The trial of a loan of the book, its input pre-filled from the loan, as of `asOf`. */
export async function interestTrialForLoan(
  access: UserAccess,
  loanId: number,
  asOf: string
): Promise<{ input: TrialInput; result: TrialResult }> {
  const { input } = await prefillFromLoan(access, loanId)
  const withDate = { ...input, asOf }
  return { input: withDate, result: runInterestTrial(withDate) }
}
