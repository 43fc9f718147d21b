import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { seedDefaultHolidays } from '#core/holidays/seed_holidays'
import { workingDays } from '#core/holidays/working_days'

/*
| The default calendar: every State Council arrangement from 2015 on, shipped in
| database/data/holiday-cn and loaded by `demo:seed` in both modes; a year
| already in the database (an administrator's import) is left alone.
*/
test.group('Holidays · the default calendar', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('ships 2015–2026 and never overwrites a year already imported', async ({ assert }) => {
    await db.from('holiday_calendar_days').delete()
    const first = await seedDefaultHolidays()
    assert.deepEqual(
      first.imported.map((r) => r.year),
      [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    )
    assert.deepInclude(
      first.imported.find((r) => r.year === 2025)!,
      { holidays: 28, workdays: 5 }
    )
    const calendar = await workingDays.calendar()
    assert.isTrue(calendar.hasCalendar(2015))
    assert.isFalse(calendar.hasCalendar(2014))
    // 2015: 春节 2-18 … 2-24 off; Saturday 2-28 worked. 2019's 元旦 moved 2018-12-29 (worked).
    assert.isFalse(calendar.isWorkingDay('2015-02-18'))
    assert.isTrue(calendar.isWorkingDay('2015-02-28'))
    assert.isTrue(calendar.isWorkingDay('2018-12-29'))
    // A period ending on National Day 2025 ends on 2025-10-09 (§203).
    assert.equal(calendar.periodEnd('2025-10-01'), '2025-10-09')

    // An administrator's correction of 2020 survives the next seed.
    await db
      .from('holiday_calendar_days')
      .where('date', '2020-01-24')
      .update({ name: '除夕（改）' })
    const again = await seedDefaultHolidays()
    assert.lengthOf(again.imported, 0)
    assert.lengthOf(again.skipped, 12)
    const kept = await db.from('holiday_calendar_days').where('date', '2020-01-24').first()
    assert.equal(kept.name, '除夕（改）')
  })
})
