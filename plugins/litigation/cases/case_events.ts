/*
| A case's events on the customer's 风险资产时间轴 (客户视图 and the loan drawer):
| one `litigation.case` event per loan of the case, through credit-assets'
| risk_events writer in the case's transaction. The manifest's eventKinds gives
| the kind its label; `after` carries 案号 and 事项 so the timeline reads on its own.
*/
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordRiskEvents } from '../../credit-assets/services/risk_events.js'

export const CASE_EVENT_KIND = 'litigation.case'

export async function recordCaseEvent(
  trx: TransactionClientContract,
  input: {
    caseNo: string
    customerId: number
    loanIds: number[]
    businessDate: string
    what: string
    detail?: Record<string, string>
    operatorId: number
  }
) {
  await recordRiskEvents(
    trx,
    input.loanIds.map((loanId) => ({
      type: CASE_EVENT_KIND,
      businessDate: input.businessDate,
      loanId,
      customerId: input.customerId,
      before: null,
      after: { 案号: input.caseNo, 事项: input.what, ...(input.detail ?? {}) },
      operatorId: input.operatorId,
    }))
  )
}
