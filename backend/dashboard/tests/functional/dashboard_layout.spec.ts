import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor, userWith } from '#tests/helpers/auth'

/*
| 首页视图 layout: saved per user on the server, re-read after a "reload",
| 恢复默认 forgets it, and a layout can name only widgets the user may see.
*/
type Item = { i: string; x: number; y: number; w: number; h: number }

async function chartWidgets(client: any) {
  const response = await client.get('/api/dashboard/widgets').bearerToken(await tokenFor('admin'))
  return (response.body().data as Array<{ id: string; kind: string; permission: string }>).filter(
    (w) => w.kind === 'chart'
  )
}

test.group('Dashboard · layout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a new user gets the default layout of the widgets they may see', async ({
    client,
    assert,
  }) => {
    const [chart] = await chartWidgets(client)
    const user = await userWith({ permissions: [chart.permission] })
    const response = await client.get('/api/dashboard/layout').bearerToken(user.token)
    response.assertStatus(200)
    assert.isFalse(response.body().custom)
    const items = response.body().items as Item[]
    assert.include(
      items.map((i) => i.i),
      'core:todo'
    )
    assert.include(
      items.map((i) => i.i),
      chart.id
    )
    for (const item of items) assert.isAtMost(item.x + item.w, 12)
    // No two widgets overlap on the default grid.
    for (const a of items)
      for (const b of items)
        if (a !== b)
          assert.isFalse(
            a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h,
            `${a.i} overlaps ${b.i}`
          )
  })

  test('a saved layout survives a reload, is the user’s own, and 恢复默认 resets it', async ({
    client,
    assert,
  }) => {
    const [chart] = await chartWidgets(client)
    const user = await userWith({ permissions: [chart.permission] })
    const mine: Item[] = [
      { i: chart.id, x: 0, y: 0, w: 12, h: 10 },
      { i: 'core:todo', x: 0, y: 10, w: 4, h: 6 },
    ]
    const saved = await client
      .put('/api/dashboard/layout')
      .bearerToken(user.token)
      .json({ items: mine })
    saved.assertStatus(200)
    assert.isTrue(saved.body().custom)

    // A new session (a reload, another machine) reads the same layout.
    const again = await client.get('/api/dashboard/layout').bearerToken(user.token)
    assert.deepEqual(again.body(), { items: mine, custom: true })

    const other = await userWith({ permissions: [chart.permission] })
    const theirs = await client.get('/api/dashboard/layout').bearerToken(other.token)
    assert.isFalse(theirs.body().custom)

    const reset = await client.delete('/api/dashboard/layout').bearerToken(user.token)
    reset.assertStatus(200)
    assert.isFalse(reset.body().custom)
    const after = await client.get('/api/dashboard/layout').bearerToken(user.token)
    assert.isFalse(after.body().custom)
    assert.deepEqual(after.body().items, theirs.body().items)
  })

  test('a layout naming a widget the user may not see is refused (422) and not saved', async ({
    client,
    assert,
  }) => {
    const [chart] = await chartWidgets(client)
    const user = await userWith({ permissions: ['system:user:list'] })
    const response = await client
      .put('/api/dashboard/layout')
      .bearerToken(user.token)
      .header('accept-language', 'zh-CN')
      .json({ items: [{ i: chart.id, x: 0, y: 0, w: 6, h: 8 }] })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'items.0.i')
    assert.include(response.body().errors[0].message, '没有查看组件')
    const layout = await client.get('/api/dashboard/layout').bearerToken(user.token)
    assert.isFalse(layout.body().custom)
  })

  test('unknown widgets, duplicates, items outside the grid and bad sizes are refused', async ({
    client,
    assert,
  }) => {
    const user = await userWith({ permissions: [] })
    const cases: Array<[Item[], string]> = [
      [[{ i: 'nobody:nothing', x: 0, y: 0, w: 4, h: 4 }], 'items.0.i'],
      [
        [
          { i: 'core:todo', x: 0, y: 0, w: 4, h: 4 },
          { i: 'core:todo', x: 4, y: 0, w: 4, h: 4 },
        ],
        'items.1.i',
      ],
      [[{ i: 'core:todo', x: 10, y: 0, w: 4, h: 4 }], 'items.0.w'],
      [[{ i: 'core:todo', x: 0, y: 0, w: 13, h: 4 }], 'items.0.w'],
      [[{ i: 'core:todo', x: 0, y: 0, w: 4, h: 1 }], 'items.0.h'],
    ]
    for (const [items, field] of cases) {
      const response = await client
        .put('/api/dashboard/layout')
        .bearerToken(user.token)
        .json({ items })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(items))
    }
  })

  test('a widget whose permission was lost disappears from a saved layout', async ({
    client,
    assert,
  }) => {
    const [chart] = await chartWidgets(client)
    const user = await userWith({ permissions: [chart.permission] })
    await client
      .put('/api/dashboard/layout')
      .bearerToken(user.token)
      .json({
        items: [
          { i: chart.id, x: 0, y: 0, w: 6, h: 8 },
          { i: 'core:notices', x: 6, y: 0, w: 6, h: 8 },
        ],
      })
    const db = (await import('@adonisjs/lucid/services/db')).default
    await db
      .from('role_permissions')
      .where('permission', chart.permission)
      .whereIn('role_id', db.from('user_roles').where('user_id', user.user.id).select('role_id'))
      .delete()
    const layout = await client.get('/api/dashboard/layout').bearerToken(user.token)
    assert.deepEqual(
      layout.body().items.map((i: Item) => i.i),
      ['core:notices']
    )
  })
})
