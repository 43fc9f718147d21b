import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor } from '#tests/helpers/auth'

/*
| Issue 12 defect 13: impossible dates on list filters (2023-02-30,
| 2023-13-45) were accepted and rolled over or matched nothing; a typed % or _
| in a keyword was a LIKE wildcard. Now such dates are 422 wherever a filter
| takes a date, and keyword wildcards are literal characters.
*/
const IMPOSSIBLE = ['2023-02-30', '2023-13-45', '2023-04-31']

test.group('Security · strict list filters', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const dateFilters: Array<[string, string, string]> = [
    ['admin', '/api/system/notices', 'dateFrom'],
    ['admin', '/api/system/audit/operation-logs', 'from'],
    ['admin', '/api/system/audit/login-logs', 'to'],
    ['admin', '/api/ledgers/risk-recoveries/rows', 'paidOnFrom'],
    ['admin', '/api/disposal/plans', 'createdFrom'],
  ]
  for (const [user, url, field] of dateFilters) {
    test(`${url} refuses impossible dates in ${field}`, async ({ client, assert }) => {
      const token = await tokenFor(user)
      for (const date of IMPOSSIBLE) {
        const response = await client
          .get(url)
          .qs({ [field]: date })
          .bearerToken(token)
        response.assertStatus(422)
        assert.equal(response.body().errors?.[0]?.field, field, `${url} ${date}`)
      }
      ;(
        await client
          .get(url)
          .qs({ [field]: '2024-02-29' })
          .bearerToken(token)
      ).assertStatus(200)
    })
  }

  test('audit filters refuse an impossible time too', async ({ client }) => {
    ;(
      await client
        .get('/api/system/audit/operation-logs')
        .qs({ from: '2024-01-01 25:61' })
        .bearerToken(await tokenFor('admin'))
    ).assertStatus(422)
  })

  test('a typed % or _ in a keyword matches itself, not everything', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    for (const url of ['/api/system/users', '/api/system/roles', '/api/system/sessions']) {
      const all = await client.get(url).bearerToken(admin)
      all.assertStatus(200)
      assert.isAbove(all.body().meta.total, 0)
      for (const keyword of ['%', '%%', '__', '!']) {
        const response = await client.get(url).qs({ keyword }).bearerToken(admin)
        response.assertStatus(200)
        assert.equal(response.body().meta.total, 0, `${url} keyword ${keyword}`)
      }
    }
    // A literal underscore still finds names that contain one.
    const underscored = await client
      .get('/api/system/users')
      .qs({ keyword: 'bj_' })
      .bearerToken(admin)
    assert.isAbove(underscored.body().meta.total, 0)
  })
})
