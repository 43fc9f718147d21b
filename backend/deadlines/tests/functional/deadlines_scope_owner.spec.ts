import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { importHolidayFile } from '#core/holidays/holiday_import'
import { deadlines, type DeadlineInput } from '#core/deadlines/deadline_service'
import { deadlineClock } from '#core/deadlines/deadline_clock'
import { raiseDueReminders } from '#core/deadlines/daily_reminders'
import { recordRecipients } from '#core/identity/record_recipients'
import { queue } from '#core/queue/queue'
import { dbNow } from '#core/db/db_time'
import { buildBook } from '#tests/fixtures/book'

/*
| Deadlines follow the record's data scope and the plugin that owns them:
| a 仅本人 clerk is not reminded of another manager's record (they would get a
| 404 on it), and a disabled plugin's deadlines are hidden and silent until it
| is enabled again. Built on the shared test book (tests/fixtures/book.ts).
*/
const HANDLE = 'test:deadline:handle'
const SLEEPER = 'test-sleeper'

const deadline = (over: Partial<DeadlineInput>): DeadlineInput => ({
  source: 'test',
  kind: 'test:limitation',
  subjectType: 'loan',
  subjectId: 'L-300',
  title: '诉讼时效届满',
  dueDate: '2026-10-14',
  rule: '民法典第188条',
  offsets: [7, 1],
  ...over,
})

const titlesOf = async (userId: number) =>
  (await db.from('messages').where('user_id', userId).orderBy('id')).map((m) => m.title)

test.group('Deadlines · record scope and owning plugin', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await importHolidayFile({
      content: readFileSync(app.makePath('database/data/holiday-cn/2026.json'), 'utf8'),
      format: 'json',
      year: 2026,
    })
    await db.table('permissions').insert({
      code: HANDLE,
      source: 'test',
      name_zh: '测试办理',
      name_en: 'Handle',
      active: true,
    })
    return async () => {
      deadlineClock.fix(null)
      await queue.drain()
      await rollback()
    }
  })

  test('a 仅本人 user is not reminded of another manager’s record; the owner and the org clerk are', async ({
    assert,
    client,
  }) => {
    const book = await buildBook({ permissions: [HANDLE] })
    const sub1 = book.orgs.subBranches[0]
    const { accountManagerA: a, accountManagerB: b, subBranchClerk: clerk } = book.people
    // The record belongs to manager B at the first sub-branch.
    const record = { orgId: sub1, ownerId: b.id }

    deadlineClock.fix('2026-09-29')
    await deadlines.upsert(deadline({ orgId: sub1, permission: HANDLE, record }))

    assert.deepEqual(await titlesOf(b.id), ['时效提醒：诉讼时效届满'])
    assert.deepEqual(await titlesOf(clerk.id), ['时效提醒：诉讼时效届满'])
    assert.deepEqual(await titlesOf(a.id), [])

    const theirs = async (token: string) => {
      const response = await client.get('/api/deadlines/mine').bearerToken(token)
      response.assertStatus(200)
      return response.body().data.map((d: any) => d.title)
    }
    assert.deepEqual(await theirs(b.token), ['诉讼时效届满'])
    assert.deepEqual(await theirs(clerk.token), ['诉讼时效届满'])
    assert.deepEqual(await theirs(a.token), [])

    // The next reminder (1 working day before) follows the same rule.
    await raiseDueReminders('2026-10-13')
    assert.lengthOf(await titlesOf(b.id), 2)
    assert.deepEqual(await titlesOf(a.id), [])

    // The same rule for a plugin's own messages: recordRecipients.
    assert.sameMembers(await recordRecipients({ orgId: sub1, permission: HANDLE, record }), [
      b.id,
      clerk.id,
    ])
  })

  test('without a record owner, 仅本人 users are not reminded at all; org-wide users are', async ({
    assert,
  }) => {
    const book = await buildBook({ permissions: [HANDLE] })
    const sub1 = book.orgs.subBranches[0]
    deadlineClock.fix('2026-09-29')
    await deadlines.upsert(deadline({ orgId: sub1, permission: HANDLE }))
    assert.lengthOf(await titlesOf(book.people.subBranchClerk.id), 1)
    assert.deepEqual(await titlesOf(book.people.accountManagerA.id), [])
    assert.deepEqual(await titlesOf(book.people.accountManagerB.id), [])
  })

  test('a disabled plugin’s deadlines are hidden and silent, and come back when it is enabled', async ({
    assert,
    client,
  }) => {
    const book = await buildBook({ permissions: [HANDLE] })
    const owner = book.people.accountManagerA
    await db.table('installed_plugins').insert({
      id: SLEEPER,
      name_zh: '停用插件',
      name_en: 'Sleeper',
      version: '1.0.0',
      depends_on: '[]',
      active: false,
      load_order: 99,
      created_at: dbNow(),
      updated_at: dbNow(),
    })
    const mine = async () => {
      const response = await client.get('/api/deadlines/mine').bearerToken(owner.token)
      response.assertStatus(200)
      return response.body().data.map((d: any) => d.title)
    }

    // Due for its 7-day reminder today, but the plugin is off: nothing is sent or shown.
    deadlineClock.fix('2026-09-29')
    await deadlines.upsert(deadline({ source: SLEEPER, userIds: [owner.id] }))
    assert.deepEqual(await titlesOf(owner.id), [])
    assert.deepEqual(await mine(), [])
    assert.deepEqual(await raiseDueReminders('2026-09-29'), { checked: 0, sent: 0 })

    // Enabled again: listed, and the reminder that fell due goes out on the next run.
    await db.from('installed_plugins').where('id', SLEEPER).update({ active: true })
    assert.deepEqual(await mine(), ['诉讼时效届满'])
    await raiseDueReminders('2026-09-30')
    assert.deepEqual(await titlesOf(owner.id), ['时效提醒：诉讼时效届满'])
  })

  test('remove is a soft delete: the row stays with removed_at, is no longer listed, and upsert revives it', async ({
    assert,
  }) => {
    const book = await buildBook({ permissions: [HANDLE] })
    const owner = book.people.accountManagerA
    deadlineClock.fix('2026-09-01')
    const key = { source: 'test', kind: 'test:limitation', subjectType: 'loan', subjectId: 'L-300' }
    await deadlines.upsert(deadline({ userIds: [owner.id] }))
    await deadlines.remove(key)
    const row = await db.from('deadlines').where('subject_id', 'L-300').firstOrFail()
    assert.isNotNull(row.removed_at)
    assert.deepEqual(await raiseDueReminders('2026-10-13'), { checked: 0, sent: 0 })
    await deadlines.upsert(deadline({ userIds: [owner.id], dueDate: '2026-12-15' }))
    const revived = await db.from('deadlines').where('id', row.id).firstOrFail()
    assert.isNull(revived.removed_at)
  })
})
