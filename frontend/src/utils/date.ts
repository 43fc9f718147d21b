/*
| Dates arrive either as calendar dates ("2024-03-31", e.g. a loan maturity) or as
| ISO timestamps. A calendar date is shown as-is: parsing it with Date would shift it
| a day for users west of UTC.
*/
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  if (CALENDAR_DATE.test(value)) return value
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  if (CALENDAR_DATE.test(value)) return value
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return `${formatDate(value)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** Today's calendar date in the bank's time zone (Asia/Shanghai), whatever the browser's zone. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}

/** A calendar date `days` later (or earlier): arithmetic on the date itself, in UTC, so no daylight-saving or zone shift moves it. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
