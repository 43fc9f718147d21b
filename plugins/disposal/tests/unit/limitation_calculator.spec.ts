import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { WorkCalendar } from '#core/holidays/work_calendar'
import { parseHolidayCnJson } from '#core/holidays/holiday_formats'
import { addPeriod, periodLastDay } from '../../limitation/period_dates.js'
import { calendarWarnings, computeLimitation } from '../../limitation/calculator.js'
import type {
  LimitationCase,
  LimitationEvent,
  LimitationRule,
  RuleCode,
  RuleSet,
} from '../../limitation/types.js'

/*
| 时效计算 over the State Council's real 2024–2026 arrangements (the holiday-cn
| files the core ships, read by the import's own parser). No database.
*/
const calendar = new WorkCalendar(
  [2024, 2025, 2026].flatMap(
    (year) =>
      parseHolidayCnJson(
        readFileSync(app.makePath(`database/data/holiday-cn/${year}.json`), 'utf8'),
        year
      ).days
  )
)

const rule = (
  code: RuleCode,
  years: number | null,
  months: number | null,
  roll = true
): LimitationRule => ({
  code,
  name: code === 'litigation' ? '诉讼时效' : code === 'enforcement' ? '申请执行时效' : code,
  nameEn: code,
  periodYears: years,
  periodMonths: months,
  rollToWorkingDay: roll,
  legalBasis: `basis of ${code}`,
  description: '',
  enabled: true,
})
/** The statutory rules as the migrations seed them (the guarantee period rolls since the correction). */
const rules: RuleSet = {
  litigation: rule('litigation', 3, 0),
  suspension: rule('suspension', 0, 6),
  outer_limit: rule('outer_limit', 20, 0),
  waiver: rule('waiver', null, null, false),
  guarantee: rule('guarantee', 0, 6),
  enforcement: rule('enforcement', 2, 0),
  mortgage: rule('mortgage', null, null),
}

let nextId = 1
const event = (
  type: LimitationEvent['type'],
  date: string,
  more: Partial<LimitationEvent> = {}
): LimitationEvent => ({
  id: nextId++,
  type,
  date,
  endDate: null,
  signed: false,
  guaranteeId: null,
  proofRef: `P-${nextId}`,
  ...more,
})
const run = (c: Partial<LimitationCase> & { dueDate: string }, today = '2026-12-02') =>
  computeLimitation({ guarantees: [], events: [], ...c }, rules, calendar, today)
const period = (outcome: ReturnType<typeof run>, key: string) =>
  outcome.periods.find((p) => p.key === key)!

