import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import { WorkCalendar, type CalendarEntry } from '#core/holidays/work_calendar'
import {
  HolidayDataError,
  parseHolidayCnJson,
  parseHolidayCsv,
  parseHolidayFile,
  type Issue,
} from '#core/holidays/holiday_formats'
import { yearView } from '#core/holidays/calendar_view'

/*
| Working-day arithmetic over injected calendars: the State Council arrangements
| for 2024–2026 as shipped in database/data/holiday-cn, read by the same parser
| the import uses. No database.
*/
const file = (year: number) =>
  readFileSync(app.makePath(`database/data/holiday-cn/${year}.json`), 'utf8')

function calendarOf(...years: number[]): WorkCalendar {
  return new WorkCalendar(years.flatMap((year) => parseHolidayCnJson(file(year), year).days))
}

/** The days off between two dates (inclusive), as a notice would list them. */
function restDays(calendar: WorkCalendar, from: string, to: string): string[] {
  const days: string[] = []
  for (let d = from; d <= to; d = next(d)) {
    if (!calendar.isWorkingDay(d)) days.push(d)
  }
  return days
}

const next = (date: string) =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate()!

function issuesOf(fn: () => unknown): Issue[] {
  try {
    fn()
  } catch (error) {
    if (error instanceof HolidayDataError) return error.issues
    throw error
  }
  throw new Error('expected HolidayDataError')
}

const calendar = calendarOf(2024, 2025, 2026)

test.group('Working days · Spring Festival (春节)', () => {
  test('2025: 1-28 to 2-04 off; Sunday 1-26 and Saturday 2-08 are 调休 working days', ({
    assert,
  }) => {
    assert.deepEqual(restDays(calendar, '2025-01-25', '2025-02-09'), [
      '2025-01-25',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
      '2025-02-09',
    ])
    assert.isTrue(calendar.isWorkingDay('2025-01-26'), '1-26 is a Sunday worked')
    assert.isTrue(calendar.isWorkingDay('2025-01-27'), '除夕 2025 is not a day off')
    assert.isTrue(calendar.isWorkingDay('2025-02-08'), '2-08 is a Saturday worked')
  })

  test('2025: counting across the holiday', ({ assert }) => {
    // Friday → the next working day is the 调休 Sunday, not Monday.
    assert.equal(calendar.nextWorkingDay('2025-01-24'), '2025-01-26')
    assert.equal(calendar.nextWorkingDay('2025-01-27'), '2025-02-05')
    assert.equal(calendar.addWorkingDays('2025-01-24', 2), '2025-01-27')
    assert.equal(calendar.addWorkingDays('2025-01-24', 3), '2025-02-05')
    // (1-24, 2-10]: 1-26, 1-27, 2-05, 2-06, 2-07, 2-08, 2-10.
    assert.equal(calendar.workingDaysBetween('2025-01-24', '2025-02-10'), 7)
  })

  test('2026: 2-15 to 2-23 off; Saturdays 2-14 and 2-28 worked', ({ assert }) => {
    assert.deepEqual(restDays(calendar, '2026-02-14', '2026-03-01'), [
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-03-01',
    ])
    assert.equal(calendar.nextWorkingDay('2026-02-13'), '2026-02-14')
    assert.equal(calendar.nextWorkingDay('2026-02-14'), '2026-02-24')
    assert.equal(calendar.addWorkingDays('2026-02-13', 5), '2026-02-27')
    assert.equal(calendar.addWorkingDays('2026-02-13', 6), '2026-02-28')
    assert.equal(calendar.addWorkingDays('2026-02-13', 7), '2026-03-02')
  })
})

