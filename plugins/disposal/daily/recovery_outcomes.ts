/*
| 日终步骤 disposal:recovery-outcomes — the day's recoveries on risk assets
| (repayments after handover) become 清收 disposal outcomes, so 资产处置台账
| and 目标管理 see them the evening they are booked. Safe to rerun for a date.
*/
import type { DailyStepHandler } from '#core/plugins/types'
import { recordRecoveries } from '../outcomes/recoveries.js'

const recoveryOutcomes: DailyStepHandler = async ({ businessDate, trx }) => {
  await recordRecoveries(trx, businessDate)
}
export default recoveryOutcomes
