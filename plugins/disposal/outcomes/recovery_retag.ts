/*
| syncRecoveryOutcome (public, outcomes_api.ts): after 交易流水确认 tags or
| corrects a repayment's recovery method (credit-assets' bookWriter.recordRecovery),
| the repayment's disposal outcome follows, in the caller's transaction:
|
| - no outcome yet: recorded now under `repayment:<id>` — the ref the 日终
|   step checks, so the evening run never records it a second time;
| - an outcome of another method or other figures: reversed (`repayment:<id>:rev<n>`)
|   and recorded again (`repayment:<id>:m<n>`), so the original period nets
|   out and 目标管理 counts the new method (outcomes are never updated);
| - the same facts: nothing.
| A repayment paid before the loan's 风险起始日 is no recovery: null.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recoveryById } from './credit_assets.js'
import { loadOutcome, type DisposalOutcome } from './outcome_read.js'
import { recordDisposalOutcome } from './record_outcome.js'
import { RECOVERY_SOURCE } from './recoveries.js'
import { recoveryOutcomeFigures } from './recovery_methods.js'
import { reverseDisposalOutcome } from './reverse_outcome.js'
import { Money } from '#core/money/money'

export interface RecoveryOutcomeSync {
  repaymentId: number
  /** Why (kept on a reversal's remark). */
  remark?: string | null
  sourceLink?: string | null
  operatorId: number | null
}

export async function syncRecoveryOutcome(
  trx: TransactionClientContract,
  input: RecoveryOutcomeSync
): Promise<DisposalOutcome | null> {
  const recovery = await recoveryById(trx, input.repaymentId)
  if (!recovery) return null
  const base = `repayment:${recovery.repaymentId}`
  const rows = await trx
    .from('disposal_outcomes')
    .where('source_plugin', RECOVERY_SOURCE)
    .where((q) => q.where('source_ref', base).orWhere('source_ref', 'like', `${base}:%`))
    .forUpdate()
    .orderBy('id')
    .select('id', 'reverses_id')
  const reversed = new Set(rows.filter((r) => r.reverses_id !== null).map((r) => r.reverses_id))
  const live = rows.filter((r) => r.reverses_id === null && !reversed.has(r.id)).at(-1)
  const figures = recoveryOutcomeFigures(recovery)
  const fenOf = (yuan: string | undefined) => Money.fromYuan(yuan ?? '0.00').toFen()
  if (live) {
    const current = (await loadOutcome(trx, Number(live.id)))!
    const same =
      current.method === figures.method &&
      fenOf(current.cashRecovered) === fenOf(figures.cashRecovered) &&
      fenOf(current.nonCashRecovered) === fenOf(figures.nonCashRecovered) &&
      fenOf(current.balanceReduced) === fenOf(figures.balanceReduced)
    if (same) return current
    await reverseDisposalOutcome(trx, {
      outcomeId: current.id,
      sourcePlugin: RECOVERY_SOURCE,
      sourceRef: `${base}:rev${rows.length}`,
      sourceLink: input.sourceLink ?? null,
      remark: (input.remark || '回收方式更正').slice(0, 200),
      operatorId: input.operatorId,
    })
  }
  const { outcome } = await recordDisposalOutcome(trx, {
    loanIds: [recovery.loanId],
    ...figures,
    completedOn: recovery.paidOn,
    sourcePlugin: RECOVERY_SOURCE,
    sourceRef: live ? `${base}:m${rows.length + 1}` : base,
    sourceLink: input.sourceLink ?? `/p/credit-assets/RiskAssets?loanId=${recovery.loanId}`,
    operatorId: input.operatorId,
  })
  return outcome
}
