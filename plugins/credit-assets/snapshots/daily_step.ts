/*
| 日终步骤 credit-assets:loan-snapshot — the loan book's state at the end of the
| business date, for ledgers as of that date. Listed last among this plugin's
| steps so the snapshot sees the day's classification and handover work.
*/
import type { DailyStepHandler } from '#core/plugins/types'
import { purgeOldSnapshots, snapshotLoans } from './loan_snapshot.js'
import { retentionDaysIn } from './retention.js'

const loanSnapshotStep: DailyStepHandler = async ({ businessDate, trx }) => {
  await snapshotLoans(trx, businessDate)
  await purgeOldSnapshots(trx, businessDate, await retentionDaysIn(trx))
}
export default loanSnapshotStep
