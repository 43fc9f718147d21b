/*
| The disposal plugin's public limitation service (公开服务): how another plugin
| records what moves a loan's limitation periods — a suit filed, an arbitration,
| a 催收 with proof, a judgment with its performance deadline, an application
| for enforcement — and reads a loan's current periods. Documented in
| docs/plugins.md ("Limitation events"). Everything else under limitation/ may
| change.
|
|   import { recordLawsuit, recordJudgment } from '../../disposal/services/limitation_api.js'
|   await db.transaction(async (trx) => {
|     // … the case is filed …
|     await recordLawsuit(trx, {
|       loanIds: [12, 13], date: '2026-12-07', proofRef: '（2026）京0105民初12345号',
|       source: { plugin: 'litigation', kind: 'case', id: caseId, label: caseNo },
|       operatorId: user.id, access, ctx,
|     })
|   })
|
| Pass `null` instead of a transaction to let the service open its own. Each
| event is audited (disposal.limitation.event) and shows its source on 时效管理;
| the same (loan, type, source) twice is one event (`created: false`). Invalid
| input throws VineJS's E_VALIDATION_ERROR (answer 422); a refusal throws
| LimitationError with `status` 404 / 422, `zh` / `en` and `field`.
*/
export {
  recordLawsuit,
  recordArbitration,
  recordCollection,
  recordJudgment,
  recordEnforcementApplication,
  loanLimitation,
  type LimitationEventInput,
  type LimitationSourceRef,
  type RecordedLimitationEvent,
} from '../limitation/external_events.js'
export { LimitationError } from '../limitation/limitation_error.js'
export type {
  LoanLimitation,
  LimitationEventRow,
  EventSource,
} from '../limitation/limitation_service.js'
export type { Period, PeriodStatus, EventEffect } from '../limitation/types.js'
