import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { connectorRegistry } from '#core/connectors/registry'
import { userWith } from '#tests/helpers/auth'
import { buildBook } from '#tests/fixtures/book'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { itemFor } from '../../../committee/services/committee_api.js'
import { registerForeclosedAssetKinds } from '../../startup.js'
import { API, approveAll, distributor, receivedAsset } from '../helpers.js'

/*
| 处置账务 under a misbehaving core: every posting of every disposal is applied
| exactly once (counted at the simulator by idempotency key) through injected
| errors, timeouts and duplicate deliveries; a refused one is shown with its
| reason and 重发 applies it once. Above the committee threshold the disposal
| completes only on the committee's 通过.
*/
const FAST = {
  backoffMs: 0,
  maxBackoffMs: 0,
  timeoutMs: 150,
  retries: 0,
  concurrency: 10,
  batchSize: 100,
  maxAttempts: 100,
}

async function drain() {
  for (let i = 0; i < 200; i++) {
    await outbox.deliverDue(FAST)
    const pending = await db.from('outbox_messages').where('status', 'pending').count('* as n')
    if (!Number(pending[0].n)) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function approvedDisposal(client: any, token: string, body: Record<string, unknown>) {
  const res = await client.post(`${API}/disposals`).bearerToken(token).json(body)
  res.assertStatus(201)
  await approveAll(client, 'foreclosed-assets:disposal', res.body().id)
  return res.body().id as number
}

/** A 总行 sitting of three members through the committee's API that decides `itemId`. */
async function sitting(client: any, itemId: number, choice: 'agree' | 'disagree') {
  const COMMITTEE = '/api/committee/meetings'
  const hq = Number((await db.from('orgs').where('code', '000000').first()).id)
  const secretary = await userWith({
    permissions: ['committee:meeting:list', 'committee:meeting:manage', 'committee:item:list'],
    orgCode: '000000',
  })
  const members = []
  for (let i = 0; i < 3; i++)
    members.push(
      await userWith({
        permissions: [
          'committee:meeting:list',
          'committee:meeting:vote',
          'committee:meeting:manage',
        ],
        orgCode: '000000',
      })
    )
  const sec = secretary.token
  const created = await client
    .post(COMMITTEE)
    .bearerToken(sec)
    .json({
      meetingType: 'hq',
      title: '抵债资产处置专题会议',
      meetingDate: '2026-12-07',
      place: '总行会议室',
      orgId: hq,
      chairId: members[0].user.id,
      secretaryId: secretary.user.id,
      memberIds: members.map((m) => m.user.id),
    })
  created.assertStatus(201)
  const id = created.body().id
  ;(
    await client
      .post(`${COMMITTEE}/${id}/agenda`)
      .bearerToken(sec)
      .json({ itemIds: [itemId] })
  ).assertStatus(200)
  ;(
    await client
      .put(`${COMMITTEE}/${id}/attendance`)
      .bearerToken(sec)
      .json({ attendance: members.map((m) => ({ userId: m.user.id, attendance: 'present' })) })
  ).assertStatus(200)
  ;(await client.post(`${COMMITTEE}/${id}/open`).bearerToken(members[0].token)).assertStatus(200)
  ;(
    await client.post(`${COMMITTEE}/${id}/items/${itemId}/open-voting`).bearerToken(sec)
  ).assertStatus(200)
  for (const m of members)
    (
      await client
        .post(`${COMMITTEE}/${id}/items/${itemId}/votes`)
        .bearerToken(m.token)
        .json({ choice })
    ).assertStatus(200)
  ;(
    await client.post(`${COMMITTEE}/${id}/items/${itemId}/close-voting`).bearerToken(sec)
  ).assertStatus(200)
  const announced = await client
    .post(`${COMMITTEE}/${id}/items/${itemId}/announce`)
    .bearerToken(sec)
  if (announced.status() !== 200)
    throw new Error(`announce ${announced.status()}: ${announced.text()}`)
}

test.group('foreclosed-assets: disposal postings exactly once', (group) => {
  let sim: Simulator
  group.setup(async () => {
    registerForeclosedAssetKinds()
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    const definition = connectorRegistry.system('core-banking')!
    const breaker = definition.breaker
    definition.breaker = { consecutiveFailures: 10_000, halfOpenAfterMs: 50 }
    resetBreakers()
    return async () => {
      definition.breaker = breaker
      await rollback()
      resetBreakers()
    }
  })

  test('sale, gain, to-fixed and write-down: 40 % errors, timeouts, duplicates — each posting once', async ({
    client,
    assert,
  }) => {
    await buildBook()
    const boss = await distributor()
    const a = await receivedAsset({ bookFen: '86000000' })
    const b = await receivedAsset({ bookFen: '12345678' })
    const c = await receivedAsset({ bookFen: '50000001' })
    const d = await receivedAsset({ bookFen: '30000000', assetClass: 'movable' })
    const common = { reason: '经审批处置', appliedOn: '2026-11-20' }
    const ids = [
      await approvedDisposal(client, boss.token, {
        ...common,
        assetId: a.id,
        kind: 'sale',
        method: 'auction',
        buyer: '甲',
        amount: '799999.99',
      }),
      await approvedDisposal(client, boss.token, {
        ...common,
        assetId: b.id,
        kind: 'sale',
        method: 'agreement',
        buyer: '乙',
        amount: '130000.00',
      }),
      await approvedDisposal(client, boss.token, {
        ...common,
        assetId: c.id,
        kind: 'to_fixed',
        amount: '0',
      }),
      await approvedDisposal(client, boss.token, {
        ...common,
        assetId: d.id,
        kind: 'write_off',
        amount: '100000.50',
        evidence: '评估报告：设备锈蚀',
      }),
    ]
    const expected: Record<number, Array<[string, string]>> = {
      [ids[0]]: [
        ['proceeds', '799999.99'],
        ['loss', '60000.01'],
      ],
      [ids[1]]: [
        ['proceeds', '130000.00'],
        ['gain', '6543.22'],
      ],
      [ids[2]]: [['to_fixed', '500000.01']],
      [ids[3]]: [['write_off', '100000.50']],
    }
    sim.setFaults({
      system: 'core-banking',
      errorRate: 0.4,
      timeoutRate: 0.1,
      hangMs: 300,
      duplicateDeliveries: 0.1,
    })
    await outbox.deliverDue(FAST)
    sim.setFaults({ system: '*', errorRate: 0, timeoutRate: 0, duplicateDeliveries: 0 })
    await drain()
    const stats = sim.stats().postings
    let total = 0
    for (const id of ids) {
      const res = await client.get(`${API}/disposals/${id}`).bearerToken(boss.token)
      assert.equal(res.body().status, 'completed')
      assert.deepEqual(
        res.body().postings.map((p: any) => [p.kind, p.amount]),
        expected[id]
      )
      for (const p of res.body().postings) {
        assert.equal(p.status, 'sent')
        assert.equal(stats.appliedPerKey[p.idempotencyKey], 1, p.idempotencyKey)
        total++
      }
    }
    assert.equal(stats.applied, total)
    // The partial write-down leaves the movable held at the remaining book value.
    const movable = await db.from('foreclosed_assets').where('id', d.id).first()
    assert.equal(movable.status, 'held')
    assert.equal(String(movable.book_value_fen), '19999950')
  })

  test('a refused posting shows its reason; 重发 applies it once', async ({ client, assert }) => {
    await buildBook()
    const boss = await distributor()
    const a = await receivedAsset({ bookFen: '10000000' })
    const id = await approvedDisposal(client, boss.token, {
      assetId: a.id,
      kind: 'sale',
      method: 'auction',
      buyer: '甲',
      amount: '100000.00',
      reason: 'r',
      appliedOn: '2026-11-20',
    })
    sim.setFaults({ system: 'core-banking', errorRate: 1 })
    await outbox.deliverDue({ ...FAST, maxAttempts: 1 })
    const refused = await client.get(`${API}/disposals/${id}`).bearerToken(boss.token)
    const posting = refused.body().postings[0]
    assert.equal(posting.status, 'dead')
    assert.isString(posting.reason)
    sim.setFaults({ system: '*', errorRate: 0 })
    const retried = await client
      .post(`${API}/disposals/${id}/postings/${posting.id}/retry`)
      .bearerToken(boss.token)
    retried.assertStatus(200)
    const twice = await client
      .post(`${API}/disposals/${id}/postings/${posting.id}/retry`)
      .bearerToken(boss.token)
    twice.assertStatus(409)
    await drain()
    assert.equal(sim.stats().postings.appliedPerKey[posting.idempotencyKey], 1)
  })

  test('at the committee threshold: approved → 上会; 通过 completes with postings, 否决 restores', async ({
    client,
    assert,
  }) => {
    await buildBook()
    const boss = await distributor()
    const big = await receivedAsset({ bookFen: '500000000' })
    const other = await receivedAsset({ bookFen: '600000000' })
    const id = await approvedDisposal(client, boss.token, {
      assetId: big.id,
      kind: 'sale',
      method: 'auction',
      buyer: '丙',
      amount: '4800000.00',
      reason: 'r',
      appliedOn: '2026-11-20',
    })
    const waiting = await client.get(`${API}/disposals/${id}`).bearerToken(boss.token)
    assert.equal(waiting.body().status, 'committee')
    assert.lengthOf(waiting.body().postings, 0)
    const item = await itemFor({ plugin: 'foreclosed-assets', kind: 'disposal', id })
    assert.equal(item!.amount, '5000000.00')
    await sitting(client, item!.id, 'agree')
    const done = await client.get(`${API}/disposals/${id}`).bearerToken(boss.token)
    assert.equal(done.body().status, 'completed')
    assert.isString(done.body().resolutionNo)
    assert.deepEqual(
      done.body().postings.map((p: any) => [p.kind, p.amount]),
      [
        ['proceeds', '4800000.00'],
        ['loss', '200000.00'],
      ]
    )

    const no = await approvedDisposal(client, boss.token, {
      assetId: other.id,
      kind: 'to_fixed',
      amount: '0',
      reason: 'r',
      appliedOn: '2026-11-20',
    })
    const item2 = await itemFor({ plugin: 'foreclosed-assets', kind: 'disposal', id: no })
    await sitting(client, item2!.id, 'disagree')
    const rejected = await client.get(`${API}/disposals/${no}`).bearerToken(boss.token)
    assert.equal(rejected.body().status, 'rejected')
    assert.lengthOf(rejected.body().postings, 0)
    assert.equal((await db.from('foreclosed_assets').where('id', other.id).first()).status, 'held')
  })
})
