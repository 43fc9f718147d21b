/*
| Job bank-systems:data-platform-sync — 风险资产日终同步: pulls the business
| date's risk-loan feed from 数据中台 through its adapter (page by page) and
| hands it to credit-assets, which imports it once per date (handover, updates,
| timeline events); then the credit-card accounts the same way. Lives here because only this plugin may reach the bank's
| systems; the domain rules stay in credit-assets/services/platform_sync.ts.
| Run it before end of day, so the day's floor check sees the day's classes.
| Payload: { businessDate?: 'YYYY-MM-DD' (default: the current one), pageSize?: 1–5000 }.
*/
import type { JobHandler } from '#core/plugins/types'
import { assertDate, businessDate } from '#core/business_day/business_date'
import {
  syncCardsFromDataPlatform,
  syncFromDataPlatform,
} from '../../credit-assets/services/platform_sync.js'
import { bankSystems } from '../adapters/index.js'

const dataPlatformSync: JobHandler = async ({ payload, progress }) => {
  const date = payload?.businessDate
    ? assertDate(String(payload.businessDate))
    : await businessDate.current()
  const pageSize = Number(payload?.pageSize ?? 1000)
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 5000)
    throw new Error('pageSize 须为 1–5000 的整数')
  let fetched = 0
  const report = await syncFromDataPlatform(
    date,
    async (page) => {
      const answer = await bankSystems.dataPlatform.riskLoans(date, page)
      fetched += answer.items.length
      // Fetching is most of the run; the import is one transaction at the end.
      await progress(50, `${fetched}`)
      return answer
    },
    { pageSize }
  )
  // 信用卡透支账户: the same feed's card side (透支本金, 利息, 费用), imported once per date.
  const cards = await syncCardsFromDataPlatform(
    date,
    (page) => bankSystems.dataPlatform.cardAccounts(date, page),
    { pageSize }
  )
  await progress(100, report.ran ? `${report.received ?? 0}` : 'already synced')
  return { ...report, cards }
}
export default dataPlatformSync
