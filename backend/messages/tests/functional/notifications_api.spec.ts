import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { notify } from '#core/messages/notify'
import { queue } from '#core/queue/queue'
import { userWith } from '#tests/helpers/auth'

/*
| 消息中心 API: a user's own messages only, unread count, mark read / all read,
| preferences (only optional channels can be muted), and notify()'s contract
| (in-app rows belong to the caller's transaction).
*/
const reminder = (userIds: number[], title = '时效提醒：测试事项') => ({
  type: 'deadline.reminder',
  userIds,
  title,
  body: '该事项将于 2026-10-14 到期',
  link: '/p/test/Item?id=1',
})

test.group('Messages · API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists only the caller’s messages, newest first, with unread filter and count', async ({
    client,
    assert,
  }) => {
    const me = await userWith({ permissions: [] })
    const other = await userWith({ permissions: [] })
    await notify(reminder([me.user.id], '第一条'))
    await notify(reminder([me.user.id, other.user.id], '第二条'))

    const list = await client.get('/api/messages').bearerToken(me.token)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((m: any) => m.title),
      ['第二条', '第一条']
    )
    assert.equal(list.body().meta.total, 2)
    assert.deepEqual(list.body().data[0].typeName, { zh: '时效提醒', en: 'Deadline reminder' })
    const count = await client.get('/api/messages/unread-count').bearerToken(me.token)
    assert.deepEqual(count.body(), { count: 2 })

    const firstId = list.body().data[1].id
    const read = await client.post(`/api/messages/${firstId}/read`).bearerToken(me.token)
    read.assertStatus(200)
    assert.equal(read.body().count, 1)
    const unread = await client.get('/api/messages').qs({ unread: 1 }).bearerToken(me.token)
    assert.deepEqual(
      unread.body().data.map((m: any) => m.title),
      ['第二条']
    )

    // The other user's copy is untouched; their message id is a 404 for me.
    const theirs = await db.from('messages').where('user_id', other.user.id).firstOrFail()
    const foreign = await client.post(`/api/messages/${theirs.id}/read`).bearerToken(me.token)
    foreign.assertStatus(404)
    assert.equal(foreign.body().message, '消息不存在')
    assert.isNull((await db.from('messages').where('id', theirs.id).first()).read_at)

    const all = await client.post('/api/messages/read-all').bearerToken(me.token)
    all.assertStatus(200)
    assert.equal(all.body().marked, 1)
    const after = await client.get('/api/messages/unread-count').bearerToken(other.token)
    assert.deepEqual(after.body(), { count: 1 })
    await queue.drain()
  })

  test('needs a signed-in user; bad paging is a 422 in Chinese', async ({ client, assert }) => {
    ;(await client.get('/api/messages')).assertStatus(401)
    ;(await client.get('/api/deadlines/mine')).assertStatus(401)
    const me = await userWith({ permissions: [] })
    const bad = await client.get('/api/messages').qs({ perPage: 1000 }).bearerToken(me.token)
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'perPage')
    assert.match(bad.body().errors[0].message, /[\u4e00-\u9fa5]/)
  })

  test('notify() inside a rolled-back transaction leaves no message and sends nothing', async ({
    assert,
  }) => {
    const me = await userWith({ permissions: [] })
    await db
      .transaction(async (trx) => {
        await notify(reminder([me.user.id]), { trx })
        throw new Error('business rule refused')
      })
      .catch(() => {})
    assert.equal((await db.from('messages').where('user_id', me.user.id)).length, 0)
  })

  test('an undeclared message type is a programming error', async ({ assert }) => {
    const me = await userWith({ permissions: [] })
    await assert.rejects(
      () => notify({ type: 'nobody.declared', userIds: [me.user.id], title: 'x' }),
      /not declared/
    )
  })

  test('preferences: optional channels can be muted, mandatory ones cannot', async ({
    client,
    assert,
  }) => {
    const me = await userWith({ permissions: [] })
    const initial = await client.get('/api/messages/preferences').bearerToken(me.token)
    initial.assertStatus(200)
    assert.containsSubset(initial.body().data, [
      { type: 'deadline.reminder', channels: ['inapp', 'email', 'sms'], optional: ['sms'] },
      { type: 'workflow.task', optional: ['email'], muted: [] },
    ])

    const saved = await client
      .put('/api/messages/preferences')
      .json({ muted: [{ type: 'deadline.reminder', channels: ['sms'] }] })
      .bearerToken(me.token)
    saved.assertStatus(200)
    assert.containsSubset(saved.body().data, [{ type: 'deadline.reminder', muted: ['sms'] }])
    const trace = await db
      .from('audit_logs')
      .where('action', 'message.preferences_update')
      .where('user_id', me.user.id)
      .firstOrFail()
    assert.include(trace.after_json, 'deadline.reminder')

    // Muted SMS: no SMS delivery row; e-mail (mandatory for reminders) still goes.
    await notify(reminder([me.user.id]))
    const channels = await db
      .from('message_deliveries as d')
      .join('messages as m', 'm.id', 'd.message_id')
      .where('m.user_id', me.user.id)
      .select('d.channel')
    assert.deepEqual(
      channels.map((c) => c.channel),
      ['email']
    )

    const refused = await client
      .put('/api/messages/preferences')
      .json({ muted: [{ type: 'deadline.reminder', channels: ['email'] }] })
      .bearerToken(me.token)
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'muted.0.channels')
    assert.equal(refused.body().errors[0].message, '该消息类型的此渠道为必发渠道，不能关闭')

    const unknown = await client
      .put('/api/messages/preferences')
      .json({ muted: [{ type: 'no.such', channels: ['sms'] }] })
      .bearerToken(me.token)
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'muted.0.type')

    const badChannel = await client
      .put('/api/messages/preferences')
      .json({ muted: [{ type: 'deadline.reminder', channels: ['inapp'] }] })
      .bearerToken(me.token)
    badChannel.assertStatus(422)
    await queue.drain()
  })
})
