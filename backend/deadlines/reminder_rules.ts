/*
| When a deadline's reminders go out (pure; tests call it with a fixed calendar).
|
| - Offset N ≥ 1 (N working days before): on the N-th working day before the due
|   date, the due date itself not counted — WorkCalendar.addWorkingDays(due, -N).
|   Holidays and weekends are skipped while counting, so the reminder date is
|   always a working day: a clerk is never "reminded" on a day nobody reads it,
|   and a 7-day reminder before the 国庆 week still leaves 7 days to act.
| - Offset 0: on the due date if it is a working day, else the last working day
|   before it (a due date on a holiday is still a due date, not a later one).
| - Overdue: once, on the first working day after the due date.
| - Catch-up: a reminder whose date has passed without being sent (job down, or
|   the deadline registered late) goes out on the next run — but only the
|   nearest one: a deadline registered 5 working days out with offsets [30,7,1]
|   gets one "5 days left" style reminder (the 7-day one), and the 30-day one is
|   recorded as superseded instead of arriving as noise. Once overdue, every
|   unsent "before" reminder is superseded by the overdue one.
*/
import type { WorkCalendar } from '#core/holidays/working_days'

export type ReminderKind = 'before' | 'overdue'

export interface ReminderSlot {
  kind: ReminderKind
  /** Working days before the due date; 0 for overdue. */
  offset: number
  remindOn: string
}

export interface ReminderDecision extends ReminderSlot {
  status: 'send' | 'superseded'
}

export function reminderSlots(calendar: WorkCalendar, dueDate: string, offsets: number[]) {
  const slots: ReminderSlot[] = offsets.map((offset) => ({
    kind: 'before',
    offset,
    remindOn:
      offset === 0
        ? calendar.isWorkingDay(dueDate)
          ? dueDate
          : calendar.addWorkingDays(dueDate, -1)
        : calendar.addWorkingDays(dueDate, -offset),
  }))
  slots.push({ kind: 'overdue', offset: 0, remindOn: calendar.nextWorkingDay(dueDate) })
  return slots
}

const slotKey = (s: { kind: string; offset: number }) => `${s.kind}:${s.offset}`

/**
 * What to do today: the slots due by `today` that were not yet recorded, each
 * either sent or superseded (at most one is sent).
 */
export function decideReminders(
  calendar: WorkCalendar,
  dueDate: string,
  offsets: number[],
  today: string,
  recorded: Array<{ kind: string; offset: number }>
): ReminderDecision[] {
  const done = new Set(recorded.map(slotKey))
  const due = reminderSlots(calendar, dueDate, offsets).filter(
    (s) => s.remindOn <= today && !done.has(slotKey(s))
  )
  if (!due.length) return []
  const overdue = due.find((s) => s.kind === 'overdue')
  // The nearest: overdue first, else the smallest offset (the latest date).
  const chosen = overdue ?? due.reduce((a, b) => (b.offset < a.offset ? b : a))
  return due.map((s) => ({ ...s, status: s === chosen ? 'send' : 'superseded' }))
}

/** Working days left until the due date (negative once past), for lists. */
export function workingDaysLeft(calendar: WorkCalendar, today: string, dueDate: string) {
  return calendar.workingDaysBetween(today, dueDate)
}
