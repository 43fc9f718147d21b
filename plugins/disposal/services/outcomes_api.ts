/*
| The disposal plugin's public outcome service (公开服务) — the record every
| business plugin that completes a disposal (诉讼 执行回款, 核销, 减免, 转让,
| 批量转让, 以资抵债, 重组 …) writes to, and what 目标管理 and dashboards read.
| Documented in docs/plugins.md ("Disposal outcomes"). Only this file (and
| services/plans_api.ts) is public; everything else in the plugin may change.
|
|   import { recordDisposalOutcome } from '../../disposal/services/outcomes_api.js'
|   await db.transaction(async (trx) => {
|     // … the plugin's own change …
|     await recordDisposalOutcome(trx, {
|       loanIds: [12, 13], method: 'write_off', completedOn: '2026-12-07',
|       writtenOff: '1500000.00', planId: plan.id,
|       sourcePlugin: 'write-off', sourceRef: `case:${caseId}`,
|       sourceLink: `/p/write-off/Cases?id=${caseId}`, operatorId: user.id,
|     })
|   })
|
| Amounts are yuan text with at most two decimals ("1234.56"); dates
| 'YYYY-MM-DD' (Asia/Shanghai business dates). Invalid input throws VineJS's
| E_VALIDATION_ERROR (a route answers 422); a refused outcome throws
| OutcomeError with `status` 404 / 409 / 422 and zh / en messages.
*/
export { recordDisposalOutcome, type DisposalOutcomeInput } from '../outcomes/record_outcome.js'
// A batch (批量核销: one outcome per loan, thousands at once): same rules and rows, set-based.
export { recordDisposalOutcomes, type OutcomesRecorded } from '../outcomes/record_outcomes.js'
export { reverseDisposalOutcome, type ReversalInput } from '../outcomes/reverse_outcome.js'
export { OutcomeError } from '../outcomes/outcome_error.js'
export { approvedPlanFor, type PlanForDisposal } from '../outcomes/plan_for.js'
// 交易流水确认: a repayment's outcome follows the recovery method a clerk tagged.
export { syncRecoveryOutcome, type RecoveryOutcomeSync } from '../outcomes/recovery_retag.js'
export { disposalMethodOf } from '../outcomes/recovery_methods.js'
export {
  outcomeTotals,
  type OutcomeTotals,
  type OutcomeTotalsFilter,
  type OutcomeFigures,
} from '../outcomes/totals.js'
export type { DisposalOutcome } from '../outcomes/outcome_read.js'

import db from '@adonisjs/lucid/services/db'
import { loadOutcome } from '../outcomes/outcome_read.js'

/** One outcome by id (no data scope: pass ids only from your own records). */
export const disposalOutcome = (id: number) => loadOutcome(db, id)
