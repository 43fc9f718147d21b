/*
| 期间的计算 (民法典 §201–§203), on 'YYYY-MM-DD' strings:
| - §201: the starting day is not counted, so a period "from" d runs from d + 1;
| - §202: a period of years or months ends on the corresponding day of the final
|   month, or on that month's last day when there is none (2024-02-29 + 1 year
|   → 2025-02-28; 2024-08-31 + 6 months → 2025-02-28);
| - §203: when the last day is not a working day (weekends unless a 调休 working
|   day, and statutory holidays) the period ends on the next working day.
| The counting of §201 and the "corresponding day" of §202 give the same date:
| one year from 2023-07-01 ends 2024-07-01 (2023-07-02 … 2024-07-01 is a year).
*/
import type { WorkCalendar } from '#core/holidays/work_calendar'

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The corresponding day `years` and `months` later (negative goes back), §202. */
export function addPeriod(date: string, years: number, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + years * 12 + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`
}

/** The last day of a period of the given length starting on `date`, rolled per §203 when asked. */
export function periodLastDay(
  calendar: WorkCalendar,
  date: string,
  years: number,
  months: number,
  roll: boolean
): string {
  const end = addPeriod(date, years, months)
  return roll ? calendar.periodEnd(end) : end
}