test.group('Working days · National Day (国庆节)', () => {
  test('2024: 10-01 to 10-07 off; Sunday 9-29 and Saturday 10-12 worked', ({ assert }) => {
    assert.isTrue(calendar.isWorkingDay('2024-09-29'))
    assert.deepEqual(restDays(calendar, '2024-09-28', '2024-10-13'), [
      '2024-09-28',
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
      '2024-10-13',
    ])
    assert.equal(calendar.addWorkingDays('2024-09-27', 1), '2024-09-29')
    assert.equal(calendar.addWorkingDays('2024-09-30', 1), '2024-10-08')
    assert.equal(calendar.addWorkingDays('2024-09-30', 5), '2024-10-12')
  })

  test('2025: addWorkingDays across Golden Week (10-01 to 10-08 off, 10-11 worked)', ({
    assert,
  }) => {
    assert.equal(calendar.nextWorkingDay('2025-09-30'), '2025-10-09')
    assert.equal(calendar.addWorkingDays('2025-09-30', 3), '2025-10-11')
    assert.equal(calendar.addWorkingDays('2025-09-30', 4), '2025-10-13')
    // From Friday 9-26: 9-28 (调休 Sunday), 9-29, 9-30, 10-09, 10-10, 10-11 (调休 Saturday),
    // 10-13, 10-14, 10-15, 10-16.
    assert.equal(calendar.addWorkingDays('2025-09-26', 10), '2025-10-16')
    assert.equal(calendar.workingDaysBetween('2025-09-30', '2025-10-11'), 3)
    assert.equal(calendar.workingDaysBetween('2025-10-01', '2025-10-08'), 0)
  })

  test('negative n counts back over the holiday and onto 调休 days', ({ assert }) => {
    assert.equal(calendar.addWorkingDays('2025-10-09', -1), '2025-09-30')
    assert.equal(calendar.addWorkingDays('2025-10-09', -2), '2025-09-29')
    assert.equal(calendar.addWorkingDays('2025-10-09', -3), '2025-09-28')
    assert.equal(calendar.addWorkingDays('2025-10-13', -1), '2025-10-11')
    assert.equal(calendar.addWorkingDays('2025-10-05', -1), '2025-09-30')
    assert.equal(calendar.workingDaysBetween('2025-10-09', '2025-09-28'), -3)
  })

  test('n = 0 is the date itself if it works, else the next working day', ({ assert }) => {
    assert.equal(calendar.addWorkingDays('2025-10-09', 0), '2025-10-09')
    assert.equal(calendar.addWorkingDays('2025-10-04', 0), '2025-10-09')
    assert.equal(calendar.addWorkingDays('2025-10-11', 0), '2025-10-11')
  })
})

test.group('Working days · 民法典 §203 period end', () => {
  test('a period ending on a holiday ends on the next working day', ({ assert }) => {
    assert.equal(calendar.periodEnd('2025-10-03'), '2025-10-09')
    assert.equal(calendar.periodEnd('2025-10-08'), '2025-10-09')
    assert.equal(calendar.periodEnd('2025-01-29'), '2025-02-05')
    assert.equal(calendar.periodEnd('2026-02-22'), '2026-02-24')
    assert.equal(calendar.periodEnd('2024-10-01'), '2024-10-08')
  })

  test('an ordinary weekend also moves it; a working day or 调休 Saturday does not', ({
    assert,
  }) => {
    assert.equal(calendar.periodEnd('2025-03-15'), '2025-03-17')
    assert.equal(calendar.periodEnd('2025-03-14'), '2025-03-14')
    assert.equal(calendar.periodEnd('2025-02-08'), '2025-02-08')
    assert.equal(calendar.periodEnd('2025-10-11'), '2025-10-11')
  })

  test('a 3-year 诉讼时效 falling in Golden Week ends after it', ({ assert }) => {
    // Limitation that started running on 2022-10-05 nominally ends 2025-10-05 (a holiday).
    assert.equal(calendar.periodEnd('2025-10-05'), '2025-10-09')
  })
})

test.group('Working days · year boundaries', () => {
  test('New Year 2026: 12-31 → 1-04 (a 调休 Sunday)', ({ assert }) => {
    assert.equal(calendar.nextWorkingDay('2025-12-31'), '2026-01-04')
    assert.equal(calendar.addWorkingDays('2026-01-05', -1), '2026-01-04')
    assert.equal(calendar.addWorkingDays('2026-01-05', -2), '2025-12-31')
    assert.equal(calendar.workingDaysBetween('2025-12-30', '2026-01-05'), 3)
    assert.equal(calendar.nextWorkingDay('2024-12-31'), '2025-01-02')
  })

  test('a year with no arrangement falls back to weekends only, and says so', ({ assert }) => {
    assert.isTrue(calendar.hasCalendar(2026))
    assert.isFalse(calendar.hasCalendar(2027))
    // 2027-01-01 will be 元旦, but without the 2027 notice only weekends rest.
    assert.equal(calendar.nextWorkingDay('2026-12-31'), '2027-01-01')
    assert.equal(calendar.addWorkingDays('2027-01-01', 1), '2027-01-04')
    assert.isFalse(calendar.isWorkingDay('2027-10-02'))
    assert.isTrue(calendar.isWorkingDay('2027-10-01'))
    assert.deepEqual(calendar.calendarYears(), [2024, 2025, 2026])
  })

  test('an arrangement may move the December before its year (2019 元旦)', ({ assert }) => {
    const entries: CalendarEntry[] = [
      { date: '2018-12-29', kind: 'workday', name: '元旦', year: 2019 },
      { date: '2018-12-30', kind: 'holiday', name: '元旦', year: 2019 },
      { date: '2018-12-31', kind: 'holiday', name: '元旦', year: 2019 },
      { date: '2019-01-01', kind: 'holiday', name: '元旦', year: 2019 },
    ]
    const c2019 = new WorkCalendar(entries)
    assert.isTrue(c2019.hasCalendar(2019))
    assert.isFalse(c2019.hasCalendar(2018))
    assert.isTrue(c2019.isWorkingDay('2018-12-29'))
    assert.equal(c2019.nextWorkingDay('2018-12-28'), '2018-12-29')
    assert.equal(c2019.periodEnd('2018-12-30'), '2019-01-02')
  })

  test('an empty calendar is the plain week', ({ assert }) => {
    const plain = new WorkCalendar()
    assert.isFalse(plain.isWorkingDay('2030-06-01'))
    assert.equal(plain.addWorkingDays('2030-05-31', 1), '2030-06-03')
    assert.equal(plain.addWorkingDays('2030-06-03', -1), '2030-05-31')
    assert.equal(plain.workingDaysBetween('2030-06-02', '2030-06-09'), 5)
  })
})

