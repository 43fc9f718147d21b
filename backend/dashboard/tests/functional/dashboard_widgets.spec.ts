import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor, userWith } from '#tests/helpers/auth'

/*
| 首页视图 widget registry: a user is offered only the widgets whose permission
| they hold, and a widget's data is refused without it. The chart widgets come
| from whatever plugins are enabled; the test reads them from the registry.
*/
type Widget = { id: string; kind: string; permission: string | null; view: string | null }

async function registry(client: any): Promise<Widget[]> {
  const response = await client.get('/api/dashboard/widgets').bearerToken(await tokenFor('admin'))
  response.assertStatus(200)
  return response.body().data
}

test.group('Dashboard · widget registry', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the super administrator is offered every widget: core panels and plugin charts', async ({
    client,
    assert,
  }) => {
    const widgets = await registry(client)
    const ids = widgets.map((w) => w.id)
    for (const panel of [
      'core:todo',
      'core:done',
      'core:deadlines',
      'core:messages',
      'core:notices',
      'core:shortcuts',
    ])
      assert.include(ids, panel)
    const charts = widgets.filter((w) => w.kind === 'chart')
    assert.isAbove(charts.length, 0)
    for (const chart of charts) {
      assert.match(chart.id, /^[a-z][a-z0-9-]*:[a-z0-9-]+$/)
      assert.isString(chart.permission)
      assert.isTrue(chart.view!.startsWith(`${chart.id.split(':')[0]}/`))
    }
  })

  test('a user is offered only the charts whose permission they hold', async ({
    client,
    assert,
  }) => {
    const charts = (await registry(client)).filter((w) => w.kind === 'chart')
    const granted = charts[0]
    const user = await userWith({ permissions: [granted.permission!] })
    const response = await client.get('/api/dashboard/widgets').bearerToken(user.token)
    response.assertStatus(200)
    const offered = response.body().data as Widget[]
    const offeredCharts = offered.filter((w) => w.kind === 'chart')
    assert.isTrue(offeredCharts.every((w) => w.permission === granted.permission))
    assert.include(
      offeredCharts.map((w) => w.id),
      granted.id
    )
    // Panels need no grant: they show only the caller's own items.
    assert.includeMembers(
      offered.map((w) => w.id),
      ['core:todo', 'core:shortcuts']
    )

    const nobody = await userWith({ permissions: [] })
    const bare = await client.get('/api/dashboard/widgets').bearerToken(nobody.token)
    assert.deepEqual(
      bare.body().data.filter((w: Widget) => w.kind === 'chart'),
      []
    )
  })

  test('widget data is refused without the widget permission, and unknown widgets are 404', async ({
    client,
    assert,
  }) => {
    const charts = (await registry(client)).filter((w) => w.kind === 'chart')
    const chart = charts[0]
    const other = await userWith({ permissions: ['system:user:list'] })
    const denied = await client
      .get(`/api/dashboard/widgets/${chart.id}/data`)
      .bearerToken(other.token)
    denied.assertStatus(403)
    assert.include(denied.body().message, chart.id)

    const holder = await userWith({ permissions: [chart.permission!] })
    const allowed = await client
      .get(`/api/dashboard/widgets/${chart.id}/data`)
      .bearerToken(holder.token)
    allowed.assertStatus(200)

    const unknown = await client
      .get('/api/dashboard/widgets/nobody:nothing/data')
      .bearerToken(holder.token)
    unknown.assertStatus(404)
    // Panels have no data endpoint.
    const panel = await client
      .get('/api/dashboard/widgets/core:todo/data')
      .bearerToken(holder.token)
    panel.assertStatus(404)
  })

  test('every dashboard route needs a signed-in user', async ({ client }) => {
    for (const path of [
      '/api/dashboard/widgets',
      '/api/dashboard/layout',
      '/api/dashboard/shortcuts',
    ])
      (await client.get(path)).assertStatus(401)
  })
})
