/*
| A 处置预案's hold on its loans: credit-assets' asset claims, the one register
| of which open disposal holds a loan (核销方案, 批量转让 pool, 转让 / 减免 /
| 重组 plans). A loan held elsewhere is refused with a 409 naming the holder
| (zh and en, AssetClaimError through the exception handler); a loan in an
| open 预案 is refused to them.
|
| Claimed when the draft is saved, as a 核销方案 is: the draft already names
| the loans and freezes their figures, so a second disposal of them is stopped
| before anyone works on either. Editing re-claims (loans taken out are free
| again); submitting claims again, since a withdrawn 预案 released its loans
| and may come back. Released when the 预案 is rejected or withdrawn, and when
| it is approved: an approved 预案 authorises its method, and the plugin that
| executes it (核销, 转让, 减免, 重组, 批量转让…) claims the loans for its own
| application — holding them here would refuse exactly that application.
| There is no delete of a 预案 (no route), so a draft keeps its loans until it
| is submitted and decided, as a draft 核销方案 does.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assetClaims } from '../../credit-assets/services/asset_claims.js'
import type { PlanStatus } from './dictionaries.js'

/** Decisions after which the 预案 no longer holds its loans. */
export const RELEASING_DECISIONS: readonly PlanStatus[] = ['approved', 'rejected', 'withdrawn']

const owner = (planId: number, planNo = '') => ({
  holder: 'disposal',
  ref: `plan:${planId}`,
  label: `处置预案 ${planNo}`,
})

/** Claims exactly `loanIds` for the 预案; another holder → AssetClaimError (409). */
export async function claimPlanLoans(
  trx: TransactionClientContract,
  plan: { id: number; planNo: string },
  loanIds: number[]
) {
  // From nothing: loans edited out are free again; a 409 rolls the caller's transaction back.
  await assetClaims.release(trx, owner(plan.id))
  await assetClaims.claim(trx, owner(plan.id, plan.planNo), loanIds)
}

export async function releasePlanLoans(trx: TransactionClientContract, planId: number) {
  await assetClaims.release(trx, owner(planId))
}
