/*
| 诉讼期间 — the dates a case's deadlines fall on, as pure functions of the facts
| and the holiday calendar (the service feeds them to the core reminder engine).
|
| - 上诉期 (《民事诉讼法》第一百七十一条): 15 days from service of a 判决书, 10 days from
|   service of a 裁定书. A 调解书 takes effect on signature and cannot be appealed.
| - 申请执行的期间 (第二百五十条): two years, from the last day of the performance period
|   the 法律文书 sets.
| - 财产保全的期限 (《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十五条):
|   冻结银行存款 at most one year, 查封、扣押动产 at most two years, 查封不动产、冻结其他
|   财产权 at most three years; the court must be asked to 续封 before the term ends.
| - Counting (第八十五条): the day the period starts from is not counted, so a period
|   "from" d runs from d + 1 and a period of years ends on the corresponding day
|   (2024-02-29 + 1 year → 2025-02-28); when the last day is a 法定休假日 (a weekend
|   that is not a 调休 working day, or a holiday) the period ends on the next working day.
*/
import { DateTime } from 'luxon'
import type { WorkCalendar } from '#core/holidays/work_calendar'

type Calendar = Pick<WorkCalendar, 'periodEnd' | 'addWorkingDays' | 'isWorkingDay'>

const DAYS_TO_APPEAL = { judgment: 15, ruling: 10 } as const

/** Days from service to the end of the 上诉期, or null for a decision that cannot be appealed. */
export function appealDays(kind: string): number | null {
  return kind === 'judgment' || kind === 'ruling' ? DAYS_TO_APPEAL[kind] : null
}

const utc = (date: string) => DateTime.fromISO(date, { zone: 'utc' })

/** The corresponding day `years` later (a missing 29 February becomes the 28th). */
export function plusYears(date: string, years: number): string {
  return utc(date).plus({ years }).toISODate()!
}

export function plusDays(date: string, days: number): string {
  return utc(date).plus({ days }).toISODate()!
}

/** The last day of the 上诉期 for a decision served on `servedOn`, or null (调解书). */
export function appealDeadline(calendar: Calendar, kind: string, servedOn: string): string | null {
  const days = appealDays(kind)
  return days === null ? null : calendar.periodEnd(plusDays(servedOn, days))
}

/** The last day to apply for enforcement: two years from the performance deadline (§250). */
export function enforcementDeadline(calendar: Calendar, performanceDeadline: string): string {
  return calendar.periodEnd(plusYears(performanceDeadline, 2))
}

export const PRESERVATION_YEARS: Record<string, number> = {
  bank_deposit: 1,
  movable: 2,
  real_estate: 3,
  other_right: 3,
}

/** The longest term the law allows for a measure of `kind` starting on `startOn` (before rolling). */
export function preservationLongestEnd(kind: string, startOn: string): string {
  const years = PRESERVATION_YEARS[kind]
  if (!years) throw new Error(`Unknown preservation kind: ${kind}`)
  return plusYears(startOn, years)
}

/** The day the measure lapses: the term's end (the court's, or the longest), rolled per §85. */
export function preservationExpiry(calendar: Calendar, endOn: string): string {
  return calendar.periodEnd(endOn)
}

/**
 * The day by which to apply for 续封: `leadWorkingDays` working days before the
 * expiry, so the court has time to act before the seal lapses.
 */
export function renewalDeadline(
  calendar: Calendar,
  expiry: string,
  leadWorkingDays: number
): string {
  let date = expiry
  let left = leadWorkingDays
  while (left > 0) {
    date = plusDays(date, -1)
    if (calendar.isWorkingDay(date)) left--
  }
  return date
}