test.group('Working days · laws of the arithmetic', () => {
  test('between(d, add(d, n)) = n, and the result always works', ({ assert }) => {
    for (const start of ['2025-01-24', '2025-09-27', '2025-12-31', '2026-02-14', '2024-10-06']) {
      for (let n = 1; n <= 40; n++) {
        const end = calendar.addWorkingDays(start, n)
        assert.equal(calendar.workingDaysBetween(start, end), n, `${start} + ${n}`)
        assert.isTrue(calendar.isWorkingDay(end))
        assert.isTrue(calendar.isWorkingDay(calendar.addWorkingDays(start, -n)))
      }
    }
  })

  test('from a working day, adding n then -n comes back', ({ assert }) => {
    for (const start of ['2025-01-27', '2025-09-28', '2026-02-27', '2024-12-31']) {
      for (let n = 1; n <= 30; n++) {
        assert.equal(calendar.addWorkingDays(calendar.addWorkingDays(start, n), -n), start)
      }
    }
  })

  test('a long count stays fast (integer day steps, no date objects per day)', ({ assert }) => {
    const started = performance.now()
    // 2024: 251, 2025: 248, 2026: 248 working days (counted independently from the notices).
    assert.equal(calendar.workingDaysBetween('2024-01-01', '2026-12-31'), 747)
    for (let i = 0; i < 2000; i++) calendar.addWorkingDays('2025-01-02', 250)
    assert.isBelow(performance.now() - started, 2000)
  })

  test('bad input is refused, not guessed', ({ assert }) => {
    assert.throws(() => calendar.isWorkingDay('2025-02-29'), /calendar date/)
    assert.throws(() => calendar.isWorkingDay('2025/10/01'), /calendar date/)
    assert.throws(() => calendar.addWorkingDays('2025-10-01', 1.5), /whole number/)
  })
})

