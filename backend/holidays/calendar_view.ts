/*
| The console's 12-month view of one year: every day flagged working or not,
| with the holiday or 调休 name where the arrangement gives one.
*/
import { fromDayNumber, toDayNumber } from './calendar_date.js'
import type { DayInfo, WorkCalendar } from './work_calendar.js'

export interface YearView {
  year: number
  /** False: no arrangement imported, so only weekends are shown as rest days. */
  hasCalendar: boolean
  summary: { workingDays: number; restDays: number; holidays: number; workdays: number }
  months: Array<{ month: number; days: DayInfo[] }>
}

export function yearView(calendar: WorkCalendar, year: number): YearView {
  const first = toDayNumber(`${year}-01-01`)
  const last = toDayNumber(`${year}-12-31`)
  const months: YearView['months'] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    days: [],
  }))
  const summary = { workingDays: 0, restDays: 0, holidays: 0, workdays: 0 }
  for (let day = first; day <= last; day++) {
    const info = calendar.describe(fromDayNumber(day))
    months[Number(info.date.slice(5, 7)) - 1].days.push(info)
    if (info.working) summary.workingDays++
    else summary.restDays++
    if (info.kind === 'holiday') summary.holidays++
    if (info.kind === 'workday') summary.workdays++
  }
  return { year, hasCalendar: calendar.hasCalendar(year), summary, months }
}
