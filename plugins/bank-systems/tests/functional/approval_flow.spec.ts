import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox, type DeliveryOptions } from '#core/connectors/outbox'
import { ensureDemoIntegrationAccount } from '#core/demo/demo_bank'
import { tokenFor } from '#tests/helpers/auth'
import {
  TEST_TYPE,
  handlerLog,
  historyOf,
  instanceRow,
  openTasks,
  registerTestType,
  resubmitPlan,
  submitPlan,
} from '#tests/helpers/workflow'
import type { Simulator } from '../../simulator/server.js'
import { pointSystemsAt, resetBreakers, startTestSimulator } from '../helpers.js'

/*
| 授权及流程管理 end to end against the simulator, over real sockets both ways:
| a type switched to external mode → the outbox delivers the round to the
| simulated system (once, whatever the network repeats) → it decides → it
| signs in as the integration account and calls POST /api/workflow/external/
| decision → the instance closes and the business handler ran.
*/

const FAST: DeliveryOptions = { backoffMs: 0, maxBackoffMs: 0, timeoutMs: 2_000, retries: 0 }
const appUrl = () => `http://127.0.0.1:${process.env.PORT ?? 3334}`

async function switchToExternal(client: any) {
  const admin = await tokenFor('admin')
  ;(await client.get('/api/system/workflow/types').bearerToken(admin)).assertStatus(200)
  const chain = await client.get(`/api/system/workflow/types/${TEST_TYPE}`).bearerToken(admin)
  ;(
    await client
      .put(`/api/system/workflow/types/${TEST_TYPE}`)
      .bearerToken(admin)
      .json({ mode: 'external', nodes: chain.body().nodes.map(({ seq: _s, ...n }: any) => n) })
  ).assertStatus(200)
}

const messageOf = (ref: string) =>
  db.from('outbox_messages').where('idempotency_key', `workflow:${ref}`).firstOrFail()

