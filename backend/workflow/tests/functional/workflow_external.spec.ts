import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { connectorRegistry } from '#core/connectors/registry'
import { tokenFor, userWith } from '#tests/helpers/auth'
import {
  TEST_TYPE,
  handlerLog,
  historyOf,
  instanceRow,
  openTasks,
  registerTestType,
  submitPlan,
  userId,
} from '#tests/helpers/workflow'

/*
| A type switched to the bank's external 授权及流程管理 system: the submission
| goes out through the connectors outbox (interface approval-flow.submit), no
| internal task opens, and the system's decision closes the approval.
|
| bank-systems declares approval-flow with `ping` only today, so the test adds
| the `submit` interface to that system's definition when it is missing.
*/
function ensureSubmitInterface() {
  const system = connectorRegistry.system('approval-flow')
  if (!system) return false
  if (!system.interfaces.some((i) => i.code === 'submit'))
    system.interfaces.push({
      code: 'submit',
      name: { zh: '提交审批', en: 'Submit for approval' },
      direction: 'outbound',
      method: 'POST',
      path: '/approvals',
    })
  return true
}

async function switchToExternal(client: any) {
  const admin = await tokenFor('admin')
  const chain = await client.get(`/api/system/workflow/types/${TEST_TYPE}`).bearerToken(admin)
  ;(
    await client
      .put(`/api/system/workflow/types/${TEST_TYPE}`)
      .bearerToken(admin)
      .json({ mode: 'external', nodes: chain.body().nodes.map(({ seq: _s, ...n }: any) => n) })
  ).assertStatus(200)
}

test.group('Workflow · external approval system', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => registerTestType())

  test('submission goes through the outbox; the decision closes it', async ({ client, assert }) => {
    if (!ensureSubmitInterface()) return assert.fail('approval-flow system is not registered')
    // The type row exists once listed (or once submitted).
    ;(
      await client.get('/api/system/workflow/types').bearerToken(await tokenFor('admin'))
    ).assertStatus(200)
    await switchToExternal(client)

    const id = await submitPlan('2500000.00')
    const stored = await instanceRow(id)
    assert.equal(stored.mode, 'external')
    assert.equal(stored.external_ref, `WF${id}-1`)
    assert.deepEqual(await openTasks(id), [])
    const message = await db
      .from('outbox_messages')
      .where('idempotency_key', `workflow:WF${id}-1`)
      .firstOrFail()
    assert.equal(message.system_code, 'approval-flow')
    assert.equal(message.interface_code, 'submit')
    assert.include(JSON.parse(message.payload), { amount: '2500000.00', type: TEST_TYPE })

    // Only the integration user (system:workflow:external) records decisions.
    const nobody = await userWith({ permissions: [] })
    ;(
      await client
        .post('/api/workflow/external/decision')
        .bearerToken(nobody.token)
        .json({ ref: `WF${id}-1`, decision: 'approved' })
    ).assertStatus(403)
    const integration = await userWith({ permissions: ['system:workflow:external'] })
    const decided = await client
      .post('/api/workflow/external/decision')
      .bearerToken(integration.token)
      .json({ ref: `WF${id}-1`, decision: 'approved', comment: '总行授权审批通过' })
    decided.assertStatus(200)
    assert.deepEqual(decided.body(), { instanceId: id, status: 'approved' })
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['approved']
    )
    assert.deepEqual(await historyOf(id), ['submit', 'external'])

    const twice = await client
      .post('/api/workflow/external/decision')
      .bearerToken(integration.token)
      .json({ ref: `WF${id}-1`, decision: 'rejected' })
    twice.assertStatus(409)
  })

  test('approvers are told in-app (workflow.task with a link)', async ({ assert }) => {
    const id = await submitPlan('100.00')
    const message = await db
      .from('messages')
      .where('user_id', await userId('bj_asset'))
      .where('type', 'workflow.task')
      .orderBy('id', 'desc')
      .firstOrFail()
    assert.equal(message.link, `/workflow/instances/${id}`)
    assert.include(message.title, '测试处置预案')
  })
})
