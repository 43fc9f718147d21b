import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { WorkCalendar } from '#core/holidays/working_days'
import { parseHolidayCnJson } from '#core/holidays/holiday_import'
import { decideReminders, reminderSlots } from '#core/deadlines/reminder_rules'

/*
| The reminder-date rules on the real 2026 State Council calendar (no database):
| N working days before the due date, the due date not counted; overdue on the
| first working day after; late registrations send only the nearest reminder.
*/
const calendar2026 = () =>
  new WorkCalendar(
    parseHolidayCnJson(
      readFileSync(app.makePath('database/data/holiday-cn/2026.json'), 'utf8'),
      2026
    ).days
  )

test.group('Deadline reminder rules (2026 calendar)', () => {
  test('offsets count working days across 国庆 and the 调休 Saturday', ({ assert }) => {
    const slots = reminderSlots(calendar2026(), '2026-10-14', [30, 7, 1, 0])
    assert.deepEqual(slots, [
      { kind: 'before', offset: 30, remindOn: '2026-08-27' },
      { kind: 'before', offset: 7, remindOn: '2026-09-29' },
      { kind: 'before', offset: 1, remindOn: '2026-10-13' },
      { kind: 'before', offset: 0, remindOn: '2026-10-14' },
      { kind: 'overdue', offset: 0, remindOn: '2026-10-15' },
    ])
  })

  test('a due date on a holiday: offset 0 is the last working day before, overdue the first after', ({
    assert,
  }) => {
    const slots = reminderSlots(calendar2026(), '2026-10-03', [1, 0])
    assert.deepEqual(slots, [
      // The holiday itself is not a working day, so both land on the last one before it.
      { kind: 'before', offset: 1, remindOn: '2026-09-30' },
      { kind: 'before', offset: 0, remindOn: '2026-09-30' },
      { kind: 'overdue', offset: 0, remindOn: '2026-10-08' },
    ])
  })

  test('nothing the day before, the reminder on its day, nothing twice', ({ assert }) => {
    const cal = calendar2026()
    assert.deepEqual(decideReminders(cal, '2026-10-14', [7], '2026-09-28', []), [])
    assert.deepEqual(decideReminders(cal, '2026-10-14', [7], '2026-09-29', []), [
      { kind: 'before', offset: 7, remindOn: '2026-09-29', status: 'send' },
    ])
    assert.deepEqual(
      decideReminders(cal, '2026-10-14', [7], '2026-09-30', [{ kind: 'before', offset: 7 }]),
      []
    )
  })

  test('registered late: only the nearest due reminder is sent, the others superseded', ({
    assert,
  }) => {
    const decisions = decideReminders(calendar2026(), '2026-10-14', [30, 7, 1], '2026-10-09', [])
    assert.deepEqual(
      decisions.map((d) => [d.offset, d.status]),
      [
        [30, 'superseded'],
        [7, 'send'],
      ]
    )
  })

  test('overdue: once, on the first working day after, superseding unsent ones', ({ assert }) => {
    const cal = calendar2026()
    // Due Friday 09-30 → the holiday week → first working day after is 10-08.
    assert.deepEqual(
      decideReminders(cal, '2026-09-30', [1], '2026-10-07', [{ kind: 'before', offset: 1 }]),
      []
    )
    assert.deepEqual(
      decideReminders(cal, '2026-09-30', [1], '2026-10-08', [{ kind: 'before', offset: 1 }]),
      [{ kind: 'overdue', offset: 0, remindOn: '2026-10-08', status: 'send' }]
    )
    assert.deepEqual(
      decideReminders(cal, '2026-09-30', [1], '2026-10-20', [
        { kind: 'before', offset: 1 },
        { kind: 'overdue', offset: 0 },
      ]),
      []
    )
    assert.deepEqual(
      decideReminders(cal, '2026-09-30', [7, 1], '2026-10-09', []).map((d) => [
        d.kind,
        d.offset,
        d.status,
      ]),
      [
        ['before', 7, 'superseded'],
        ['before', 1, 'superseded'],
        ['overdue', 0, 'send'],
      ]
    )
  })
})
