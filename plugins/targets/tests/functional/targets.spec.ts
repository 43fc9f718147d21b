import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { NAME, target, targetsBook } from './targets_support.js'

/* 目标管理: who may issue which target, and the audit of changes. */
test.group('targets: issuing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the head office issues 总行目标 to branches; a branch issues 分行目标 to its sub-branches', async ({
    client,
    assert,
  }) => {
    const { hq, bj, orgs } = await targetsBook()
    const created = await client
      .post('/api/targets/head/targets')
      .bearerToken(hq.token)
      .json(target(orgs.branch1, 'recovery', '1000000.00'))
    created.assertStatus(201)
    assert.include(created.body(), { level: 'head', amount: '1000000.00', orgName: NAME.branch1 })

    const sub = await client
      .post('/api/targets/branch/targets')
      .bearerToken(bj.token)
      .json(target(orgs.sub1, 'recovery', '400000.50'))
    sub.assertStatus(201)

    // The branch sees its own 总行目标 but may not change it, nor issue one.
    const list = await client.get('/api/targets/head/targets').bearerToken(bj.token)
    assert.deepEqual(
      list.body().data.map((t: any) => t.orgName),
      [NAME.branch1]
    )
    const edit = await client
      .put(`/api/targets/head/targets/${created.body().id}`)
      .bearerToken(bj.token)
      .json(target(orgs.branch1, 'recovery', '1.00'))
    edit.assertStatus(422)
    const own = await client
      .post('/api/targets/head/targets')
      .bearerToken(bj.token)
      .json(target(orgs.branch1, 'reduction', '5.00'))
    own.assertStatus(422)
    // Nor for another branch's sub-branch, nor a 分行目标 for a branch.
    const shanghai = await client
      .post('/api/targets/branch/targets')
      .bearerToken(bj.token)
      .json(target(orgs.sub3, 'recovery', '5.00'))
    shanghai.assertStatus(422)
    assert.equal(shanghai.body().errors[0].field, 'orgId')
    const wrongLevel = await client
      .post('/api/targets/branch/targets')
      .bearerToken(hq.token)
      .json(target(orgs.branch1, 'recovery', '5.00'))
    wrongLevel.assertStatus(422)
    // One target per org, period and kind.
    const twice = await client
      .post('/api/targets/head/targets')
      .bearerToken(hq.token)
      .json(target(orgs.branch1, 'recovery', '2.00'))
    twice.assertStatus(422)
    // Money to the fen, no floats: three decimals are refused.
    const fraction = await client
      .post('/api/targets/head/targets')
      .bearerToken(hq.token)
      .json(target(orgs.branch2, 'recovery', '1.005'))
    fraction.assertStatus(422)

    const options = await client.get('/api/targets/branch/org-options').bearerToken(bj.token)
    assert.deepEqual(
      options.body().map((o: any) => o.name),
      [NAME.sub1, NAME.sub2]
    )
  })

  test('changes are audited', async ({ client, assert }) => {
    const { hq, orgs } = await targetsBook()
    const created = await client
      .post('/api/targets/head/targets')
      .bearerToken(hq.token)
      .json(target(orgs.branch2, 'reduction', '800.00'))
    await client
      .put(`/api/targets/head/targets/${created.body().id}`)
      .bearerToken(hq.token)
      .json(target(orgs.branch2, 'reduction', '900.00'))
    ;(
      await client.delete(`/api/targets/head/targets/${created.body().id}`).bearerToken(hq.token)
    ).assertStatus(204)
    const actions = await db
      .from('audit_logs')
      .where('entity_type', 'target')
      .where('entity_id', String(created.body().id))
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      actions.map((a) => a.action),
      ['target.create', 'target.update', 'target.delete']
    )
  })
})
