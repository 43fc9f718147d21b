/*
| Cron patterns in bank time, Asia/Shanghai, read by `cron-parser` — the same
| library, version and options BullMQ's job schedulers use in production, so the
| in-process demo ticker and production fire at the same minutes.
|
| Accepted: 5 fields (minute hour day-of-month month day-of-week) with `*`, values,
| ranges, steps (every 15 minutes, `1-30/5`, `10/5` = 10 to the end), lists, month names
| JAN–DEC, weekday names SUN–SAT (0 or 7 = Sunday), and cron-parser's `L` (last
| day) and `#` (nth weekday). When both day fields are restricted a day matches if
| EITHER does ('0 9 1 * 1' = the 1st and every Monday). Refused, so a pattern means
| one thing everywhere: a seconds field (the ticker works to the minute), `H`
| (a random minute chosen per parse, differs between processes) and `?`.
*/
import { CronExpressionParser, type CronExpression } from 'cron-parser'

/** Both queue drivers read patterns in this zone (China has no DST since 1991). */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai'

export class CronError extends Error {}

export interface CronSchedule {
  pattern: string
  /** The parsed fields, e.g. `fields.minute.values`. */
  fields: CronExpression['fields']
}

function expression(pattern: string, currentDate?: Date): CronExpression {
  return CronExpressionParser.parse(pattern, { tz: SCHEDULE_TIME_ZONE, currentDate })
}

export function parseCron(pattern: string): CronSchedule {
  const parts = pattern.trim().split(/\s+/)
  if (parts.length !== 5)
    throw new CronError(
      `Cron "${pattern}" must have 5 fields (minute hour day-of-month month day-of-week)`
    )
  // No month name holds an H; of the weekday names only THU does.
  const refused = parts.join(' ').replace(/THU/gi, '').match(/[H?]/i)
  if (refused) throw new CronError(`Cron "${pattern}": "${refused[0]}" is not accepted here`)
  try {
    return { pattern, fields: expression(pattern).fields }
  } catch (error) {
    throw new CronError(`Cron "${pattern}": ${(error as Error).message}`)
  }
}

const minuteFloor = (at: Date) => Math.floor(at.getTime() / 60_000) * 60_000

/** The latest fire time at or before `at` (to the minute), or null if none. */
export function previousFire(s: CronSchedule, at: Date): Date | null {
  // cron-parser's prev() is strictly before: start just after the minute `at` falls in.
  const cron = expression(s.pattern, new Date(minuteFloor(at) + 1_000))
  return cron.hasPrev() ? cron.prev().toDate() : null
}

/** The earliest fire time strictly after `at` (to the minute), or null if none. */
export function nextFire(s: CronSchedule, at: Date): Date | null {
  const cron = expression(s.pattern, new Date(minuteFloor(at)))
  return cron.hasNext() ? cron.next().toDate() : null
}

/** A fire time as bank wall-clock text 'YYYY-MM-DD HH:mm' — the claim key (sorts as time). */
export function fireKey(at: Date): string {
  // Shanghai is UTC+8 all year: shift, then print the UTC fields.
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}