test.group('Holiday files · holiday-cn JSON', () => {
  test('reads the upstream format, $schema and $id included', ({ assert }) => {
    const upstream = JSON.stringify({
      $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
      $id: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2025.json',
      ...JSON.parse(file(2025)),
    })
    const parsed = parseHolidayFile({ content: upstream, year: 2025 })
    assert.equal(parsed.year, 2025)
    assert.lengthOf(parsed.days, 33)
    assert.equal(parsed.days.filter((d) => d.kind === 'workday').length, 5)
    assert.deepInclude(parsed.days[1], { date: '2025-01-26', kind: 'workday', name: '春节' })
    assert.match(parsed.papers[0], /gov\.cn/)
  })

  test('accepts the December before the year; refuses dates outside it', ({ assert }) => {
    const ok = parseHolidayCnJson(
      JSON.stringify({
        year: 2019,
        days: [
          { name: '元旦', date: '2018-12-29', isOffDay: false },
          { name: '元旦', date: '2018-12-30', isOffDay: true },
        ],
      })
    )
    assert.equal(ok.days[0].year, 2019)
    const issues = issuesOf(() =>
      parseHolidayCnJson(
        JSON.stringify({
          year: 2025,
          days: [
            { name: '元旦', date: '2026-01-01', isOffDay: true },
            { name: '国庆', date: '2024-11-30', isOffDay: true },
          ],
        })
      )
    )
    assert.deepEqual(
      issues.map((i) => [i.field, i.rule]),
      [
        ['days.0.date', 'holidayYear'],
        ['days.1.date', 'holidayYear'],
      ]
    )
  })

  test('reports every bad entry at once: date, duplicate, isOffDay, name', ({ assert }) => {
    const issues = issuesOf(() =>
      parseHolidayCnJson(
        JSON.stringify({
          year: 2025,
          days: [
            { name: '春节', date: '2025-01-28', isOffDay: true },
            { name: '春节', date: '2025-02-30', isOffDay: true },
            { name: '春节', date: '2025-01-28', isOffDay: true },
            { name: '春节', date: '2025-01-29', isOffDay: 'yes' },
            { name: ' ', date: '2025-01-30', isOffDay: true },
            'oops',
          ],
        })
      )
    )
    assert.deepEqual(
      issues.map((i) => `${i.field}:${i.rule}`),
      [
        'days.1.date:date',
        'days.2.date:distinct',
        'days.3.isOffDay:boolean',
        'days.4.name:required',
        'days.5:object',
      ]
    )
    assert.deepEqual(issues[1].params, { date: '2025-01-28', first: 1 })
  })

  test('refuses non-JSON, other shapes, a year mismatch and an empty year', ({ assert }) => {
    assert.equal(
      issuesOf(() => parseHolidayCnJson('{"year": 2025,'))[0].key,
      'holidays.invalidJson'
    )
    assert.equal(issuesOf(() => parseHolidayCnJson('[1,2]'))[0].key, 'holidays.notHolidayCn')
    assert.equal(
      issuesOf(() => parseHolidayCnJson(file(2025), 2024))[0].key,
      'holidays.yearMismatch'
    )
    // The 2027 notice is not out yet: upstream publishes the year with no days.
    const empty = issuesOf(() => parseHolidayCnJson('{"year": 2027, "papers": [], "days": []}'))
    assert.deepEqual([empty[0].field, empty[0].key], ['days', 'holidays.noDays'])
  })
})

test.group('Holiday files · CSV', () => {
  test('reads date,type,name with a header, a BOM, CRLF, quotes and blank lines', ({ assert }) => {
    const csv =
      '\uFEFFdate,type,name\r\n2025-10-01,holiday,"国庆节、中秋节"\r\n\r\n' +
      '2025-09-28,workday,国庆节\r\n2025-10-02,HOLIDAY,"Name, with comma"\r\n'
    const parsed = parseHolidayCsv(csv, 2025)
    assert.deepEqual(
      parsed.days.map((d) => [d.date, d.kind, d.name]),
      [
        ['2025-09-28', 'workday', '国庆节'],
        ['2025-10-01', 'holiday', '国庆节、中秋节'],
        ['2025-10-02', 'holiday', 'Name, with comma'],
      ]
    )
  })

  test('reports lines by number: kind, columns, date, duplicate', ({ assert }) => {
    const csv = [
      'date,type,name',
      '2025-10-01,holiday,国庆节',
      '2025-10-02,off,国庆节',
      '2025-10-03,holiday',
      '2025-13-01,holiday,国庆节',
      '2025-10-01,holiday,国庆节',
    ].join('\n')
    const issues = issuesOf(() => parseHolidayCsv(csv, 2025))
    assert.deepEqual(
      issues.map((i) => `${i.field}:${i.rule}`),
      ['lines.3.type:enum', 'lines.4:columns', 'lines.5.date:date', 'lines.6.date:distinct']
    )
    assert.deepEqual(issues[0].at, { line: 3 })
  })

  test('needs the year, which the file does not carry', ({ assert }) => {
    const issues = issuesOf(() => parseHolidayFile({ content: '2025-10-01,holiday,国庆节' }))
    assert.deepEqual([issues[0].field, issues[0].key], ['year', 'holidays.csvYearRequired'])
  })
})

test.group('Calendar view', () => {
  test('a year of months, each day flagged, with the totals of the notice', ({ assert }) => {
    const view = yearView(calendar, 2025)
    assert.isTrue(view.hasCalendar)
    assert.lengthOf(view.months, 12)
    assert.lengthOf(view.months[1].days, 28)
    assert.deepEqual(view.months[9].days[0], {
      date: '2025-10-01',
      weekday: 3,
      working: false,
      kind: 'holiday',
      name: '国庆节、中秋节',
    })
    assert.deepEqual(view.summary, { workingDays: 248, restDays: 117, holidays: 28, workdays: 5 })
  })
})
