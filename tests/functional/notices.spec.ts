import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { orgId, userWith } from '#tests/helpers/auth'
import User from '#core/models/user'
import type { DataScope } from '#core/models/role'

/*
| 通知公告: the life cycle (draft → published → revoked), who a notice reaches,
| read marks, sanitised content, and the publisher's scope. Demo orgs: 总行
| 000000 → 北京分行 110000 → 朝阳支行 110101 / 海淀支行 110102; 上海分行 310000.
*/
const ADMIN_CODES = ['list', 'create', 'update', 'publish', 'revoke', 'delete'].map(
  (a) => `system:notice:${a}`
)

type Client = any
let drafts = 0
type Target = { type: 'org' | 'org_and_below' | 'role'; id: number }

/** A notices administrator; bank-wide unless a scope and org are given. */
function publisherAt(orgCode = '000000', dataScope: DataScope = 'all') {
  return userWith({ permissions: ADMIN_CODES, dataScope, orgCode })
}

/** A staff member with no permissions at all, sitting at an org. */
function readerAt(orgCode: string) {
  return userWith({ permissions: [], orgCode })
}

/** A second session of the same user (a repeated request from it is not a double submit). */
async function anotherSession(user: User): Promise<string> {
  return (await User.accessTokens.create(user)).value!.release()
}

/** A refusal by the notice rules (not by 防重复提交, which also answers 409). */
function assertConflict(response: any, code: string) {
  response.assertStatus(409)
  response.assertBodyContains({ code })
}

async function roleIdOf(userId: number): Promise<number> {
  const row = await db.from('user_roles').where('user_id', userId).firstOrFail()
  return row.role_id
}

async function draft(client: Client, token: string, fields: Record<string, unknown> = {}) {
  const response = await client
    .post('/api/system/notices')
    .bearerToken(token)
    // Each draft differs: 防重复提交 refuses the same body twice within seconds.
    .json({
      title: `关于做好季度末不良资产清收工作的通知（${++drafts}）`,
      kind: 'notice',
      contentHtml: '<p>请各分行于月底前报送。</p>',
      ...fields,
    })
  response.assertStatus(201)
  return response.body().id as number
}

function publish(
  client: Client,
  token: string,
  id: number,
  audience: 'all' | 'targeted',
  targets?: Target[]
) {
  return client
    .post(`/api/system/notices/${id}/publish`)
    .bearerToken(token)
    .json({ audience, targets })
}

async function published(
  client: Client,
  token: string,
  audience: 'all' | 'targeted',
  targets?: Target[]
) {
  const id = await draft(client, token)
  const response = await publish(client, token, id, audience, targets)
  response.assertStatus(200)
  return id
}

async function myIds(client: Client, token: string, query: Record<string, unknown> = {}) {
  const response = await client
    .get('/api/notices/mine')
    .bearerToken(token)
    .qs({ perPage: 100, ...query })
  response.assertStatus(200)
  return response.body().data.map((n: any) => n.id) as number[]
}

async function unread(client: Client, token: string): Promise<number> {
  const response = await client.get('/api/notices/mine/unread-count').bearerToken(token)
  response.assertStatus(200)
  return response.body().unread
}

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

