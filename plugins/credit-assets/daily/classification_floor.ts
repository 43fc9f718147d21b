/*
| 日终步骤 credit-assets:classification-floor — flags loans below their
| classification floor for the business date. The core runs it once per date
| (runDailyStep) inside the transaction `trx`.
*/
import type { DailyStepHandler } from '#core/plugins/types'
import { creditParameters } from '../services/parameters.js'
import { flagLoansBelowFloor } from '../services/floor_flags.js'

const classificationFloor: DailyStepHandler = async ({ businessDate, trx }) => {
  await flagLoansBelowFloor(trx, businessDate, await creditParameters.technicalDelayDays())
}
export default classificationFloor
