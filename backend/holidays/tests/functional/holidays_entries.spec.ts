import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'
import { workingDays } from '#core/holidays/working_days'
import { dbNow } from '#core/db/db_time'

/*
| 节假日管理 over HTTP: one-entry CRUD, and the working-day service seeing every
| change at once, including one made by another app node.
*/

test.group('Holidays · one entry at a time', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create, update and delete one entry; the service follows each step', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    assert.isTrue(await workingDays.isWorkingDay('2032-10-01'))

    const created = await client
      .post('/api/system/holidays')
      .bearerToken(admin)
      .json({ date: '2032-10-01', kind: 'holiday', name: '国庆节' })
    created.assertStatus(201)
    assert.deepInclude(created.body(), {
      date: '2032-10-01',
      kind: 'holiday',
      name: '国庆节',
      year: 2032,
    })
    const id = created.body().id
    assert.isFalse(await workingDays.isWorkingDay('2032-10-01'))
    assert.isTrue(await workingDays.hasCalendar(2032))

    const duplicate = await client
      .post('/api/system/holidays')
      .bearerToken(admin)
      .json({ date: '2032-10-01', kind: 'workday', name: '国庆节' })
    duplicate.assertStatus(422)
    assert.deepEqual(duplicate.body().errors, [
      { field: 'date', rule: 'unique', message: '日期 2032-10-01 已登记' },
    ])

    // 2032-10-02 is a Saturday: make it a 调休 working day instead.
    const updated = await client
      .put(`/api/system/holidays/${id}`)
      .bearerToken(admin)
      .json({ date: '2032-10-02', kind: 'workday', name: '国庆节调休' })
    updated.assertStatus(200)
    assert.deepInclude(updated.body(), { id, date: '2032-10-02', kind: 'workday' })
    assert.isTrue(await workingDays.isWorkingDay('2032-10-01'))
    assert.isTrue(await workingDays.isWorkingDay('2032-10-02'))

    const removed = await client.delete(`/api/system/holidays/${id}`).bearerToken(admin)
    removed.assertStatus(204)
    assert.isFalse(await workingDays.isWorkingDay('2032-10-02'))
    assert.isFalse(await workingDays.hasCalendar(2032))

    // Another session (the same one would be stopped as a repeated submit) finds it gone.
    const other = await tokenFor('admin')
    const again = await client.delete(`/api/system/holidays/${id}`).bearerToken(other)
    again.assertStatus(404)
    const missing = await client
      .put(`/api/system/holidays/${id}`)
      .bearerToken(other)
      .json({ date: '2032-10-02', kind: 'workday', name: 'x' })
    missing.assertStatus(404)
  })

  test('an entry needs a real date inside its arrangement year and a known kind', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    const invalid = await client
      .post('/api/system/holidays')
      .bearerToken(admin)
      .json({ date: '2032-02-30', kind: 'rest', name: '' })
    invalid.assertStatus(422)
    const fields = invalid.body().errors.map((e: { field: string }) => e.field)
    assert.includeMembers(fields, ['date', 'kind', 'name'])
    assert.equal(
      invalid.body().errors.find((e: { field: string }) => e.field === 'date').message,
      '日期不是有效的日期'
    )

    const outside = await client
      .post('/api/system/holidays')
      .bearerToken(admin)
      .json({ date: '2032-10-01', kind: 'holiday', name: '国庆节', year: 2031 })
    outside.assertStatus(422)
    assert.deepEqual(outside.body().errors[0], {
      field: 'date',
      rule: 'holidayYear',
      message: '日期 2032-10-01 不在 2031 年放假安排的范围内（2030-12-01 至 2031-12-31）',
    })
  })
})

test.group('Holidays · every app node sees a change', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a change committed by another node (version bump) is seen on the next call', async ({
    assert,
  }) => {
    // Warm this process's cache.
    assert.isTrue(await workingDays.isWorkingDay('2033-05-02'))
    // Another node adds 2033-05-02 as a holiday: rows plus version, no call to our forget().
    await db.table('holiday_calendar_days').insert({
      date: '2033-05-02',
      kind: 'holiday',
      name: '劳动节',
      year: 2033,
      created_at: dbNow(),
      updated_at: dbNow(),
    })
    assert.isTrue(await workingDays.isWorkingDay('2033-05-02'), 'no version bump, cache kept')
    await db
      .from('holiday_calendar_state')
      .where('id', 1)
      .update({ version: db.connection().knexRawQuery('?? + 1', ['version']) })
    assert.isFalse(await workingDays.isWorkingDay('2033-05-02'))
  })
})
