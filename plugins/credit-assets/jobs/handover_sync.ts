/*
| Job credit-assets:handover-sync — applies the handover rule to the local book
| for a business date (default: the current one). For a bank without a data
| platform feed; with one, the daily sync is bank-systems:data-platform-sync.
*/
import type { JobHandler } from '#core/plugins/types'
import { assertDate, businessDate } from '#core/business_day/business_date'
import { creditParameters } from '../services/parameters.js'
import { syncHandover } from '../services/handover.js'

const handoverSync: JobHandler = async ({ payload, progress }) => {
  const date = payload?.businessDate
    ? assertDate(String(payload.businessDate))
    : await businessDate.current()
  const threshold = await creditParameters.handoverOverdueDays()
  const handedOver = await syncHandover(date, threshold)
  await progress(100, `${handedOver}`)
  return { businessDate: date, handedOver }
}
export default handoverSync
