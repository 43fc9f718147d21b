import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'
import { file2025 } from '#tests/helpers/holidays'
import { workingDays } from '#core/holidays/working_days'

/*
| 节假日管理 over HTTP: importing the State Council's 2025 arrangement (the
| holiday-cn file shipped in database/data), the calendar view, and 422s on bad
| files.
*/

const rowsOf = async (year: number) =>
  Number((await db.from('holiday_calendar_days').where('year', year).count('* as n').first()).n)

test.group('Holidays · import a year', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the 2025 holiday-cn file imports with its counts', async ({ client, assert }) => {
    const before = await rowsOf(2025)
    const response = await client
      .post('/api/system/holidays/import')
      .bearerToken(await tokenFor('admin'))
      .json({ year: 2025, format: 'json', content: file2025() })
    response.assertStatus(200)
    assert.deepEqual(response.body(), {
      year: 2025,
      holidays: 28,
      workdays: 5,
      total: 33,
      replaced: before,
    })

    const list = await client
      .get('/api/system/holidays')
      .qs({ year: 2025, perPage: 100 })
      .bearerToken(await tokenFor('admin'))
    list.assertStatus(200)
    assert.equal(list.body().meta.total, 33)
    assert.deepInclude(list.body().data[0], {
      date: '2025-01-01',
      kind: 'holiday',
      name: '元旦',
      year: 2025,
    })

    const years = await client
      .get('/api/system/holidays/years')
      .bearerToken(await tokenFor('admin'))
    assert.deepInclude(years.body(), { year: 2025, holidays: 28, workdays: 5 })
  })

  test('the calendar API flags every day of the year, with names', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({ year: 2025, content: file2025() })
    const response = await client
      .get('/api/system/holidays/calendar')
      .qs({ year: 2025 })
      .bearerToken(admin)
    response.assertStatus(200)
    const view = response.body()
    assert.isTrue(view.hasCalendar)
    assert.deepEqual(view.summary, { workingDays: 248, restDays: 117, holidays: 28, workdays: 5 })
    assert.lengthOf(view.months, 12)
    const january = view.months[0].days
    assert.deepEqual(january[25], {
      date: '2025-01-26',
      weekday: 7,
      working: true,
      kind: 'workday',
      name: '春节',
    })
    assert.deepEqual(january[27], {
      date: '2025-01-28',
      weekday: 2,
      working: false,
      kind: 'holiday',
      name: '春节',
    })
    assert.deepEqual(january[3], {
      date: '2025-01-04',
      weekday: 6,
      working: false,
      kind: null,
      name: null,
    })
  })

  test('the working-day service answers from the new year at once', async ({ client, assert }) => {
    await client
      .post('/api/system/holidays/import')
      .bearerToken(await tokenFor('admin'))
      .json({ year: 2025, content: file2025() })
    assert.isTrue(await workingDays.hasCalendar(2025))
    assert.isFalse(await workingDays.isWorkingDay('2025-10-08'))
    assert.equal(await workingDays.addWorkingDays('2025-09-30', 3), '2025-10-11')
    assert.equal(await workingDays.periodEnd('2025-10-03'), '2025-10-09')
    assert.equal(await workingDays.workingDaysBetween('2025-09-30', '2025-10-11'), 3)
    assert.equal(await workingDays.nextWorkingDay('2025-01-24'), '2025-01-26')
  })

  test('a CSV import replaces the whole year', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({ year: 2025, content: file2025() })
    const csv = 'date,type,name\n2025-10-01,holiday,国庆节\n2025-09-28,workday,国庆节\n'
    const response = await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({ year: 2025, format: 'csv', content: csv })
    response.assertStatus(200)
    assert.deepEqual(response.body(), {
      year: 2025,
      holidays: 1,
      workdays: 1,
      total: 2,
      replaced: 33,
    })
    assert.equal(await rowsOf(2025), 2)
    // 2025-10-02 was 国庆节 in the file; the CSV did not list it, so it is an ordinary Thursday now.
    assert.isTrue(await workingDays.isWorkingDay('2025-10-02'))
  })
})

