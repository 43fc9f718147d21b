/*
| Job recoveries:fetch — 获取交易流水 for one business date, with progress.
| Scheduled every morning (no payload: the current business date, which the
| day's early postings belong to, and the date before, whose late postings the
| evening run may have missed); dispatched by the page for any past date.
| Safe to repeat: a transaction number is stored once.
*/
import type { JobHandler } from '#core/plugins/types'
import { addCalendarDays, businessDate } from '#core/business_day/business_date'
import { fetchTransactions } from '../services/fetch_transactions.js'

const fetch: JobHandler = async ({ payload, progress }) => {
  if (payload?.businessDate) return fetchTransactions(payload.businessDate, progress)
  const today = await businessDate.current()
  const dates = [addCalendarDays(today, -1), today]
  const results = []
  for (const [i, date] of dates.entries())
    results.push(await fetchTransactions(date, (p, m) => progress((i * 100 + p) / dates.length, m)))
  return results
}
export default fetch
