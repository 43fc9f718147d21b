import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { orgId } from '#tests/helpers/auth'
import {
  publisherAt,
  readerAt,
  anotherSession,
  roleIdOf,
  draft,
  published,
  myIds,
  unread,
} from '#tests/helpers/notices'

/*
| 通知公告: who a notice reaches, and read marks. Demo orgs: 总行
| 000000 → 北京分行 110000 → 朝阳支行 110101 / 海淀支行 110102; 上海分行 310000.
*/

test.group('Notices · who a notice reaches', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('published to 北京分行 and below: a 朝阳支行 user reads it, 上海 and 总行 users do not', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const id = await published(client, publisher.token, 'targeted', [
      { type: 'org_and_below', id: await orgId('110000') },
    ])
    const chaoyang = await readerAt('110101')
    const shanghai = await readerAt('310000')
    const headOffice = await readerAt('000000')

    assert.include(await myIds(client, chaoyang.token), id)
    const opened = await client.get(`/api/notices/mine/${id}`).bearerToken(chaoyang.token)
    opened.assertStatus(200)
    assert.equal(opened.body().contentHtml, '<p>请各分行于月底前报送。</p>')
    assert.isFalse(opened.body().read)

    for (const outsider of [shanghai, headOffice]) {
      assert.notInclude(await myIds(client, outsider.token), id)
      ;(await client.get(`/api/notices/mine/${id}`).bearerToken(outsider.token)).assertStatus(404)
      ;(await client.post(`/api/notices/mine/${id}/read`).bearerToken(outsider.token)).assertStatus(
        404
      )
    }
  })

  test('published to one org only: its sub-branches are not addressed', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const id = await published(client, publisher.token, 'targeted', [
      { type: 'org', id: await orgId('110000') },
    ])
    assert.include(await myIds(client, (await readerAt('110000')).token), id)
    assert.notInclude(await myIds(client, (await readerAt('110101')).token), id)
  })

  test('published to a role: its holders read it wherever they sit, others do not', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const holder = await readerAt('440101')
    const other = await readerAt('440101')
    const id = await published(client, publisher.token, 'targeted', [
      { type: 'role', id: await roleIdOf(holder.user.id) },
    ])
    assert.include(await myIds(client, holder.token), id)
    assert.notInclude(await myIds(client, other.token), id)
    ;(await client.get(`/api/notices/mine/${id}`).bearerToken(other.token)).assertStatus(404)
  })

  test('published to everyone: a user with no permissions at all reads it', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const id = await published(client, publisher.token, 'all')
    const nobody = await readerAt('310102')
    assert.include(await myIds(client, nobody.token), id)
    ;(await client.get(`/api/notices/mine/${id}`).bearerToken(nobody.token)).assertStatus(200)
  })

  test('a draft reaches nobody, not even its author through the reader side', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const id = await draft(client, publisher.token)
    assert.notInclude(await myIds(client, publisher.token), id)
    ;(await client.get(`/api/notices/mine/${id}`).bearerToken(publisher.token)).assertStatus(404)
  })

  test('revoking hides it from readers at once', async ({ client, assert }) => {
    const publisher = await publisherAt()
    const reader = await readerAt('110102')
    const id = await published(client, publisher.token, 'all')
    const before = await unread(client, reader.token)

    const revoked = await client
      .post(`/api/system/notices/${id}/revoke`)
      .bearerToken(publisher.token)
    revoked.assertStatus(200)
    assert.equal(revoked.body().status, 'revoked')
    assert.isNotNull(revoked.body().revokedAt)

    assert.notInclude(await myIds(client, reader.token), id)
    ;(await client.get(`/api/notices/mine/${id}`).bearerToken(reader.token)).assertStatus(404)
    assert.equal(await unread(client, reader.token), before - 1)
  })
})

test.group('Notices · read marks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('unread count, mark one read (twice is fine), unread filter, mark all read', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const reader = await readerAt('110101')
    const start = await unread(client, reader.token)
    const first = await published(client, publisher.token, 'all')
    const second = await published(client, publisher.token, 'targeted', [
      { type: 'org', id: await orgId('110101') },
    ])
    assert.equal(await unread(client, reader.token), start + 2)

    for (const session of [reader.token, await anotherSession(reader.user)]) {
      const marked = await client.post(`/api/notices/mine/${first}/read`).bearerToken(session)
      marked.assertStatus(200)
      assert.isTrue(marked.body().read)
    }
    assert.equal(await unread(client, reader.token), start + 1)
    const list = (
      await client.get('/api/notices/mine').bearerToken(reader.token).qs({ perPage: 100 })
    ).body()
    assert.isTrue(list.data.find((n: any) => n.id === first).read)
    assert.isFalse(list.data.find((n: any) => n.id === second).read)
    const unreadIds = await myIds(client, reader.token, { unread: true })
    assert.include(unreadIds, second)
    assert.notInclude(unreadIds, first)

    // Someone else's read mark is not mine.
    const colleague = await readerAt('110101')
    assert.equal(await unread(client, colleague.token), start + 2)

    const all = await client.post('/api/notices/mine/read-all').bearerToken(reader.token)
    all.assertStatus(200)
    assert.equal(all.body().unread, 0)
    assert.equal(await unread(client, reader.token), 0)
    assert.equal(await unread(client, colleague.token), start + 2)
  })
})
