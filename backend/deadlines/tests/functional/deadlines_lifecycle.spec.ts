import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { importHolidayFile } from '#core/holidays/holiday_import'
import { deadlines, type DeadlineInput } from '#core/deadlines/deadline_service'
import { deadlineClock } from '#core/deadlines/deadline_clock'
import { raiseDueReminders } from '#core/deadlines/daily_reminders'
import { businessDate } from '#core/business_day/business_date'
import { dailySteps, runEndOfDay } from '#core/business_day/end_of_day'
import { jobRegistry } from '#core/queue/job_registry'
import { queue } from '#core/queue/queue'
import { userWith } from '#tests/helpers/auth'

/*
| Deadlines over time: an upsert whose reminder is already due raises it at
| once; moving the due date re-arms the reminders; removing stops them; overdue
| goes once; the end-of-day step and the scheduled job are registered; the
| home page's GET /api/deadlines/mine splits upcoming and overdue.
*/
const base = (userIds: number[], over: Partial<DeadlineInput> = {}): DeadlineInput => ({
  source: 'test',
  kind: 'test:limitation',
  subjectType: 'loan',
  subjectId: 'L-100',
  title: '诉讼时效届满',
  dueDate: '2026-10-14',
  rule: '民法典第188条',
  offsets: [7, 1],
  userIds,
  ...over,
})

const titlesOf = async (userId: number) =>
  (await db.from('messages').where('user_id', userId).orderBy('id')).map((m) => m.title)

test.group('Deadlines · lifecycle', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await importHolidayFile({
      content: readFileSync(app.makePath('database/data/holiday-cn/2026.json'), 'utf8'),
      format: 'json',
      year: 2026,
    })
    return async () => {
      deadlineClock.fix(null)
      await queue.drain()
      await rollback()
    }
  })

  test('an upsert whose reminder date has come raises it at once, and only once', async ({
    assert,
  }) => {
    const { user } = await userWith({ permissions: [] })
    deadlineClock.fix('2026-10-09')
    await deadlines.upsert(base([user.id]))
    assert.deepEqual(await titlesOf(user.id), ['时效提醒：诉讼时效届满'])
    await deadlines.upsert(base([user.id], { title: '诉讼时效届满（更正）' }))
    await raiseDueReminders('2026-10-09')
    assert.lengthOf(await titlesOf(user.id), 1)
    const reminders = await db.from('deadline_reminders').orderBy('offset_days', 'desc')
    assert.deepEqual(
      reminders.map((r) => [r.offset_days, r.status]),
      [[7, 'sent']]
    )
  })

  test('moving the due date re-arms the reminders; removing stops them', async ({ assert }) => {
    const { user } = await userWith({ permissions: [] })
    deadlineClock.fix('2026-09-29')
    await deadlines.upsert(base([user.id]))
    assert.lengthOf(await titlesOf(user.id), 1)
    // 展期: due date moves a month on; the 7-day reminder will come again for it.
    await deadlines.upsert(base([user.id], { dueDate: '2026-11-16' }))
    assert.lengthOf(await titlesOf(user.id), 1)
    await raiseDueReminders('2026-11-05')
    assert.lengthOf(await titlesOf(user.id), 2)

    await deadlines.remove({
      source: 'test',
      kind: 'test:limitation',
      subjectType: 'loan',
      subjectId: 'L-100',
    })
    await raiseDueReminders('2026-11-13')
    await raiseDueReminders('2026-11-17')
    assert.lengthOf(await titlesOf(user.id), 2)
  })

  test('overdue goes once, on the first working day after the due date', async ({ assert }) => {
    const { user } = await userWith({ permissions: [] })
    deadlineClock.fix('2026-09-21')
    await deadlines.upsert(base([user.id], { dueDate: '2026-09-30', offsets: [] }))
    for (const day of ['2026-09-30', '2026-10-01', '2026-10-07']) await raiseDueReminders(day)
    assert.lengthOf(await titlesOf(user.id), 0)
    await raiseDueReminders('2026-10-08')
    await raiseDueReminders('2026-10-09')
    assert.deepEqual(await titlesOf(user.id), ['时效已到期：诉讼时效届满'])
  })

  test('the reminder run is an end-of-day step and a scheduled job', async ({ assert }) => {
    assert.include(
      dailySteps.all().map((s) => s.name),
      'system:deadline-reminders'
    )
    assert.equal(jobRegistry.get('system:deadline-reminders').schedule, '30 7 * * *')

    const { user } = await userWith({ permissions: [] })
    deadlineClock.fix('2026-09-24')
    await deadlines.upsert(base([user.id]))
    deadlineClock.fix(null)
    await businessDate.set('2026-09-29')
    const report = await runEndOfDay()
    assert.include(report.ran, 'system:deadline-reminders')
    assert.deepEqual(await titlesOf(user.id), ['时效提醒：诉讼时效届满'])
  })

  test('GET /api/deadlines/mine: upcoming nearest first, overdue apart, own only', async ({
    client,
    assert,
  }) => {
    const me = await userWith({ permissions: [] })
    const other = await userWith({ permissions: [] })
    deadlineClock.fix('2026-09-24')
    await deadlines.upsert(
      base([me.user.id], { subjectId: 'A', title: '甲', dueDate: '2026-10-14' })
    )
    await deadlines.upsert(
      base([me.user.id], { subjectId: 'B', title: '乙', dueDate: '2026-09-28' })
    )
    await deadlines.upsert(
      base([me.user.id], { subjectId: 'C', title: '丙', dueDate: '2026-09-10' })
    )
    await deadlines.upsert(
      base([other.user.id], { subjectId: 'D', title: '丁', dueDate: '2026-09-25' })
    )

    // From Thursday 09-24: 09-25…27 are 中秋 days off, 10-01…07 国庆, 10-10 a 调休 Saturday.
    const upcoming = await client.get('/api/deadlines/mine').bearerToken(me.token)
    upcoming.assertStatus(200)
    assert.deepEqual(
      upcoming.body().data.map((d: any) => [d.title, d.dueDate, d.workingDaysLeft, d.overdue]),
      [
        ['乙', '2026-09-28', 1, false],
        ['甲', '2026-10-14', 9, false],
      ]
    )
    const overdue = await client
      .get('/api/deadlines/mine')
      .qs({ status: 'overdue' })
      .bearerToken(me.token)
    assert.deepEqual(
      overdue.body().data.map((d: any) => [d.title, d.overdue, d.rule]),
      [['丙', true, '民法典第188条']]
    )
    const bad = await client.get('/api/deadlines/mine').qs({ status: 'soon' }).bearerToken(me.token)
    bad.assertStatus(422)
  })
})