test.group('disposal: limitation date arithmetic (民法典 §201–§203)', () => {
  test('a year from the leap day ends on 28 February', ({ assert }) => {
    assert.equal(addPeriod('2024-02-29', 1, 0), '2025-02-28')
    assert.equal(periodLastDay(calendar, '2024-02-29', 1, 0, true), '2025-02-28')
    assert.equal(addPeriod('2024-08-31', 0, 6), '2025-02-28')
    assert.equal(addPeriod('2025-01-31', 0, 1), '2025-02-28')
    assert.equal(addPeriod('2023-07-01', 3, 0), '2026-07-01')
    assert.equal(addPeriod('2026-03-31', 0, -6), '2025-09-30')
  })

  test('an end date in the National Day week moves to the first working day after it', ({
    assert,
  }) => {
    // 2025: 10-01 … 10-08 off; 2026: 10-01 … 10-07 off (State Council notices).
    assert.equal(run({ dueDate: '2022-10-01' }).periods[0].end, '2025-10-09')
    assert.equal(run({ dueDate: '2023-10-05' }).periods[0].end, '2026-10-08')
    // A plain weekend: 2027-02-28 is a Sunday.
    assert.equal(periodLastDay(calendar, '2024-02-29', 3, 0, true), '2027-03-01')
  })

  test('the guarantee period is never extended by a 催收 of the main debt', ({ assert }) => {
    const outcome = run(
      {
        dueDate: '2026-04-01',
        guarantees: [{ id: 7, type: 'guaranty', name: '保证人甲' }],
        events: [event('collection', '2026-09-01', { signed: true })],
      },
      '2026-09-02'
    )
    // §692: no interruption — the 催收 moves the 诉讼时效, not the guarantee period, which
    // still ends six months after the due date (2026-10-01, National Day → 10-08, §203).
    assert.equal(period(outcome, 'litigation').base, '2026-09-01')
    assert.equal(period(outcome, 'guarantee:7').base, '2026-04-01')
    assert.equal(period(outcome, 'guarantee:7').end, '2026-10-08')
    assert.equal(period(outcome, 'guarantee:7').status, 'running')
  })

  test('the guarantee period’s last day on a weekend moves to the Monday (§203)', ({ assert }) => {
    // 2025-03-13 + 6 months = Saturday 2025-09-13 → Monday 2025-09-15.
    const outcome = run({
      dueDate: '2025-03-13',
      guarantees: [{ id: 8, type: 'guaranty', name: '保证人丁' }],
    })
    const g = period(outcome, 'guarantee:8')
    assert.equal(g.end, '2025-09-15')
    assert.include(g.trail[0], '2025-09-13 为法定休假日，顺延至其后第一个工作日')
    // A claim on the rolled last day is still within the period (§693).
    const claimed = run({
      dueDate: '2025-03-13',
      guarantees: [{ id: 8, type: 'guaranty', name: '保证人丁' }],
      events: [event('guarantor_claim', '2025-09-15', { guaranteeId: 8 })],
    })
    assert.equal(period(claimed, 'guarantee:8').status, 'exercised')
  })

  test('the guarantee period’s last day on National Day moves past the holiday (§203)', ({
    assert,
  }) => {
    // 2025-04-01 + 6 months = 2025-10-01; 10-01 … 10-08 off (国庆节、中秋节) → 2025-10-09.
    const outcome = run(
      { dueDate: '2025-04-01', guarantees: [{ id: 9, type: 'guaranty', name: '保证人戊' }] },
      '2025-10-09'
    )
    assert.equal(period(outcome, 'guarantee:9').end, '2025-10-09')
    assert.equal(period(outcome, 'guarantee:9').status, 'running')
    // The next day it has expired.
    const after = run(
      { dueDate: '2025-04-01', guarantees: [{ id: 9, type: 'guaranty', name: '保证人戊' }] },
      '2025-10-10'
    )
    assert.equal(period(after, 'guarantee:9').status, 'expired')
    // A working last day does not move: 2025-06-30 + 6 months = Tuesday 2025-12-30.
    const plain = run({
      dueDate: '2025-06-30',
      guarantees: [{ id: 10, type: 'guaranty', name: '保证人己' }],
    })
    assert.equal(period(plain, 'guarantee:10').end, '2025-12-30')
    assert.lengthOf(period(plain, 'guarantee:10').trail, 1)
  })
})

test.group('disposal: limitation calendar warnings', () => {
  test('a period ending in a year without an arrangement warns, expired ones too', ({ assert }) => {
    // The calendar holds 2024–2026. Due 2013-05-20: 诉讼时效 ended 2016 (expired), the
    // 20-year limit ends 2033; due 2025-03-13: 诉讼时效 ends 2028.
    const old = run({ dueDate: '2013-05-20' })
    const warnings = calendarWarnings(old.periods, calendar)
    assert.equal(period(old, 'litigation').status, 'expired')
    assert.deepEqual(
      warnings.map((w) => w.slice(0, 4)),
      ['2016', '2033']
    )
    assert.include(warnings[0], '诉讼时效 2016-05-20')
    assert.include(warnings[0], '仅按周末顺延')
    const recent = run({
      dueDate: '2025-03-13',
      guarantees: [{ id: 11, type: 'guaranty', name: '保证人庚' }],
    })
    // The guarantee period ends in 2025 (imported): no warning for it.
    assert.deepEqual(
      calendarWarnings(recent.periods, calendar).map((w) => w.slice(0, 4)),
      ['2028', '2045']
    )
    // With every year imported there is nothing to warn about.
    const all = new WorkCalendar(
      [2016, 2033].map((year) => ({
        date: `${year}-01-01`,
        kind: 'holiday' as const,
        name: '元旦',
        year,
      }))
    )
    assert.deepEqual(calendarWarnings(old.periods, all), [])
  })
})