test.group('bank-systems: 授权及流程管理 (external approvals)', (group) => {
  let sim: Simulator
  let account: Awaited<ReturnType<typeof ensureDemoIntegrationAccount>>
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    sim.approvals.auto = null
    await pointSystemsAt(sim)
    registerTestType()
    account = await ensureDemoIntegrationAccount()
    sim.approvals.callbackConfig = { baseUrl: appUrl(), ...account }
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  test('submitted once despite repeated deliveries; approval closes it as the integration account', async ({
    client,
    assert,
  }) => {
    await switchToExternal(client)
    const id = await submitPlan('2500000.00')
    const ref = `WF${id}-1`
    assert.deepEqual(await openTasks(id), [])

    // The network repeats every request, and a crashed node re-sends the round.
    sim.setFaults({ system: 'approval-flow', duplicateDeliveries: 1 })
    assert.deepInclude(await outbox.deliverDue(FAST), { sent: 1 })
    await db.from('outbox_messages').where('idempotency_key', `workflow:${ref}`).update({
      status: 'pending',
    })
    assert.deepInclude(await outbox.deliverDue(FAST), { sent: 1 })
    const message = await messageOf(ref)
    assert.equal(message.status, 'sent')
    assert.include(JSON.parse(message.ack).data, { ref, duplicate: true })

    const received = sim.stats().approvals
    assert.equal(received.received.applied, 1)
    assert.deepEqual(received.received.appliedPerKey, { [`workflow:${ref}`]: 1 })
    assert.isAtLeast(received.received.duplicatesRefused, 2)
    const held = sim.approvals.submission(ref)!
    assert.include(held, { type: TEST_TYPE, amount: '2500000.00', decision: null })
    assert.equal(held.businessId, (await instanceRow(id)).business_id)

    // Decided over the control endpoint, as a demo operator would.
    const decided = await fetch(`${sim.url}/__sim/approval-flow/decide`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref, decision: 'approved', comment: '总行授权审批通过' }),
    })
    assert.equal(decided.status, 200)
    assert.include(await decided.json(), { ref, callback: 'delivered', status: 200 })

    const row = await instanceRow(id)
    assert.equal(row.status, 'approved')
    assert.deepEqual(
      handlerLog.map((h) => [h.hook, h.instanceId]),
      [['approved', id]]
    )
    assert.deepEqual(await historyOf(id), ['submit', 'external'])
    const last = await db.from('wf_history').where('instance_id', id).orderBy('id', 'desc').first()
    assert.equal(last.actor_id, account.userId)
    assert.equal(last.comment, '总行授权审批通过')
    assert.equal(sim.stats().approvals.callbacks.logins, 1)

    // A second decision of the same round is refused by the system itself.
    const again = await fetch(`${sim.url}/__sim/approval-flow/decide`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref, decision: 'rejected' }),
    })
    assert.equal(again.status, 409)
  })

  test('rejection closes it rejected; a repeated callback is settled by our 409', async ({
    client,
    assert,
  }) => {
    await switchToExternal(client)
    const id = await submitPlan('800.00')
    const ref = `WF${id}-1`
    await outbox.deliverDue(FAST)

    const result = await sim.approvals.decide(ref, 'rejected', '抵押物估值不足')
    assert.include(result, { callback: 'delivered', status: 200 })
    assert.equal((await instanceRow(id)).status, 'rejected')
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['rejected']
    )

    // The system believes the callback was lost and sends it again: we answer 409, which settles it.
    sim.approvals.submission(ref)!.callback = 'retrying'
    const [resent] = await sim.approvals.redeliver()
    assert.include(resent, { ref, status: 409, callback: 'delivered' })
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['rejected']
    )
    assert.deepEqual(await historyOf(id), ['submit', 'external'])
  })

  test('returned: the resubmitted round is a new submission under its own ref', async ({
    client,
    assert,
  }) => {
    await switchToExternal(client)
    const id = await submitPlan('900.00')
    await outbox.deliverDue(FAST)
    assert.include(await sim.approvals.decide(`WF${id}-1`, 'returned', '补充估值报告'), {
      status: 200,
    })
    assert.equal((await instanceRow(id)).status, 'returned')

    await resubmitPlan(id, '950.00')
    await outbox.deliverDue(FAST)
    const round2 = sim.approvals.submission(`WF${id}-2`)!
    assert.include(round2, { amount: '950.00', idempotencyKey: `workflow:WF${id}-2` })
    assert.equal(sim.stats().approvals.received.applied, 2)
    assert.include(await sim.approvals.decide(`WF${id}-2`, 'approved'), { status: 200 })
    assert.equal((await instanceRow(id)).status, 'approved')
    assert.deepEqual(
      handlerLog.map((h) => h.hook),
      ['returned', 'approved']
    )
    assert.deepEqual(await historyOf(id), ['submit', 'external', 'resubmit', 'external'])
  })

  test('system down: the outbox retries and nothing is lost', async ({ client, assert }) => {
    await switchToExternal(client)
    const first = await submitPlan('100.00')
    const second = await submitPlan('200.00')

    // Nobody listens there: connection refused.
    await db
      .from('connector_systems')
      .where('code', 'approval-flow')
      .update({ base_url: 'http://127.0.0.1:9/approval-flow' })
    // One round each: without a back-off the failed messages would be due again at once.
    const once = { ...FAST, maxRounds: 1 }
    assert.include(await outbox.deliverDue(once), { sent: 0, retry: 2 })
    // …then it answers 500s.
    await pointSystemsAt(sim)
    sim.setFaults({ system: 'approval-flow', errorRate: 1 })
    assert.include(await outbox.deliverDue(once), { sent: 0, retry: 2 })
    for (const id of [first, second]) {
      const message = await messageOf(`WF${id}-1`)
      assert.equal(message.status, 'pending')
      assert.equal(Number(message.attempts), 2)
    }
    assert.equal(sim.stats().approvals.received.applied, 0)

    // Back up: both rounds arrive, once each, and can be decided.
    sim.setFaults({ system: 'approval-flow', errorRate: 0 })
    resetBreakers()
    assert.include(await outbox.deliverDue(FAST), { sent: 2 })
    assert.equal(sim.stats().approvals.received.applied, 2)
    assert.include(await sim.approvals.decide(`WF${second}-1`, 'approved'), { status: 200 })
    assert.equal((await instanceRow(second)).status, 'approved')
    assert.equal((await instanceRow(first)).status, 'pending')
  })

  test('our API unreachable: the decision is kept and re-sent', async ({ client, assert }) => {
    await switchToExternal(client)
    const id = await submitPlan('300.00')
    await outbox.deliverDue(FAST)
    sim.approvals.callbackConfig = {
      ...sim.approvals.callbackConfig!,
      baseUrl: 'http://127.0.0.1:9',
    }
    const lost = await sim.approvals.decide(`WF${id}-1`, 'approved')
    assert.include(lost, { callback: 'retrying', status: 0 })
    assert.equal((await instanceRow(id)).status, 'pending')

    sim.approvals.callbackConfig = { ...sim.approvals.callbackConfig!, baseUrl: appUrl() }
    const [resent] = await sim.approvals.redeliver()
    assert.include(resent, { callback: 'delivered', status: 200 })
    assert.equal((await instanceRow(id)).status, 'approved')
    assert.equal(sim.stats().approvals.callbacks.retrying, 0)
  })

  test('a wrong password is refused and kept for a person; the account can do nothing else', async ({
    client,
    assert,
  }) => {
    await switchToExternal(client)
    const id = await submitPlan('400.00')
    await outbox.deliverDue(FAST)
    sim.approvals.callbackConfig = { ...sim.approvals.callbackConfig!, password: 'Wrong@12345' }
    const refused = await sim.approvals.decide(`WF${id}-1`, 'approved')
    assert.include(refused, { callback: 'refused', status: 400 })
    assert.equal((await instanceRow(id)).status, 'pending')

    // The integration account signs in, but holds only system:workflow:external.
    const login = await client.post('/api/auth/login').json({
      username: account.username,
      password: account.password,
    })
    login.assertStatus(200)
    const token = login.body().token
    ;(await client.get('/api/system/users').bearerToken(token)).assertStatus(403)
    ;(await client.get('/api/system/workflow/types').bearerToken(token)).assertStatus(403)
  })

  test('auto rule decides new rounds by itself', async ({ client, assert }) => {
    await switchToExternal(client)
    sim.approvals.auto = { decision: 'approved', afterMs: 0 }
    const id = await submitPlan('500.00')
    await outbox.deliverDue(FAST)
    const deadline = Date.now() + 5_000
    while (sim.approvals.submission(`WF${id}-1`)?.callback !== 'delivered' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal((await instanceRow(id)).status, 'approved')
    assert.equal(
      sim.approvals.submission(`WF${id}-1`)!.comment,
      '授权及流程管理系统自动审批（模拟）'
    )
  })

  test('the system refuses a submission without an idempotency key or with bad fields', async ({
    assert,
  }) => {
    const post = (body: unknown, key?: string) =>
      fetch(sim.systemUrl('approval-flow') + '/approvals', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
        body: JSON.stringify(body),
      })
    const body = {
      ref: 'WF1-1',
      type: TEST_TYPE,
      businessId: 'B1',
      title: '测试',
      amount: '1.00',
      applicantId: 1,
      orgId: 1,
    }
    assert.equal((await post(body)).status, 400)
    assert.equal((await post({ ...body, amount: '1.5' }, 'k1')).status, 400)
    assert.equal((await post(body, 'workflow:WF1-1')).status, 200)
    // The same round under another key is not a second approval.
    assert.equal((await post(body, 'other-key')).status, 409)
    assert.equal(sim.stats().approvals.received.applied, 1)
  })
})
