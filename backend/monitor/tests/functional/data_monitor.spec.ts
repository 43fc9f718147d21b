import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { audit } from '#core/audit/audit'
import { userWith } from '#tests/helpers/auth'

/*
| 数据监控: sign-ins and active users per day, by org, feature use by area — in
| the viewer's data scope — and the live backlog; the range is validated.
*/
const today = DateTime.now().toISODate()!
const weekAgo = DateTime.now().minus({ days: 6 }).toISODate()!

async function signIn(username: string, times = 1) {
  for (let i = 0; i < times; i++)
    await audit.record(null, { action: 'auth.login', actorUsername: username })
}

test.group('数据监控 (usage figures)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('counts sign-ins, active users and feature use; a branch sees its own org', async ({
    client,
    assert,
  }) => {
    // Only this test's rows: the range is today, and earlier rows of today are counted first.
    const before = await client
      .get('/api/system/monitor/usage')
      .qs({ from: today, to: today })
      .bearerToken((await userWith({ permissions: ['system:monitor:data'] })).token)
    const base = before.body().perDay[0]

    await signIn('bj_asset', 3)
    await signIn('admin', 2)
    await audit.record(null, {
      action: 'auth.login_failed',
      actorUsername: 'bj_asset',
      result: 'failure',
    })
    await audit.record(null, { action: 'monitorprobe.plan.create', actorUsername: 'admin' })
    await audit.record(null, { action: 'monitorprobe.plan.submit', actorUsername: 'admin' })

    const head = await userWith({ permissions: ['system:monitor:data'] })
    const response = await client
      .get('/api/system/monitor/usage')
      .qs({ from: weekAgo, to: today })
      .bearerToken(head.token)
    response.assertStatus(200)
    const body = response.body()
    assert.lengthOf(body.perDay, 7)
    assert.equal(body.perDay[0].day, weekAgo)
    const todayRow = body.perDay[6]
    assert.equal(todayRow.day, today)
    assert.equal(todayRow.logins, base.logins + 5)
    assert.equal(todayRow.failedLogins, base.failedLogins + 1)
    assert.isAtLeast(todayRow.activeUsers, 2)
    assert.deepInclude(body.features.areas, { area: 'monitorprobe', count: 2 })
    assert.deepInclude(body.features.topActions, { action: 'monitorprobe.plan.create', count: 1 })
    assert.isDefined(body.byOrg.find((o: any) => o.org === '北京分行'))
    assert.containsSubset(body.live, { outboxPending: Number(body.live.outboxPending) })

    const branch = await userWith({
      permissions: ['system:monitor:data'],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    const scoped = (
      await client
        .get('/api/system/monitor/usage')
        .qs({ from: today, to: today })
        .bearerToken(branch.token)
    ).body()
    assert.deepEqual(
      scoped.byOrg.map((o: any) => o.org),
      ['北京分行'],
      'a branch sees its own staff only'
    )
    assert.notDeepInclude(scoped.features.areas, { area: 'monitorprobe', count: 2 })
  })

  test('bad ranges are 422 with the reason; no permission is 403', async ({ client, assert }) => {
    const { token } = await userWith({ permissions: ['system:monitor:data'] })
    const get = (qs: Record<string, string>) =>
      client
        .get('/api/system/monitor/usage')
        .qs(qs)
        .bearerToken(token)
        .header('Accept-Language', 'zh-CN')
    const impossible = await get({ from: '2026-02-30', to: today })
    impossible.assertStatus(422)
    const reversed = await get({ from: today, to: weekAgo })
    reversed.assertStatus(422)
    assert.equal(reversed.body().errors[0].message, '结束日期不能早于开始日期')
    const long = await get({ from: '2026-01-01', to: '2026-06-30' })
    long.assertStatus(422)
    assert.equal(long.body().errors[0].message, '统计区间不能超过 92 天')
    const unknown = await get({ from: weekAgo, to: today, orgId: '1' })
    unknown.assertStatus(422)

    const outsider = await userWith({ permissions: [] })
    const denied = await client
      .get('/api/system/monitor/usage')
      .qs({ from: weekAgo, to: today })
      .bearerToken(outsider.token)
    denied.assertStatus(403)
  })
})