test.group('disposal: limitation periods (诉讼时效)', () => {
  test('three years from the last instalment, with the rule that produced it', ({ assert }) => {
    const outcome = run({ dueDate: '2023-06-30' }, '2026-06-30')
    const p = period(outcome, 'litigation')
    assert.equal(p.end, '2026-06-30')
    assert.equal(p.status, 'running')
    assert.equal(p.ruleCode, 'litigation')
    assert.equal(
      period(run({ dueDate: '2023-06-30' }, '2026-07-01'), 'litigation').status,
      'expired'
    )
  })

  test('an interruption within the period restarts a full period from its date', ({ assert }) => {
    const collection = event('collection', '2025-06-05')
    const outcome = run({ dueDate: '2022-12-31', events: [collection] })
    const p = period(outcome, 'litigation')
    assert.equal(p.base, '2025-06-05')
    assert.equal(p.end, '2028-06-05')
    assert.equal(outcome.events[0].effect, 'interrupt')
    assert.include(outcome.events[0].note, '第一百九十五条')
    // A lawsuit and an acknowledgement interrupt too; each restarts from its own date.
    const twice = run({
      dueDate: '2022-12-31',
      events: [event('acknowledgement', '2024-01-15'), event('lawsuit', '2026-01-15')],
    })
    assert.equal(period(twice, 'litigation').end, '2029-01-15')
  })

  test('an interruption after expiry does not revive it; a signature then is a waiver for legal review', ({
    assert,
  }) => {
    const unsigned = event('collection', '2024-04-01')
    const signed = event('collection', '2024-05-01', { signed: true })
    const outcome = run({ dueDate: '2021-03-15', events: [unsigned, signed] })
    const p = period(outcome, 'litigation')
    assert.equal(p.end, '2024-03-15')
    assert.equal(p.status, 'expired')
    const [a, b] = outcome.events
    assert.equal(a.effect, 'none')
    assert.isFalse(a.legalReview)
    assert.equal(b.effect, 'waiver')
    assert.isTrue(b.legalReview)
    assert.include(b.note, '第十九条')
    assert.isTrue(outcome.warnings.some((w) => w.includes('法律审核')))
  })

  test('an obstacle in the last six months suspends: the period ends six months after it ends', ({
    assert,
  }) => {
    // Period to 2025-12-31; obstacle 2025-08-01 … 2026-01-15 → ends 2026-07-15 (Wednesday).
    const outcome = run({
      dueDate: '2022-12-31',
      events: [event('suspension', '2025-08-01', { endDate: '2026-01-15' })],
    })
    assert.equal(period(outcome, 'litigation').end, '2026-07-15')
    assert.equal(outcome.events[0].effect, 'suspend')
    // An obstacle over before the last six months changes nothing.
    const early = run({
      dueDate: '2022-12-31',
      events: [event('suspension', '2025-01-01', { endDate: '2025-03-01' })],
    })
    assert.equal(period(early, 'litigation').end, '2025-12-31')
    assert.equal(early.events[0].effect, 'none')
    // Still there: no end date yet.
    const open = run({ dueDate: '2022-12-31', events: [event('suspension', '2025-09-01')] })
    assert.isNull(period(open, 'litigation').end)
    assert.equal(period(open, 'litigation').status, 'suspended')
  })

  test('a judgment closes the claim period and starts two years of 申请执行时效', ({ assert }) => {
    const outcome = run({
      dueDate: '2023-01-31',
      guarantees: [{ id: 3, type: 'mortgage', name: '抵押人乙' }],
      events: [
        event('lawsuit', '2024-03-01'),
        event('judgment', '2024-09-10', { endDate: '2024-09-30' }),
        event('enforcement_application', '2025-10-15'),
      ],
    })
    assert.equal(period(outcome, 'litigation').status, 'closed')
    const enforcement = period(outcome, 'enforcement')
    // 2024-09-30 + 2y = 2026-09-30; the application on 2025-10-15 restarts it → 2027-10-15.
    assert.equal(enforcement.end, '2027-10-15')
    // §419: the mortgage follows the main claim.
    assert.equal(period(outcome, 'mortgage:3').end, '2027-10-15')
  })

  test('the 20-year outer limit is its own period and warns when outlasted', ({ assert }) => {
    const outcome = run({
      dueDate: '2006-03-01',
      events: [
        event('collection', '2008-02-01'),
        event('collection', '2010-12-01'),
        event('collection', '2013-11-01'),
        event('acknowledgement', '2016-10-03'),
        event('collection', '2019-09-02'),
        event('collection', '2022-08-01'),
        event('collection', '2025-07-01'),
      ],
    })
    assert.equal(period(outcome, 'outer_limit').end, '2026-03-02')
    assert.isTrue(outcome.warnings.some((w) => w.includes('二十年')))
  })

  test('a claim against the guarantor within the guarantee period marks it exercised', ({
    assert,
  }) => {
    const outcome = run({
      dueDate: '2025-06-30',
      guarantees: [
        { id: 1, type: 'guaranty', name: '保证人甲' },
        { id: 2, type: 'guaranty', name: '保证人乙' },
      ],
      events: [
        event('guarantor_claim', '2025-11-03', { guaranteeId: 1 }),
        event('guarantor_claim', '2026-02-02', { guaranteeId: 2 }),
      ],
    })
    assert.equal(period(outcome, 'guarantee:1').status, 'exercised')
    assert.equal(period(outcome, 'guarantee:2').status, 'expired')
    assert.equal(period(outcome, 'guarantee:2').end, '2025-12-30')
    assert.deepEqual(
      outcome.events.map((e) => e.effect),
      ['claim', 'none']
    )
  })
})