test.group('Holidays · bad files are refused with field messages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('bad dates, a duplicate and a bad flag: 422, one message each, year untouched', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({ year: 2025, content: file2025() })
    const bad = JSON.stringify({
      year: 2025,
      days: [
        { name: '春节', date: '2025-01-28', isOffDay: true },
        { name: '春节', date: '2025-02-30', isOffDay: true },
        { name: '春节', date: '2025-01-28', isOffDay: true },
        { name: '元旦', date: '2026-01-01', isOffDay: 'yes' },
      ],
    })
    const response = await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({ year: 2025, format: 'json', content: bad })
    response.assertStatus(422)
    assert.equal(response.body().message, '提交的数据有误，请检查标注的字段')
    assert.deepEqual(response.body().errors, [
      {
        field: 'days.1.date',
        rule: 'date',
        message: '第 2 条：日期“2025-02-30”无效，应为 YYYY-MM-DD',
      },
      {
        field: 'days.2.date',
        rule: 'distinct',
        message: '第 3 条：日期 2025-01-28 重复（第 1 条已有）',
      },
      {
        field: 'days.3.isOffDay',
        rule: 'boolean',
        message: '第 4 条：isOffDay 必须是 true（放假）或 false（调休上班）',
      },
      {
        field: 'days.3.date',
        rule: 'holidayYear',
        message:
          '第 4 条：日期 2026-01-01 不在 2025 年放假安排的范围内（2024-12-01 至 2025-12-31）',
      },
    ])
    assert.equal(await rowsOf(2025), 33)
  })

  test('messages follow Accept-Language', async ({ client, assert }) => {
    const response = await client
      .post('/api/system/holidays/import')
      .bearerToken(await tokenFor('admin'))
      .header('Accept-Language', 'en')
      .json({ year: 2025, format: 'csv', content: 'date,type,name\n2025-10-01,off,国庆节\n' })
    response.assertStatus(422)
    assert.deepEqual(response.body().errors, [
      {
        field: 'lines.2.type',
        rule: 'enum',
        message: 'Line 2: type "off" is invalid; use holiday or workday',
      },
    ])
  })

  test('the wrong year, an empty year, not JSON, no content', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const send = (body: Record<string, unknown>) =>
      client.post('/api/system/holidays/import').bearerToken(admin).json(body)

    const mismatch = await send({ year: 2024, format: 'json', content: file2025() })
    mismatch.assertStatus(422)
    assert.deepEqual(mismatch.body().errors[0], {
      field: 'year',
      rule: 'yearMismatch',
      message: '文件是 2025 年的放假安排，与所选的 2024 年不符',
    })

    const empty = await send({ year: 2027, content: '{"year": 2027, "papers": [], "days": []}' })
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].field, 'days')

    const notJson = await send({ year: 2025, format: 'json', content: '{"year": 2025,' })
    notJson.assertStatus(422)
    assert.equal(notJson.body().errors[0].field, 'content')

    const nothing = await send({ year: 2025, format: 'json' })
    nothing.assertStatus(422)
    assert.equal(nothing.body().errors[0].field, 'content')
  })

  test('a December date already in the previous arrangement is named', async ({
    client,
    assert,
  }) => {
    const admin = await tokenFor('admin')
    await client
      .post('/api/system/holidays')
      .bearerToken(admin)
      .json({ date: '2030-12-31', kind: 'holiday', name: '测试', year: 2030 })
    const response = await client
      .post('/api/system/holidays/import')
      .bearerToken(admin)
      .json({
        year: 2031,
        content: JSON.stringify({
          year: 2031,
          days: [
            { name: '元旦', date: '2030-12-31', isOffDay: true },
            { name: '元旦', date: '2031-01-01', isOffDay: true },
          ],
        }),
      })
    response.assertStatus(422)
    assert.deepEqual(response.body().errors, [
      {
        field: 'days.0.date',
        rule: 'unique',
        message: '第 1 条：日期 2030-12-31 已属于 2030 年的放假安排',
      },
    ])
    assert.equal(await rowsOf(2031), 0)
  })
})
