/*
| 工作日服务: the one API later modules (诉讼时效 limitation periods, approval
| deadlines in working days, reminders) use to count working days.
|
|   await workingDays.isWorkingDay('2025-10-08')          // false (国庆节)
|   await workingDays.nextWorkingDay('2025-09-30')        // '2025-10-09'
|   await workingDays.addWorkingDays('2025-09-30', 3)     // '2025-10-11' (a 调休 Saturday)
|   await workingDays.periodEnd('2025-10-03')             // '2025-10-09' (民法典 §203)
|   await workingDays.workingDaysBetween('2025-09-30', '2025-10-11')   // 3
|   await workingDays.hasCalendar(2027)                   // false → warn: weekends only
|
| Dates are 'YYYY-MM-DD' strings in and out. The exact rules (what n = 0 means,
| which end of a range counts) are documented on WorkCalendar.
|
| Batch work (a daily step recomputing 100 000 deadlines) takes one snapshot and
| calls it synchronously, with no database round trip per date:
|
|   const calendar = await workingDays.calendar()
|   for (const loan of loans) loan.deadline = calendar.addWorkingDays(loan.start, 15)
|
| Caching across app nodes. Each process keeps the whole calendar in memory (a
| few hundred rows for all years), tagged with the version it was loaded at.
| Every call reads the version row (one primary-key lookup) and reloads only when
| the version differs. We check on every call rather than every N seconds
| because these answers are legal deadlines: after an administrator corrects a
| holiday, two nodes must not give two different 时效 end dates for the same
| loan, not even for a few seconds, and a PK read is cheap next to the request
| that asks. Callers that need speed per date use the snapshot above, which is
| exactly as fresh as the moment they took it. A change on this node also drops
| the cache at once (`forget`).
|
| A caller inside its own uncommitted transaction sees the committed calendar,
| not its own pending edits.
*/
import { allEntries, calendarVersion } from './calendar_store.js'
import { WorkCalendar } from './work_calendar.js'

export { WorkCalendar } from './work_calendar.js'
export type { CalendarEntry, DayInfo, DayKind } from './work_calendar.js'

let cached: { version: number; calendar: WorkCalendar } | null = null
/** Loads in flight, by version, so a burst of calls after a change loads once. */
const loading = new Map<number, Promise<WorkCalendar>>()

async function current(): Promise<WorkCalendar> {
  // Version first, rows second: if a change commits between the two reads we hold
  // newer rows under an older version and merely reload on the next call. The
  // other order could label old rows with the new version and keep them.
  const version = await calendarVersion()
  if (cached?.version === version) return cached.calendar
  let pending = loading.get(version)
  if (!pending) {
    pending = allEntries()
      .then((entries) => {
        const calendar = new WorkCalendar(entries)
        cached = { version, calendar }
        return calendar
      })
      .finally(() => loading.delete(version))
    loading.set(version, pending)
  }
  return pending
}

export const workingDays = {
  /** A snapshot of the current calendar, for many synchronous calls. */
  calendar: current,

  async isWorkingDay(date: string): Promise<boolean> {
    return (await current()).isWorkingDay(date)
  },

  /** The first working day strictly after `date`. */
  async nextWorkingDay(date: string): Promise<string> {
    return (await current()).nextWorkingDay(date)
  },

  /** n working days after (n > 0) or before (n < 0) `date`; n = 0 is `periodEnd`. */
  async addWorkingDays(date: string, n: number): Promise<string> {
    return (await current()).addWorkingDays(date, n)
  },

  /** `date` if it is a working day, else the next working day (民法典 §203). */
  async periodEnd(date: string): Promise<string> {
    return (await current()).periodEnd(date)
  },

  /** Working days in (a, b]; negative when b is before a. */
  async workingDaysBetween(a: string, b: string): Promise<number> {
    return (await current()).workingDaysBetween(a, b)
  },

  /** Whether `year`'s arrangement is imported; without it, only weekends rest. */
  async hasCalendar(year: number): Promise<boolean> {
    return (await current()).hasCalendar(year)
  },

  /** Drops this process's copy; called after a change commits. Other nodes see the new version. */
  forget(): void {
    cached = null
  },
}
