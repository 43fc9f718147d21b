/*
| 工作日 arithmetic over one immutable calendar: the State Council's arrangement
| (法定节假日 days off and 调休 weekend working days) on top of the ordinary week.
| Pure and synchronous: build it from entries (tests inject them; the service
| loads them from holiday_calendar_days) and call it as often as needed.
|
| Rules, for every date:
|   1. An entry decides: `holiday` is a day off, `workday` is a working day,
|      whatever the weekday.
|   2. Without an entry, Monday–Friday work and Saturday–Sunday rest.
| A year whose arrangement was never imported therefore falls back to weekends
| only; `hasCalendar(year)` says so, so a caller computing a legal deadline can
| warn ("2027 年节假日安排未导入，期限仅按周末推算") instead of trusting it.
*/
import { fromDayNumber, isWeekend, toDayNumber, weekdayOf, yearOf } from './calendar_date.js'

export type DayKind = 'holiday' | 'workday'
export const DAY_KINDS: readonly DayKind[] = ['holiday', 'workday']

export interface CalendarEntry {
  date: string
  kind: DayKind
  name: string
  /** The arrangement year (defaults to the date's year; see the migration). */
  year?: number
}

export interface DayInfo {
  date: string
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number
  working: boolean
  kind: DayKind | null
  name: string | null
}

/*
| No real calendar has ten years without a working day; a loop that finds none
| means corrupt data (say, a year of `holiday` rows), and must fail loudly rather
| than spin.
*/
const SEARCH_LIMIT_DAYS = 3660

export class WorkCalendar {
  private readonly byDay = new Map<number, CalendarEntry>()
  private readonly years = new Set<number>()

  constructor(entries: Iterable<CalendarEntry> = []) {
    for (const entry of entries) {
      this.byDay.set(toDayNumber(entry.date), entry)
      this.years.add(entry.year ?? yearOf(entry.date))
    }
  }

  /** Whether the arrangement for `year` is loaded (else that year is weekends only). */
  hasCalendar(year: number): boolean {
    return this.years.has(year)
  }

  /** The arrangement years present, ascending. */
  calendarYears(): number[] {
    return [...this.years].sort((a, b) => a - b)
  }

  isWorkingDay(date: string): boolean {
    return this.working(toDayNumber(date))
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return fromDayNumber(this.step(toDayNumber(date), 1))
  }

  /**
   * The |n|-th working day after (n > 0) or before (n < 0) `date`, not counting
   * `date` itself (民法典 §201: the first day is not counted), so Saturday + 1 is
   * Monday, not Tuesday. n = 0 gives `periodEnd(date)`. The result is always a
   * working day.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`)
    if (n === 0) return this.periodEnd(date)
    let day = toDayNumber(date)
    const direction = n > 0 ? 1 : -1
    for (let left = Math.abs(n); left > 0; left--) day = this.step(day, direction)
    return fromDayNumber(day)
  }

  /**
   * 民法典 §203: a period whose last day is a statutory holiday (or rest day) ends on
   * the day after the holiday ends, i.e. the first working day. A 调休 Saturday is a
   * working day, so a period may end on it.
   */
  periodEnd(date: string): string {
    const day = toDayNumber(date)
    return fromDayNumber(this.working(day) ? day : this.step(day, 1))
  }

  /**
   * Working days in (a, b]: `a` excluded, `b` included, so that
   * workingDaysBetween(a, addWorkingDays(a, n)) === n for n > 0. Negative when b
   * is before a; 0 when they are equal.
   */
  workingDaysBetween(a: string, b: string): number {
    const from = toDayNumber(a)
    const to = toDayNumber(b)
    if (from === to) return 0
    const [low, high, sign] = from < to ? [from, to, 1] : [to, from, -1]
    let count = 0
    for (let day = low + 1; day <= high; day++) if (this.working(day)) count++
    return sign * count
  }

  /** What the calendar says about one date (for the console's calendar view). */
  describe(date: string): DayInfo {
    const day = toDayNumber(date)
    const entry = this.byDay.get(day)
    return {
      date: fromDayNumber(day),
      weekday: weekdayOf(day),
      working: this.working(day),
      kind: entry?.kind ?? null,
      name: entry?.name ?? null,
    }
  }

  private working(day: number): boolean {
    const entry = this.byDay.get(day)
    if (entry) return entry.kind === 'workday'
    return !isWeekend(day)
  }

  private step(from: number, direction: 1 | -1): number {
    for (let day = from + direction, i = 0; i < SEARCH_LIMIT_DAYS; day += direction, i++) {
      if (this.working(day)) return day
    }
    throw new Error(`No working day within ${SEARCH_LIMIT_DAYS} days of ${fromDayNumber(from)}`)
  }
}
