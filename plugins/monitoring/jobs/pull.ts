/*
| Job monitoring:pull-alerts — 智能预警's alerts of a business date, with progress.
| Scheduled every morning for the business date and the day before (alerts
| raised late yesterday); dispatched from the console for any past date. Safe
| to repeat: an alert number is stored (and told) once.
*/
import type { JobHandler } from '#core/plugins/types'
import { addCalendarDays, businessDate } from '#core/business_day/business_date'
import { pullAlerts } from '../services/pull_alerts.js'

const pull: JobHandler = async ({ payload, progress }) => {
  if (payload?.businessDate) return pullAlerts(payload.businessDate, progress)
  const today = await businessDate.current()
  const dates = [addCalendarDays(today, -1), today]
  const results = []
  for (const [i, date] of dates.entries())
    results.push(await pullAlerts(date, (p, m) => progress((i * 100 + p) / dates.length, m)))
  return results
}
export default pull
