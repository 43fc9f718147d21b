/*
| Date input (filters, as-of dates, forms): 'YYYY-MM-DD' text that is a real
| calendar day — 2023-02-30 and 2023-13-45 are 422, never rolled over to
| another day. Dates stay strings (vine.date() would make JS Dates that a time
| zone can shift). Every validator that takes a date uses these rules.
*/
import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { DateTime } from 'luxon'
import { isCalendarDate } from '#core/holidays/calendar_date'

/** A real calendar date as 'YYYY-MM-DD' text (2025-02-29 is refused). */
export const calendarDate = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (!isCalendarDate(value))
      field.report('The {{ field }} field must be a valid date', 'date', field)
  }
)

const DATE_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/

/** A real date, or date and wall time: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm[:ss]' (24:00 is refused). */
export function isCalendarDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return false
  const [day, time] = value.split(' ')
  if (!isCalendarDate(day)) return false
  return !time || DateTime.fromFormat(time.length === 5 ? `${time}:00` : time, 'HH:mm:ss').isValid
}

export const calendarDateTime = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    if (!isCalendarDateTime(value))
      field.report('The {{ field }} field must be a valid date', 'date', field)
  }
)
