import { test } from '@japa/runner'
import { WorkCalendar } from '#core/holidays/work_calendar'
import {
  appealDeadline,
  enforcementDeadline,
  preservationExpiry,
  preservationLongestEnd,
  renewalDeadline,
} from '../../deadlines/rules.js'
import { wantedDeadlines } from '../../deadlines/case_deadlines.js'
import { parseCaseNumber } from '../../cases/case_number.js'

/* The State Council's 2025 国庆节、中秋节 arrangement: 10-01 … 10-08 off, Sunday 09-28 and Saturday 10-11 worked. */
const holidays2025 = new WorkCalendar([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({
    date: `2025-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节、中秋节',
  })),
  { date: '2025-09-28', kind: 'workday', name: '国庆节调休' },
  { date: '2025-10-11', kind: 'workday', name: '国庆节调休' },
])
const weekendsOnly = new WorkCalendar()

test.group('litigation: 上诉期 (民事诉讼法 §171)', () => {
  test('a judgment: 15 days from service, the service day not counted', ({ assert }) => {
    // Served Monday 2025-06-02: days 06-03 … 06-17, the 15th day a Tuesday.
    assert.equal(appealDeadline(weekendsOnly, 'judgment', '2025-06-02'), '2025-06-17')
  })

  test('a ruling: 10 days', ({ assert }) => {
    assert.equal(appealDeadline(weekendsOnly, 'ruling', '2025-06-02'), '2025-06-12')
  })

  test('a last day on a weekend moves to Monday', ({ assert }) => {
    // Served 2025-06-06 (Friday) + 15 = Saturday 06-21 → Monday 06-23.
    assert.equal(appealDeadline(weekendsOnly, 'judgment', '2025-06-06'), '2025-06-23')
  })

  test('a last day in the National Day holiday moves to the first working day after it', ({
    assert,
  }) => {
    // Served 2025-09-17 + 15 = 2025-10-02 (holiday) → 10-09 (Thursday, first working day).
    assert.equal(appealDeadline(holidays2025, 'judgment', '2025-09-17'), '2025-10-09')
    // Without the calendar it would be Thursday 10-02 itself.
    assert.equal(appealDeadline(weekendsOnly, 'judgment', '2025-09-17'), '2025-10-02')
  })

  test('a 调休 Sunday is a working day: the period ends on it', ({ assert }) => {
    // Served 2025-09-13 + 15 = Sunday 2025-09-28, a working day that year.
    assert.equal(appealDeadline(holidays2025, 'judgment', '2025-09-13'), '2025-09-28')
  })

  test('a 调解书 cannot be appealed', ({ assert }) => {
    assert.isNull(appealDeadline(weekendsOnly, 'mediation', '2025-06-02'))
  })
})

test.group('litigation: 申请执行期间 (民事诉讼法 §250)', () => {
  test('two years from the last day of the performance period', ({ assert }) => {
    assert.equal(enforcementDeadline(weekendsOnly, '2024-06-14'), '2026-06-15') // Sunday → Monday
    assert.equal(enforcementDeadline(weekendsOnly, '2024-06-13'), '2026-06-15') // Saturday → Monday
    assert.equal(enforcementDeadline(weekendsOnly, '2024-06-12'), '2026-06-12') // Friday
  })

  test('29 February: the corresponding day is 28 February', ({ assert }) => {
    assert.equal(preservationLongestEnd('bank_deposit', '2024-02-29'), '2025-02-28')
    // 2026-02-28 is a Saturday: the period ends on Monday 03-02.
    assert.equal(enforcementDeadline(weekendsOnly, '2024-02-29'), '2026-03-02')
  })

  test('ending in the National Day holiday', ({ assert }) => {
    assert.equal(enforcementDeadline(holidays2025, '2023-10-03'), '2025-10-09')
  })
})

test.group('litigation: 财产保全期限 (民诉法解释 §485)', () => {
  test('bank deposits one year, movables two, real estate and other rights three', ({ assert }) => {
    assert.equal(preservationLongestEnd('bank_deposit', '2024-03-20'), '2025-03-20')
    assert.equal(preservationLongestEnd('movable', '2024-03-20'), '2026-03-20')
    assert.equal(preservationLongestEnd('real_estate', '2024-03-20'), '2027-03-20')
    assert.equal(preservationLongestEnd('other_right', '2024-03-20'), '2027-03-20')
    assert.throws(() => preservationLongestEnd('car', '2024-03-20'))
  })

  test('an expiry on a holiday moves; the 续封 deadline is N working days before it', ({
    assert,
  }) => {
    assert.equal(preservationExpiry(holidays2025, '2025-10-05'), '2025-10-09')
    // 5 working days before 10-09: 10-09 ← 09-30, 09-29, 09-28 (调休), 09-26, 09-25.
    assert.equal(renewalDeadline(holidays2025, '2025-10-09', 5), '2025-09-25')
    assert.equal(renewalDeadline(weekendsOnly, '2025-06-16', 1), '2025-06-13')
  })

  test('a renewed measure gives no deadlines; the renewal does', ({ assert }) => {
    const wanted = wantedDeadlines(
      weekendsOnly,
      {
        caseNo: '（2025）京0105民初1号',
        stage: 'execution',
        hearings: [],
        judgments: [],
        preservations: [
          { id: 1, kind: 'movable', target: '车辆', endOn: '2025-06-14', renewedFromId: null },
          { id: 2, kind: 'movable', target: '车辆', endOn: '2027-05-01', renewedFromId: 1 },
        ],
      },
      15
    )
    assert.deepEqual(
      wanted.map((w) => [w.kind, w.refId, w.dueDate]),
      [
        ['preservation_expiry', 2, '2027-05-03'],
        ['preservation_renewal', 2, '2027-04-12'],
      ]
    )
  })

  test('a closed case has no deadlines', ({ assert }) => {
    const wanted = wantedDeadlines(
      weekendsOnly,
      {
        caseNo: '（2025）京0105民初1号',
        stage: 'closed',
        hearings: [{ id: 1, hearingOn: '2025-07-01', hearingTime: null, kind: 'trial' }],
        judgments: [],
        preservations: [],
      },
      15
    )
    assert.lengthOf(wanted, 0)
  })
})

test.group('litigation: 案号', () => {
  test('the court format', ({ assert }) => {
    assert.deepEqual(parseCaseNumber('（2024）京0105民初12345号', 2026), {
      year: 2024,
      courtCode: '京0105',
      typeCode: '民初',
      serial: 12345,
    })
    assert.equal(parseCaseNumber('（2024）京01民终7号', 2026)?.courtCode, '京01')
    assert.equal(parseCaseNumber('（2024）沪执恢12号', 2026)?.typeCode, '执恢')
    assert.equal(parseCaseNumber('（2023）最高法民申9号', 2026)?.courtCode, '最高法')
  })

  test('refused: half-width brackets, a 3-digit court code, no 号, year out of range', ({
    assert,
  }) => {
    for (const bad of [
      '(2024)京0105民初12345号',
      '（2024）京010民初12345号',
      '（2024）京0105民初12345',
      '（2027）京0105民初12345号',
      '（1989）京0105民初12345号',
      '（2024）京0105民初0号',
      '（2024）京0105刑初1号',
      ' （2024）京0105民初1号',
    ])
      assert.isNull(parseCaseNumber(bad, 2026), bad)
  })
})
