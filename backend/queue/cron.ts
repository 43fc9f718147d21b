/*
| 5-field cron patterns (minute hour day-of-month month day-of-week) in bank
| time, Asia/Shanghai. Both queue drivers accept only what this parser accepts:
| BullMQ's own cron-parser knows more (seconds, L, #), but a pattern the
| in-process demo ticker reads differently from production would be a trap.
|
| Syntax per field: `*`, `5`, `1-5`, a step over `*` or a range (`1-30/5`), `10/5`
| (10 to max, step 5),
| lists `1,15,30`; month names JAN–DEC, weekday names SUN–SAT, weekday 0 or 7 =
| Sunday. Classic (Vixie) rule: when both day-of-month and day-of-week are
| restricted, a day matches if EITHER matches ('0 9 1 * 1' = the 1st and every
| Monday). A day-of-month the month lacks never fires ('0 0 31 * *' skips April).
*/

/** China has no daylight saving time since 1991: bank time is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000
/** How far back/forward a fire time is searched: covers 29 Feb (every 4 years, 8 over a century turn). */
const SEARCH_DAYS = 366 * 8 + 2

export class CronError extends Error {}

export interface CronSchedule {
  pattern: string
  minutes: Set<number>
  hours: Set<number>
  daysOfMonth: Set<number>
  months: Set<number>
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: Set<number>
  /** Whether the day fields were restricted (not `*`), for the either-matches rule. */
  dayOfMonthRestricted: boolean
  dayOfWeekRestricted: boolean
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

interface FieldSpec {
  label: string
  min: number
  max: number
  names?: string[]
  /** First value the names map to (months start at 1). */
  namesFrom?: number
}

const FIELDS: FieldSpec[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  // 7 is accepted as Sunday and folded to 0 below.
  { label: 'day of week', min: 0, max: 7, names: WEEKDAYS, namesFrom: 0 },
]

function parseValue(text: string, spec: FieldSpec, pattern: string): number {
  const index = spec.names?.indexOf(text.toUpperCase()) ?? -1
  if (index >= 0) return index + spec.namesFrom!
  if (!/^\d+$/.test(text))
    throw new CronError(`Cron "${pattern}": "${text}" is not a valid ${spec.label}`)
  const value = Number(text)
  if (value < spec.min || value > spec.max)
    throw new CronError(
      `Cron "${pattern}": ${spec.label} ${value} is outside ${spec.min}–${spec.max}`
    )
  return value
}

function parseField(text: string, spec: FieldSpec, pattern: string): Set<number> {
  const values = new Set<number>()
  for (const item of text.split(',')) {
    const [range, stepText, extra] = item.split('/')
    if (extra !== undefined || range === '')
      throw new CronError(`Cron "${pattern}": "${item}" is not a valid ${spec.label}`)
    let step = 1
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0)
        throw new CronError(`Cron "${pattern}": step "${stepText}" must be a whole number ≥ 1`)
      step = Number(stepText)
    }
    let from: number
    let to: number
    if (range === '*') {
      from = spec.min
      to = spec.max
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-')
      if (more !== undefined)
        throw new CronError(`Cron "${pattern}": "${item}" is not a valid ${spec.label}`)
      from = parseValue(a, spec, pattern)
      to = parseValue(b, spec, pattern)
      if (from > to)
        throw new CronError(`Cron "${pattern}": range ${range} runs backwards (${spec.label})`)
    } else {
      from = parseValue(range, spec, pattern)
      // "10/5" means from 10 to the end in steps of 5; a bare "10" is just 10.
      to = stepText === undefined ? from : spec.max
    }
    for (let v = from; v <= to; v += step) values.add(v)
  }
  return values
}

export function parseCron(pattern: string): CronSchedule {
  const parts = pattern.trim().split(/\s+/)
  if (parts.length !== 5)
    throw new CronError(
      `Cron "${pattern}" must have 5 fields (minute hour day-of-month month day-of-week)`
    )
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parts.map((part, i) =>
    parseField(part, FIELDS[i], pattern)
  )
  if (daysOfWeek.delete(7)) daysOfWeek.add(0)
  const schedule: CronSchedule = {
    pattern,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthRestricted: !parts[2].startsWith('*'),
    dayOfWeekRestricted: !parts[4].startsWith('*'),
  }
  if (!hasAnyDay(schedule)) throw new CronError(`Cron "${pattern}" names a day that never occurs`)
  return schedule
}

/** Whether some calendar day can ever match ('0 0 30 2 *' cannot). */
function hasAnyDay(s: CronSchedule) {
  // Every weekday occurs in every month; with a restricted weekday field a day always matches.
  if (s.dayOfWeekRestricted) return true
  const longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return [...s.months].some((m) => [...s.daysOfMonth].some((d) => d <= longest[m - 1]))
}

/** `day` is a UTC-midnight Date carrying the Shanghai calendar date. */
function dayMatches(s: CronSchedule, day: Date) {
  if (!s.months.has(day.getUTCMonth() + 1)) return false
  const dom = s.daysOfMonth.has(day.getUTCDate())
  const dow = s.daysOfWeek.has(day.getUTCDay())
  if (s.dayOfMonthRestricted && s.dayOfWeekRestricted) return dom || dow
  return dom && dow
}

const toWall = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS)
const fromWall = (wall: number) => new Date(wall - SHANGHAI_OFFSET_MS)

function pick(set: Set<number>, from: number, to: number, step: 1 | -1): number | null {
  for (let v = from; step > 0 ? v <= to : v >= to; v += step) if (set.has(v)) return v
  return null
}

/** The latest fire time at or before `at` (to the minute), or null if none within ~8 years. */
export function previousFire(s: CronSchedule, at: Date): Date | null {
  const wall = toWall(at)
  for (let d = 0; d < SEARCH_DAYS; d++) {
    const day = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() - d))
    if (!dayMatches(s, day)) continue
    const today = d === 0
    for (let h = today ? wall.getUTCHours() : 23; h >= 0; h--) {
      if (!s.hours.has(h)) continue
      const lastMinute = today && h === wall.getUTCHours() ? wall.getUTCMinutes() : 59
      const m = pick(s.minutes, lastMinute, 0, -1)
      if (m !== null) return fromWall(day.getTime() + h * 3600_000 + m * 60_000)
    }
  }
  return null
}

/** The earliest fire time strictly after `at`, or null if none within ~8 years. */
export function nextFire(s: CronSchedule, at: Date): Date | null {
  // Strictly after: start from the next whole minute.
  const wall = toWall(new Date(Math.floor(at.getTime() / 60_000) * 60_000 + 60_000))
  for (let d = 0; d < SEARCH_DAYS; d++) {
    const day = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + d))
    if (!dayMatches(s, day)) continue
    const today = d === 0
    for (let h = today ? wall.getUTCHours() : 0; h <= 23; h++) {
      if (!s.hours.has(h)) continue
      const firstMinute = today && h === wall.getUTCHours() ? wall.getUTCMinutes() : 0
      const m = pick(s.minutes, firstMinute, 59, 1)
      if (m !== null) return fromWall(day.getTime() + h * 3600_000 + m * 60_000)
    }
  }
  return null
}

/** A fire time as bank wall-clock text 'YYYY-MM-DD HH:mm' — the claim key (sorts as time). */
export function fireKey(at: Date): string {
  return toWall(at).toISOString().slice(0, 16).replace('T', ' ')
}
