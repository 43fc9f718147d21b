import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { importHolidayFile } from '#core/holidays/holiday_import'
import { deadlines } from '#core/deadlines/deadline_service'
import { deadlineClock } from '#core/deadlines/deadline_clock'
import { queue } from '#core/queue/queue'
import { userWith } from '#tests/helpers/auth'
import { startSmtpServer, type TestSmtpServer } from '#tests/helpers/smtp'

/*
| Acceptance (issue 5): a deadline 7 working days out, registered before the
| 2026 National Day week, raises its reminder on the right date — counted on the
| State Council calendar — and not the day before, in-app and by e-mail that a
| real SMTP server receives.
|
| Due 2026-10-14 (Wed). Seven working days back, skipping 10-01…10-07 and
| counting the 调休 Saturday 10-10: 10-13, 10-12, 10-10, 10-09, 10-08, 09-30,
| 09-29. A weekends-only count would say 10-05, in the middle of the holiday.
*/
const DUE = '2026-10-14'
const REMIND_ON = '2026-09-29'
const DAY_BEFORE = '2026-09-28'

async function runDailyReminders(today: string) {
  deadlineClock.fix(today)
  await queue.dispatch('system:deadline-reminders')
  await queue.drain()
}

/** Deliveries are queued after the reminder's transaction commits: wait for them to settle. */
async function settledDeliveries(userId: number) {
  for (let i = 0; i < 200; i++) {
    const rows = await db
      .from('message_deliveries as d')
      .join('messages as m', 'm.id', 'd.message_id')
      .where('m.user_id', userId)
      .select('d.channel', 'd.status', 'd.detail', 'd.attempts')
    if (rows.length && rows.every((r) => r.status !== 'queued')) return rows
    await queue.drain()
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('deliveries did not settle')
}

test.group('Deadline reminders · holiday week (acceptance)', (group) => {
  let smtp: TestSmtpServer
  group.setup(async () => {
    smtp = await startSmtpServer()
    return () => smtp.stop()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => deadlineClock.fix(null))

  test('7 working days before a due date after 国庆 is 09-29, not the day before', async ({
    assert,
    client,
  }) => {
    await importHolidayFile({
      content: readFileSync(app.makePath('database/data/holiday-cn/2026.json'), 'utf8'),
      format: 'json',
      year: 2026,
    })
    const { user, token } = await userWith({ permissions: [] })
    user.email = 'zhang.san@bank.test'
    await user.save()

    // Registered on Thursday 09-24, before the 中秋/国庆 holidays.
    deadlineClock.fix('2026-09-24')
    await deadlines.upsert({
      source: 'test',
      kind: 'test:limitation',
      subjectType: 'loan',
      subjectId: 'L-001',
      title: '借款人<王五>诉讼时效届满',
      dueDate: DUE,
      rule: '民法典第188条：诉讼时效三年',
      offsets: [7],
      userIds: [user.id],
      link: '/p/test/Loan?id=L-001',
    })
    const unread = async () =>
      (await client.get('/api/messages/unread-count').bearerToken(token)).body().count

    assert.equal(await unread(), 0)
    await runDailyReminders(DAY_BEFORE)
    assert.equal(await unread(), 0, 'nothing on the working day before')
    assert.lengthOf(smtp.received, 0)

    await runDailyReminders(REMIND_ON)
    assert.equal(await unread(), 1)
    const list = await client.get('/api/messages').bearerToken(token)
    list.assertStatus(200)
    const [message] = list.body().data
    assert.equal(message.type, 'deadline.reminder')
    assert.include(message.title, '借款人<王五>诉讼时效届满')
    assert.include(message.body, DUE)
    assert.include(message.body, '剩余 7 个工作日')
    assert.equal(message.link, '/p/test/Loan?id=L-001')

    const deliveries = await settledDeliveries(user.id)
    assert.deepInclude(
      deliveries.map((d) => [d.channel, d.status]),
      ['email', 'sent']
    )
    const [mail] = await smtp.waitForMail(1)
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null, user.email)
    assert.include(mail.subject ?? '', '借款人<王五>诉讼时效届满')
    // Handlebars escaped the name in the HTML body; the text part shows it as typed.
    assert.include(String(mail.html), '借款人&lt;王五&gt;')
    assert.notInclude(String(mail.html), '<王五>')
    assert.include(mail.text ?? '', '剩余 7 个工作日')

    // The same day again (a second node, a rerun): nothing new.
    await runDailyReminders(REMIND_ON)
    assert.equal(await unread(), 1)
    assert.lengthOf(smtp.received, 1)

    const mine = await client.get('/api/deadlines/mine').bearerToken(token)
    mine.assertStatus(200)
    assert.containsSubset(mine.body().data, [
      { title: '借款人<王五>诉讼时效届满', dueDate: DUE, workingDaysLeft: 7, overdue: false },
    ])
  })
})
