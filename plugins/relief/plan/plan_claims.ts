/*
| A 减免方案's hold on its loans: credit-assets' asset claims, the one register
| of which open disposal holds a loan (核销方案, 批量转让 pool, 转让 / 重组 /
| 处置 plans). A loan held elsewhere is refused with a 409 naming the holder;
| a loan in an open 减免方案 is refused to them.
|
| Claimed when the draft is saved (as a 核销方案 is): the draft already fixes
| the loans and what is relieved on each, so a second disposal of them must be
| stopped before anyone works on either, not when one is submitted. Editing
| the draft re-claims (loans taken out are free again, new ones are checked).
| Released when the plan closes: 已否决, 已完成, 已违约, 已终止 (终止 of a draft
| is how a clerk drops one). 撤回 brings the plan back to 草稿, which still
| holds its loans like every draft, so withdrawal keeps the claim.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assetClaims, AssetClaimError } from '../../credit-assets/services/asset_claims.js'
import { ReliefError } from './relief_error.js'

/** The statuses in which the plan no longer holds its loans. */
export const RELEASING_STATUSES: readonly string[] = [
  'rejected',
  'completed',
  'defaulted',
  'terminated',
]

const owner = (planId: number, planNo = '') => ({
  holder: 'relief',
  ref: `plan:${planId}`,
  label: `减免方案 ${planNo}`,
})

/** Claims exactly `loanIds` for the plan (a 409 naming the holder if another holds one). */
export async function claimPlanLoans(
  trx: TransactionClientContract,
  plan: { id: number; planNo: string },
  loanIds: number[]
) {
  // Re-claim from nothing: loans edited out go, the caller's transaction undoes it on a 409.
  await assetClaims.release(trx, owner(plan.id))
  try {
    await assetClaims.claim(trx, owner(plan.id, plan.planNo), loanIds)
  } catch (error) {
    if (error instanceof AssetClaimError) throw new ReliefError(409, error.zh, error.en)
    throw error
  }
}

export async function releasePlanLoans(trx: TransactionClientContract, planId: number) {
  await assetClaims.release(trx, owner(planId))
}
