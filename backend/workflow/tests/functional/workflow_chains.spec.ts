import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { TEST_TYPE, registerTestType, submitPlan, openTasks } from '#tests/helpers/workflow'

/* 系统管理 › 流程管理: types appear from the registry; administrators edit chains (audited). */

test.group('Workflow · chain administration', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  test('a registered type is listed with its default chain', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const list = await client.get('/api/system/workflow/types').bearerToken(admin)
    list.assertStatus(200)
    const type = list.body().find((t: any) => t.code === TEST_TYPE)
    assert.include(type, { mode: 'internal', active: true, nodeCount: 2, amountTiers: true })

    // The console sends the colon encoded.
    const chain = await client
      .get(`/api/system/workflow/types/${encodeURIComponent(TEST_TYPE)}`)
      .bearerToken(admin)
    chain.assertStatus(200)
    assert.deepEqual(
      chain.body().nodes.map((n: any) => [n.seq, n.org, n.roles, n.minAmount, n.deadlineDays]),
      [
        [1, 'branch', ['branch_asset_manager'], null, 3],
        [2, 'head', ['hq_risk_manager'], '1000000.00', null],
      ]
    )
  })

  test('an edit replaces the chain, is audited, and applies to new submissions only', async ({
    client,
    assert,
  }) => {
    const running = await submitPlan('100.00')
    const admin = await tokenFor('admin')
    const response = await client
      .put(`/api/system/workflow/types/${TEST_TYPE}`)
      .bearerToken(admin)
      .json({
        mode: 'internal',
        nodes: [
          {
            name: { zh: '总行会签', en: 'Head office joint approval' },
            org: 'head',
            roles: ['hq_risk_manager'],
            users: ['admin'],
            mode: 'all',
            minAmount: null,
            deadlineDays: 5,
          },
        ],
      })
    response.assertStatus(200)
    assert.equal(response.body().nodes.length, 1)
    const audit = await db
      .from('audit_logs')
      .where('action', 'workflow.chain_update')
      .where('entity_id', TEST_TYPE)
      .firstOrFail()
    assert.include(audit.before_json, '分行审批')
    assert.include(audit.after_json, '总行会签')

    assert.deepEqual(await openTasks(running), ['bj_asset'])
    const fresh = await submitPlan('100.00')
    assert.sameMembers(await openTasks(fresh), ['hq_risk', 'admin'])
  })

  test('bad chains are refused with field errors or named problems', async ({ client }) => {
    const admin = await tokenFor('admin')
    const invalid = await client
      .put(`/api/system/workflow/types/${TEST_TYPE}`)
      .bearerToken(admin)
      .json({
        mode: 'internal',
        nodes: [{ name: { zh: 'x', en: 'x' }, org: 'moon', mode: 'any', minAmount: '1.234' }],
      })
    invalid.assertStatus(422)
    const unknownRole = await client
      .put(`/api/system/workflow/types/${TEST_TYPE}`)
      .bearerToken(admin)
      .json({
        mode: 'internal',
        nodes: [{ name: { zh: 'x', en: 'x' }, org: 'same', mode: 'any', roles: ['nope'] }],
      })
    unknownRole.assertStatus(422)
    unknownRole.assertBodyContains({ code: 'workflow.unknownNames' })
  })

  test('the chain page needs system:workflow:* codes', async ({ client }) => {
    const nobody = await userWith({ permissions: [] })
    ;(await client.get('/api/system/workflow/types').bearerToken(nobody.token)).assertStatus(403)
    const reader = await userWith({ permissions: ['system:workflow:list'] })
    ;(await client.get('/api/system/workflow/types').bearerToken(reader.token)).assertStatus(200)
    ;(
      await client
        .put(`/api/system/workflow/types/${TEST_TYPE}`)
        .bearerToken(reader.token)
        .json({ mode: 'internal', nodes: [] })
    ).assertStatus(403)
  })
})

test.group('Workflow · approvers relative to the applicant', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  const chainWith = (node: Record<string, unknown>) => ({
    mode: 'internal',
    nodes: [{ name: { zh: '审批', en: 'Approval' }, mode: 'any', ...node }],
  })

  test('same org, parent org, branch and head office', async ({ client, assert }) => {
    const admin = await tokenFor('admin')
    const cases: Array<[Record<string, unknown>, string[]]> = [
      // 朝阳支行's parent is 北京分行, which is also its 分行.
      [{ org: 'parent', roles: ['branch_asset_manager'] }, ['bj_asset']],
      [{ org: 'branch', roles: ['branch_asset_manager'] }, ['bj_asset']],
      [{ org: 'head', roles: ['hq_risk_manager', 'auditor'] }, ['auditor', 'hq_risk']],
      // Nobody else at 朝阳支行 holds account_manager (the applicant is left out).
      [{ org: 'same', roles: ['account_manager'], users: ['auditor'] }, ['auditor']],
    ]
    for (const [node, expected] of cases) {
      ;(
        await client
          .put(`/api/system/workflow/types/${TEST_TYPE}`)
          .bearerToken(admin)
          .json(chainWith(node))
      ).assertStatus(200)
      const id = await submitPlan('100.00')
      assert.sameMembers(await openTasks(id), expected, JSON.stringify(node))
    }
  })

  test('a node nobody can approve refuses the submission', async ({ client, assert }) => {
    ;(
      await client
        .put(`/api/system/workflow/types/${TEST_TYPE}`)
        .bearerToken(await tokenFor('admin'))
        .json(chainWith({ org: 'same', roles: ['hq_risk_manager'] }))
    ).assertStatus(200)
    await assert.rejects(() => submitPlan('100.00'), 'workflow.noApprover')
  })
})
