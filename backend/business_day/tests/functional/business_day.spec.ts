import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate, shanghaiToday } from '#core/business_day/business_date'
import { runDailyStep } from '#core/business_day/daily_step'
import { runEndOfDay } from '#core/business_day/end_of_day'

test.group('Business date and daily steps', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('today in Shanghai, not in UTC', ({ assert }) => {
    // 2026-01-31 17:30 UTC is already 1 February in Shanghai.
    assert.equal(shanghaiToday(new Date('2026-01-31T17:30:00Z')), '2026-02-01')
    assert.equal(shanghaiToday(new Date('2026-01-31T15:59:59Z')), '2026-01-31')
  })

  test('a daily step runs once per business date, however often it is called', async ({
    assert,
  }) => {
    let runs = 0
    const step = () =>
      runDailyStep('test:count', '2026-03-31', async (trx) => {
        runs++
        await trx.from('business_day').select('id')
      })
    assert.isTrue(await step())
    assert.isFalse(await step())
    assert.isFalse(await step())
    assert.equal(runs, 1)
    assert.isTrue(await runDailyStep('test:count', '2026-04-01', async () => {}))
  })

  test('a step that fails leaves no record and can run again', async ({ assert }) => {
    await assert.rejects(
      () =>
        runDailyStep('test:fail', '2026-03-31', async () => {
          throw new Error('boom')
        }),
      /boom/
    )
    assert.isNull(await db.from('daily_step_runs').where('step', 'test:fail').first())
    assert.isTrue(await runDailyStep('test:fail', '2026-03-31', async () => {}))
  })

  test('end of day advances the date once; a rerun for the same date changes nothing', async ({
    assert,
  }) => {
    await businessDate.set('2026-12-31')
    const report = await runEndOfDay()
    assert.equal(report.businessDate, '2026-12-31')
    assert.equal(report.nextBusinessDate, '2027-01-01')
    // An operator reruns the same day's end of day (e.g. after a crash report).
    await businessDate.set('2026-12-31')
    await runEndOfDay()
    assert.equal(await businessDate.current(), '2026-12-31')
  })

  test('code can run as of a past business date', async ({ assert }) => {
    await businessDate.set('2026-11-24')
    const seen = await businessDate.runAs('2024-02-29', () => businessDate.current())
    assert.equal(seen, '2024-02-29')
    assert.equal(await businessDate.current(), '2026-11-24')
  })
})
