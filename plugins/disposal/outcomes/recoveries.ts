/*
| The recovery flow's outcomes: every repayment booked on a risk asset on or
| after its 风险起始日 (cash collected after handover — 清收) becomes one
| disposal outcome, source `credit-assets` / `repayment:<id>`, of the method
| the clerk tagged on 交易流水确认 (recovery_methods.ts; untagged: `collection`):
| cash recovered = principal + interest + penalty, 压降 = the principal part
| (only principal is the risk-asset balance). The newest
| approved 清收 plan covering the loan is linked (and marked 已实施).
|
| Run by the 日终 step disposal:recovery-outcomes (through the business date)
| and the job disposal:recovery-outcomes (demo seed, demo generator, a manual
| catch-up). Idempotent: repayments already recorded are skipped, so any run
| can be repeated. Reads credit-assets only through outcomes/credit_assets.ts.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recoveriesAfter, type Recovery } from './credit_assets.js'
import { recordDisposalOutcome } from './record_outcome.js'
import { recoveryOutcomeFigures } from './recovery_methods.js'

export const RECOVERY_SOURCE = 'credit-assets'
const PAGE = 500

const refOf = (r: Recovery) => `repayment:${r.repaymentId}`

/** One page of recoveries after `afterId`: records the new ones; returns the last id seen, or null at the end. */
export async function recordRecoveryPage(
  trx: TransactionClientContract,
  afterId: number,
  through: string
): Promise<{ last: number | null; recorded: number }> {
  const page = await recoveriesAfter(trx, afterId, through, PAGE)
  if (!page.length) return { last: null, recorded: 0 }
  const known = new Set(
    (
      await trx
        .from('disposal_outcomes')
        .where('source_plugin', RECOVERY_SOURCE)
        .whereIn('source_ref', page.map(refOf))
        .select('source_ref')
    ).map((r) => r.source_ref as string)
  )
  let recorded = 0
  for (const r of page) {
    if (known.has(refOf(r))) continue
    await recordDisposalOutcome(trx, {
      loanIds: [r.loanId],
      ...recoveryOutcomeFigures(r),
      completedOn: r.paidOn,
      sourcePlugin: RECOVERY_SOURCE,
      sourceRef: refOf(r),
      // The loan the repayment was booked on (its drawer: detail and 风险资产时间轴).
      sourceLink: `/p/credit-assets/RiskAssets?id=${r.loanId}`,
      operatorId: null,
    })
    recorded++
  }
  return { last: page.at(-1)!.repaymentId, recorded }
}

/** Every page inside one transaction (the 日终 step's). */
export async function recordRecoveries(trx: TransactionClientContract, through: string) {
  let after = 0
  let recorded = 0
  for (;;) {
    const page = await recordRecoveryPage(trx, after, through)
    if (page.last === null) return recorded
    recorded += page.recorded
    after = page.last
  }
}
