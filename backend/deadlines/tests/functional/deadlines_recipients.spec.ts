import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { importHolidayFile } from '#core/holidays/holiday_import'
import { deadlines, type DeadlineInput } from '#core/deadlines/deadline_service'
import { deadlineClock } from '#core/deadlines/deadline_clock'
import { raiseDueReminders } from '#core/deadlines/daily_reminders'
import { queue } from '#core/queue/queue'
import { userWith } from '#tests/helpers/auth'
import { grantPermission, grantRole, makeOrg } from '#tests/factories/identity'

/*
| Deadlines for "whoever handles it at that org": orgId + permission instead of
| user ids. The holders are found through the core permission lookup at each
| reminder, so only active users of that very org whose active roles grant the
| permission are reminded and see it in GET /api/deadlines/mine.
*/
const HANDLE = 'test:deadline:handle'
const SLEEPING = 'test:deadline:sleeping'

/** A fresh 支行 under 总行, so no demo user sits in it. */
const freshOrg = async (code: string) => (await makeOrg({ code, name: `测试支行${code}` })).id

const base = (orgId: number, over: Partial<DeadlineInput> = {}): DeadlineInput => ({
  source: 'test',
  kind: 'test:limitation',
  subjectType: 'loan',
  subjectId: 'L-200',
  title: '诉讼时效届满',
  dueDate: '2026-10-14',
  rule: '民法典第188条',
  offsets: [7, 1],
  orgId,
  permission: HANDLE,
  ...over,
})

const titlesOf = async (userId: number) =>
  (await db.from('messages').where('user_id', userId).orderBy('id')).map((m) => m.title)

test.group('Deadlines · org + permission recipients', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await importHolidayFile({
      content: readFileSync(app.makePath('database/data/holiday-cn/2026.json'), 'utf8'),
      format: 'json',
      year: 2026,
    })
    await db.table('permissions').multiInsert([
      { code: HANDLE, source: 'test', name_zh: '测试办理', name_en: 'Handle', active: true },
      { code: SLEEPING, source: 'test', name_zh: '停用插件权限', name_en: 'Off', active: false },
    ])
    return async () => {
      deadlineClock.fix(null)
      await queue.drain()
      await rollback()
    }
  })

  test('only the org users holding the permission are reminded and see it', async ({
    assert,
    client,
  }) => {
    const orgId = await freshOrg('T-DL1')
    await freshOrg('T-DL2')
    const holder = await userWith({ permissions: [HANDLE], orgCode: 'T-DL1' })
    const colleague = await userWith({ permissions: ['system:notice:list'], orgCode: 'T-DL1' })
    const sleeping = await userWith({ permissions: [SLEEPING], orgCode: 'T-DL1' })
    const elsewhere = await userWith({ permissions: [HANDLE], orgCode: 'T-DL2' })
    const left = await userWith({ permissions: [HANDLE], orgCode: 'T-DL1' })
    await db.from('users').where('id', left.user.id).update({ status: 'disabled' })

    // 7 working days before 10-14 (国庆 skipped) is 09-29: raised at once.
    deadlineClock.fix('2026-09-29')
    await deadlines.upsert(base(orgId))

    assert.deepEqual(await titlesOf(holder.user.id), ['时效提醒：诉讼时效届满'])
    for (const other of [colleague, sleeping, elsewhere, left])
      assert.deepEqual(await titlesOf(other.user.id), [], other.user.username)
    assert.lengthOf(await db.from('deadline_users'), 0)

    const mine = await client.get('/api/deadlines/mine').bearerToken(holder.token)
    mine.assertStatus(200)
    assert.deepEqual(
      mine.body().data.map((d: any) => [d.title, d.dueDate]),
      [['诉讼时效届满', '2026-10-14']]
    )
    for (const other of [colleague, sleeping, elsewhere]) {
      const theirs = await client.get('/api/deadlines/mine').bearerToken(other.token)
      theirs.assertStatus(200)
      assert.deepEqual(theirs.body().data, [], other.user.username)
    }
  })

  test('holders are looked up at each reminder: a newly granted clerk gets the next one', async ({
    assert,
  }) => {
    const orgId = await freshOrg('T-DL3')
    const first = await userWith({ permissions: [HANDLE], orgCode: 'T-DL3' })
    const later = await userWith({ permissions: [], orgCode: 'T-DL3' })
    deadlineClock.fix('2026-09-29')
    await deadlines.upsert(base(orgId))
    assert.lengthOf(await titlesOf(first.user.id), 1)
    assert.lengthOf(await titlesOf(later.user.id), 0)

    // The second clerk is given the role (permission) before the 1-day reminder of 10-13.
    await grantPermission(later, HANDLE)
    await raiseDueReminders('2026-10-13')
    assert.lengthOf(await titlesOf(first.user.id), 2)
    assert.deepEqual(await titlesOf(later.user.id), ['时效提醒：诉讼时效届满'])
  })

  test('named users and org holders together; a super admin of the org holds every permission', async ({
    assert,
  }) => {
    const orgId = await freshOrg('T-DL4')
    await freshOrg('T-DL5')
    const holder = await userWith({ permissions: [HANDLE], orgCode: 'T-DL4' })
    const manager = await userWith({ permissions: [], orgCode: 'T-DL5' })
    const admin = await userWith({ permissions: [], orgCode: 'T-DL4' })
    await grantRole(admin, 'admin')

    deadlineClock.fix('2026-09-29')
    await deadlines.upsert(base(orgId, { userIds: [manager.user.id] }))
    for (const who of [holder, manager, admin])
      assert.deepEqual(await titlesOf(who.user.id), ['时效提醒：诉讼时效届满'], who.user.username)
  })

  test('upserting with a permission replaces the named people; a permission needs an org', async ({
    assert,
  }) => {
    const orgId = await freshOrg('T-DL6')
    const named = await userWith({ permissions: [], orgCode: 'T-DL6' })
    deadlineClock.fix('2026-09-01')
    await deadlines.upsert(base(orgId, { userIds: [named.user.id], permission: undefined }))
    assert.lengthOf(await db.from('deadline_users'), 1)
    await deadlines.upsert(base(orgId))
    assert.lengthOf(await db.from('deadline_users'), 0)
    const row = await db.from('deadlines').where('subject_id', 'L-200').firstOrFail()
    assert.equal(row.permission, HANDLE)

    await assert.rejects(
      () => deadlines.upsert(base(orgId, { orgId: undefined, subjectId: 'L-201' })),
      /a permission needs an orgId/
    )
  })
})
