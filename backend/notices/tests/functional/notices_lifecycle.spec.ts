import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { orgId } from '#tests/helpers/auth'
import {
  publisherAt,
  readerAt,
  anotherSession,
  assertConflict,
  draft,
  publish,
  published,
} from '#tests/helpers/notices'

/*
| 通知公告: the life cycle (draft → published → revoked) and sanitised content. Demo orgs: 总行
| 000000 → 北京分行 110000 → 朝阳支行 110101 / 海淀支行 110102; 上海分行 310000.
*/

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
