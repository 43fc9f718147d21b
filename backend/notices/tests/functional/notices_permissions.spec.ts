import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { orgId, userWith } from '#tests/helpers/auth'
import {
  ADMIN_CODES,
  publisherAt,
  readerAt,
  roleIdOf,
  draft,
  publish,
  published,
  type Client,
  type Target,
} from '#tests/helpers/notices'

/*
| 通知公告: function permissions and the publisher's data scope. Demo orgs: 总行
| 000000 → 北京分行 110000 → 朝阳支行 110101 / 海淀支行 110102; 上海分行 310000.
*/

test.group('Notices · function permissions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const routes: Array<
    [method: 'get' | 'post' | 'put' | 'delete', path: (id: number) => string, permission: string]
  > = [
    ['get', () => '/api/system/notices', 'system:notice:list'],
    ['get', (id) => `/api/system/notices/${id}`, 'system:notice:list'],
    ['post', () => '/api/system/notices', 'system:notice:create'],
    ['put', (id) => `/api/system/notices/${id}`, 'system:notice:update'],
    ['get', () => '/api/system/notices/audience-options', 'system:notice:publish'],
    ['post', (id) => `/api/system/notices/${id}/publish`, 'system:notice:publish'],
    ['post', (id) => `/api/system/notices/${id}/revoke`, 'system:notice:revoke'],
    ['delete', (id) => `/api/system/notices/${id}`, 'system:notice:delete'],
  ]

  for (const [method, path, permission] of routes) {
    test(`${method.toUpperCase()} ${path(0)} needs ${permission}`, async ({ client, assert }) => {
      const owner = await publisherAt()
      const id = permission.endsWith(':revoke')
        ? await published(client, owner.token, 'all')
        : await draft(client, owner.token)
      const body = { title: 't', kind: 'notice', contentHtml: '<p>x</p>', audience: 'all' }

      const without = await userWith({ permissions: ADMIN_CODES.filter((c) => c !== permission) })
      const denied = await (client as Client)
        [method](path(id))
        .bearerToken(without.token)
        .json(body)
      denied.assertStatus(403)
      assert.equal(denied.body().permission, permission)

      const holder = await userWith({ permissions: [permission] })
      const allowed = await (client as Client)
        [method](path(id))
        .bearerToken(holder.token)
        .json(body)
      assert.oneOf(allowed.status(), [200, 201, 204])
    })
  }

  test('the reader side needs only a signed-in user', async ({ client }) => {
    ;(await client.get('/api/notices/mine')).assertStatus(401)
    ;(await client.get('/api/notices/mine/unread-count')).assertStatus(401)
    const nobody = await readerAt('000000')
    ;(await client.get('/api/notices/mine').bearerToken(nobody.token)).assertStatus(200)
    ;(await client.get('/api/notices/mine/unread-count').bearerToken(nobody.token)).assertStatus(
      200
    )
    ;(await client.post('/api/notices/mine/read-all').bearerToken(nobody.token)).assertStatus(200)
  })
})

test.group('Notices · the publisher’s data scope', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a 北京分行 publisher (own org and below) addresses only their subtree', async ({
    client,
    assert,
  }) => {
    const beijing = await publisherAt('110000', 'org_and_below')
    const id = await draft(client, beijing.token)

    const refusals: Array<['all' | 'targeted', Target[] | undefined, string, string]> = [
      ['all', undefined, 'audience', 'notices.allNeedsBankScope'],
      [
        'targeted',
        [{ type: 'org', id: await orgId('310000') }],
        'targets',
        'notices.targetOutOfScope',
      ],
      [
        'targeted',
        [{ type: 'org_and_below', id: await orgId('000000') }],
        'targets',
        'notices.targetOutOfScope',
      ],
      ['targeted', [{ type: 'org', id: 999999 }], 'targets', 'notices.targetOutOfScope'],
      [
        'targeted',
        [
          { type: 'org', id: await orgId('110101') },
          { type: 'org', id: await orgId('310101') },
        ],
        'targets',
        'notices.targetOutOfScope',
      ],
      [
        'targeted',
        [{ type: 'role', id: await roleIdOf(beijing.user.id) }],
        'targets',
        'notices.roleNeedsBankScope',
      ],
    ]
    for (const [audience, targets, field, rule] of refusals) {
      const refused = await publish(client, beijing.token, id, audience, targets)
      refused.assertStatus(422)
      assert.equal(refused.body().errors[0].field, field)
      assert.equal(refused.body().errors[0].rule, rule)
    }
    const stillDraft = await db.from('notices').where('id', id).firstOrFail()
    assert.equal(stillDraft.status, 'draft')

    const options = (
      await client.get('/api/system/notices/audience-options').bearerToken(beijing.token)
    ).body()
    assert.isFalse(options.wholeBank)
    assert.deepEqual(options.roles, [])
    assert.deepEqual(
      options.orgs.map((o: any) => o.code),
      ['110000']
    )

    const ok = await publish(client, beijing.token, id, 'targeted', [
      { type: 'org_and_below', id: await orgId('110000') },
    ])
    ok.assertStatus(200)
  })

  test('a publisher scoped to their own org cannot reach its sub-branches through "and below"', async ({
    client,
    assert,
  }) => {
    const branchOnly = await publisherAt('110000', 'org')
    const id = await draft(client, branchOnly.token)
    const below = await publish(client, branchOnly.token, id, 'targeted', [
      { type: 'org_and_below', id: await orgId('110000') },
    ])
    below.assertStatus(422)
    assert.equal(below.body().errors[0].rule, 'notices.subtreeOutOfScope')
    ;(
      await publish(client, branchOnly.token, id, 'targeted', [
        { type: 'org', id: await orgId('110000') },
      ])
    ).assertStatus(200)
  })

  test('the management list and by-id access follow the data scope', async ({ client, assert }) => {
    const shanghai = await publisherAt('310000', 'org_and_below')
    const theirs = await draft(client, shanghai.token)
    const beijing = await publisherAt('110000', 'org_and_below')
    const mine = await draft(client, beijing.token)

    const list = (
      await client.get('/api/system/notices').bearerToken(beijing.token).qs({ perPage: 200 })
    ).body()
    const ids = list.data.map((n: any) => n.id)
    assert.include(ids, mine)
    assert.notInclude(ids, theirs)
    for (const [method, path] of [
      ['get', `/api/system/notices/${theirs}`],
      ['put', `/api/system/notices/${theirs}`],
      ['post', `/api/system/notices/${theirs}/publish`],
      ['delete', `/api/system/notices/${theirs}`],
    ] as const) {
      const response = await (client as Client)
        [method](path)
        .bearerToken(beijing.token)
        .json({
          title: 't',
          kind: 'notice',
          contentHtml: '<p>x</p>',
          audience: 'targeted',
          targets: [{ type: 'org', id: await orgId('110000') }],
        })
      response.assertStatus(404)
    }

    const bankWide = await publisherAt('000000', 'all')
    const all = (
      await client.get('/api/system/notices').bearerToken(bankWide.token).qs({ perPage: 200 })
    ).body()
    assert.includeMembers(
      all.data.map((n: any) => n.id),
      [mine, theirs]
    )
    const options = (
      await client.get('/api/system/notices/audience-options').bearerToken(bankWide.token)
    ).body()
    assert.isTrue(options.wholeBank)
    assert.isAbove(options.roles.length, 0)
  })
})
