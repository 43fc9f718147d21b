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