test.group('Notices · content is sanitised on the server', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('what is stored and served has no script, handler or javascript: link', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const id = await draft(client, publisher.token, {
      contentHtml:
        '<p onclick="alert(1)">通知<img src=x onerror=alert(1)><script>alert(1)</script>' +
        '<a href="jav&#x09;ascript:alert(1)">链接</a><a href="https://www.pbc.gov.cn">人行</a></p>',
    })
    const expected =
      '<p>通知<span>链接</span><a href="https://www.pbc.gov.cn/" target="_blank" rel="noopener noreferrer">人行</a></p>'
    const stored = await db.from('notices').where('id', id).firstOrFail()
    assert.equal(stored.content_html, expected)

    const shown = await client.get(`/api/system/notices/${id}`).bearerToken(publisher.token)
    assert.equal(shown.body().contentHtml, expected)

    const updated = await client
      .put(`/api/system/notices/${id}`)
      .bearerToken(publisher.token)
      .json({ title: '更新', kind: 'urgent', contentHtml: '<svg onload=alert(1)></svg><p>改</p>' })
    updated.assertStatus(200)
    assert.equal(updated.body().contentHtml, '<p>改</p>')

    ;(await publish(client, publisher.token, id, 'all')).assertStatus(200)
    const reader = await readerAt('310000')
    const read = await client.get(`/api/notices/mine/${id}`).bearerToken(reader.token)
    assert.equal(read.body().contentHtml, '<p>改</p>')
  })

  test('content that is nothing but unsafe markup is refused as empty', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const response = await client.post('/api/system/notices').bearerToken(publisher.token).json({
      title: 't',
      kind: 'notice',
      contentHtml: '<script>alert(1)</script><img src=x onerror=alert(1)>',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'contentHtml')
  })
})

