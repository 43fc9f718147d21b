import vine from '@vinejs/vine'
import { calendarDate } from '#core/validation/dates'

/** 数据监控's range: two calendar dates, at most 92 days apart (a quarter), from ≤ to. */
export const MAX_DAYS = 92

export const usageRangeValidator = vine.compile(
  vine.object({
    from: vine.string().trim().use(calendarDate()),
    to: vine.string().trim().use(calendarDate()),
  })
)