test.group('Notices · life cycle and input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('only drafts are edited, published or deleted; only published notices are revoked', async ({
    client,
  }) => {
    const publisher = await publisherAt()
    const again = await anotherSession(publisher.user)
    const id = await draft(client, publisher.token)
    const revoke = (token: string) =>
      client.post(`/api/system/notices/${id}/revoke`).bearerToken(token)

    assertConflict(await revoke(publisher.token), 'notices.notPublished')
    ;(await publish(client, publisher.token, id, 'all')).assertStatus(200)
    assertConflict(await publish(client, again, id, 'all'), 'notices.notDraft')
    const edit = await client
      .put(`/api/system/notices/${id}`)
      .bearerToken(publisher.token)
      .json({ title: 'x', kind: 'notice', contentHtml: '<p>x</p>' })
    assertConflict(edit, 'notices.notDraft')
    assertConflict(
      await client.delete(`/api/system/notices/${id}`).bearerToken(publisher.token),
      'notices.onlyDraftDeleted'
    )
    ;(await revoke(again)).assertStatus(200)
    assertConflict(await revoke(await anotherSession(publisher.user)), 'notices.notPublished')

    const other = await draft(client, publisher.token)
    ;(
      await client.delete(`/api/system/notices/${other}`).bearerToken(publisher.token)
    ).assertStatus(204)
    ;(await client.get(`/api/system/notices/${other}`).bearerToken(publisher.token)).assertStatus(
      404
    )
  })

  test('the publish records when, by whom and to whom', async ({ client, assert }) => {
    const publisher = await publisherAt()
    const id = await draft(client, publisher.token)
    const beijing = await orgId('110000')
    const response = await publish(client, publisher.token, id, 'targeted', [
      { type: 'org_and_below', id: beijing },
      { type: 'org_and_below', id: beijing },
    ])
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.status, 'published')
    assert.equal(body.audience, 'targeted')
    assert.isNotNull(body.publishedAt)
    assert.deepEqual(body.targets, [{ type: 'org_and_below', id: beijing, name: '北京分行' }])
    const row = await db.from('notices').where('id', id).firstOrFail()
    assert.equal(row.published_by, publisher.user.id)
  })

  test('every state change is audited, and so is a refused publish', async ({ client, assert }) => {
    const publisher = await publisherAt()
    const id = await draft(client, publisher.token)
    await client
      .put(`/api/system/notices/${id}`)
      .bearerToken(publisher.token)
      .json({ title: '改', kind: 'notice', contentHtml: '<p>改</p>' })
    ;(await publish(client, publisher.token, id, 'all')).assertStatus(200)
    ;(
      await client.post(`/api/system/notices/${id}/revoke`).bearerToken(publisher.token)
    ).assertStatus(200)
    const gone = await draft(client, publisher.token)
    await client.delete(`/api/system/notices/${gone}`).bearerToken(publisher.token)

    const rows = await db
      .from('audit_logs')
      .where('entity_type', 'notice')
      .whereIn('entity_id', [String(id), String(gone)])
      .orderBy('id')
      .select('action', 'entity_id', 'result', 'user_id')
    assert.deepEqual(
      rows.map((r) => `${r.action}:${r.entity_id}:${r.result}`),
      [
        `notice.create:${id}:success`,
        `notice.update:${id}:success`,
        `notice.publish:${id}:success`,
        `notice.revoke:${id}:success`,
        `notice.create:${gone}:success`,
        `notice.delete:${gone}:success`,
      ]
    )
    assert.isTrue(rows.every((r) => r.user_id === publisher.user.id))

    const branch = await publisherAt('110000', 'org_and_below')
    const theirs = await draft(client, branch.token)
    ;(await publish(client, branch.token, theirs, 'all')).assertStatus(422)
    const refused = await db
      .from('audit_logs')
      .where('action', 'notice.publish')
      .where('entity_id', String(theirs))
      .firstOrFail()
    assert.equal(refused.result, 'failure')
    assert.equal(refused.detail, 'notices.allNeedsBankScope')
  })

  test('input is checked: kind from the dictionary, targets when targeted, sort by whitelist', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const badKind = await client
      .post('/api/system/notices')
      .bearerToken(publisher.token)
      .json({ title: 't', kind: 'gossip', contentHtml: '<p>x</p>' })
    badKind.assertStatus(422)
    assert.equal(badKind.body().errors[0].field, 'kind')

    const missing = await client
      .post('/api/system/notices')
      .bearerToken(publisher.token)
      .json({ kind: 'notice' })
    missing.assertStatus(422)
    const fields = missing.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['title', 'contentHtml'])

    const id = await draft(client, publisher.token)
    const noTargets = await publish(client, publisher.token, id, 'targeted', [])
    noTargets.assertStatus(422)
    assert.equal(noTargets.body().errors[0].field, 'targets')
    const badType = await publish(client, publisher.token, id, 'targeted', [
      { type: 'user' as any, id: 1 },
    ])
    badType.assertStatus(422)

    const badSort = await client
      .get('/api/system/notices')
      .bearerToken(publisher.token)
      .qs({ sort: 'content_html' })
    badSort.assertStatus(422)
    assert.equal(badSort.body().errors[0].field, 'sort')
  })

  test('the management list filters by keyword, status, kind and date', async ({
    client,
    assert,
  }) => {
    const publisher = await publisherAt()
    const urgent = await draft(client, publisher.token, {
      title: '紧急：系统停机维护',
      kind: 'urgent',
    })
    const plain = await published(client, publisher.token, 'all')
    const list = async (qs: Record<string, unknown>) =>
      (
        (
          await client
            .get('/api/system/notices')
            .bearerToken(publisher.token)
            .qs({ perPage: 200, ...qs })
        ).body().data as any[]
      ).map((n) => n.id)

    assert.include(await list({ keyword: '停机' }), urgent)
    assert.notInclude(await list({ keyword: '停机' }), plain)
    assert.include(await list({ status: 'published' }), plain)
    assert.notInclude(await list({ status: 'published' }), urgent)
    assert.deepInclude(await list({ kind: 'urgent' }), urgent)
    assert.notInclude(await list({ kind: 'urgent' }), plain)
    const today = (await client.get(`/api/system/notices/${urgent}`).bearerToken(publisher.token))
      .body()
      .createdAt.slice(0, 10)
    assert.includeMembers(await list({ dateFrom: today, dateTo: today }), [urgent, plain])
    assert.notInclude(await list({ dateTo: '2000-01-01' }), urgent)
    const page = (
      await client.get('/api/system/notices').bearerToken(publisher.token).qs({ perPage: 1 })
    ).body()
    assert.equal(page.meta.perPage, 1)
    assert.isAtLeast(page.meta.total, 2)
  })
})

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
