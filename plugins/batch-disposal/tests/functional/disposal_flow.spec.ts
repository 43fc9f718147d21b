import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { businessDate } from '#core/business_day/business_date'
import { connectorRegistry } from '#core/connectors/registry'
import { tokenFor } from '#tests/helpers/auth'
import { changeSettingValue } from '#core/settings/update_setting'
import { itemFor } from '../../../committee/services/committee_api.js'
import { registerCommitteeKind } from '../../startup.js'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import {
  API,
  approveInstance,
  approvedProject,
  ddBody,
  headOffice,
  itemsOf,
  newRegion,
  packageBody,
  poolLoan,
  poolLoans,
} from '../helpers.js'

import { deliverChunk } from '../../domain/delivery.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
/*
| 尽职调查 → 资产包 → 方案实施 → 交割: the rules (最少户数 10, or 3 under the pilot;
| 尽调覆盖 ≥ 80 % of principal; 最少竞买人 2), the winner, the payment equal to
| the price, and 交割 once: every loan 已转让, the price allocated to the fen,
| each posting applied exactly once at the simulated core under faults, the
| debtor and guarantor notices drawn up and served in bulk, the ledger.
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
  for (let i = 0; i < 300; i++) {
    await outbox.deliverDue(FAST)
    const pending = await db.from('outbox_messages').where('status', 'pending').count('* as n')
    if (!Number(pending[0].n)) return
    await new Promise((r) => setTimeout(r, 30))
  }
}

test.group('batch-disposal: 尽调, 资产包, 实施, 交割', (group) => {
  let sim: Simulator
  // The committee kind is registered by the startup hook in a running server; here by hand.
  group.setup(() => registerCommitteeKind())
  group.setup(async () => {
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

  test('rules, bids and one idempotent 交割 with postings exactly once', async ({
    client,
    assert,
  }) => {
    const me = await headOffice()
    const token2 = await tokenFor(me.user.username)
    const today = await businessDate.current()
    const region = newRegion()
    const first = await poolLoan(region, { guarantor: '某某担保有限公司' })
    await poolLoans(region, 12)
    const id = await approvedProject(client, me.token)
    await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: [region] })
    const items = (await itemsOf(client, me.token, id)).sort((a: any, b: any) => a.id - b.id)
    assert.lengthOf(items, 13)
    assert.equal(items[0].loanId, first.loanId)
    const tenIds = items.slice(0, 10).map((i: any) => i.id)
    const threeIds = items.slice(10).map((i: any) => i.id)

    // 尽调 on 7 of the 10 (70 % of principal).
    for (const item of items.slice(0, 7)) {
      const r = await client
        .put(`${API}/projects/${id}/items/${item.id}/dd`)
        .bearerToken(me.token)
        .json(ddBody())
      r.assertStatus(200)
    }
    const a = await client
      .post(`${API}/projects/${id}/packages`)
      .bearerToken(me.token)
      .json(packageBody({ allUnpacked: undefined, itemIds: tenIds }))
    a.assertStatus(201)
    const pa = a.body().id
    const b = await client
      .post(`${API}/projects/${id}/packages`)
      .bearerToken(me.token)
      .json(
        packageBody({
          name: '第二包',
          allUnpacked: true,
          valuation: '90000.00',
          reservePrice: '60000.00',
        })
      )
    b.assertStatus(201)
    const pb = b.body().id

    // 覆盖 70 % < 80 %: refused; at exactly 80 % it passes.
    const low = await client.post(`${API}/packages/${pa}/submit`).bearerToken(me.token)
    low.assertStatus(422)
    assert.include(low.body().message, '70%')
    await client
      .put(`${API}/projects/${id}/items/${items[7].id}/dd`)
      .bearerToken(me.token)
      .json(ddBody())
    // 最少户数: 3 < 10 refused; under the pilot's 3 it passes (coverage met too).
    for (const item of items.slice(10))
      await client
        .put(`${API}/projects/${id}/items/${item.id}/dd`)
        .bearerToken(me.token)
        .json(ddBody('20000.00'))
    const few = await client.post(`${API}/packages/${pb}/submit`).bearerToken(me.token)
    few.assertStatus(422)
    assert.include(few.body().message, '仅 3 户')
    ;(
      await client
        .put(`${API}/rules/min_households`)
        .bearerToken(me.token)
        .json({ value: '3', enabled: true })
    ).assertStatus(200)
    ;(await client.post(`${API}/packages/${pb}/submit`).bearerToken(token2)).assertStatus(200)
    ;(
      await client
        .post(`${API}/packages/${pa}/submit`)
        .bearerToken(await tokenFor(me.user.username))
    ).assertStatus(200)
    await approveInstance(client, 'batch-disposal:package', pa)
    const shown = await client.get(`${API}/packages/${pa}`).bearerToken(me.token)
    assert.equal(shown.body().status, 'approved')
    assert.equal(shown.body().households, 10)
    assert.equal(shown.body().recoveryRate, '30')
    assert.sameMembers(
      threeIds,
      (await itemsOf(client, me.token, id))
        .filter((i: any) => i.packageId === pb)
        .map((i: any) => i.id)
    )

    // 方案实施: invitations, a round with one bidder (invalid), a round with two.
    const offers = await client
      .post(`${API}/packages/${pa}/offers`)
      .bearerToken(me.token)
      .json({
        kind: 'invitation',
        parties: ['甲资产管理公司', '乙资产管理公司', '丙资产管理公司'],
        sentOn: today,
      })
    offers.assertStatus(201)
    assert.equal(offers.body().registered, 3)
    await client
      .post(`${API}/packages/${pa}/bids`)
      .bearerToken(me.token)
      .json({ round: 1, bidOn: today, bids: [{ bidder: '甲资产管理公司', amount: '260000.00' }] })
    const lonely = await client
      .post(`${API}/packages/${pa}/award`)
      .bearerToken(me.token)
      .json({ round: 1 })
    lonely.assertStatus(422)
    assert.include(lonely.body().message, '少于规则要求的 2 家')
    await client
      .post(`${API}/packages/${pa}/bids`)
      .bearerToken(me.token)
      .json({
        round: 2,
        bidOn: today,
        bids: [
          { bidder: '甲资产管理公司', amount: '270000.00' },
          { bidder: '乙资产管理公司', amount: '280000.03' },
        ],
      })
    const won = await client
      .post(`${API}/packages/${pa}/award`)
      .bearerToken(me.token)
      .json({ round: 2 })
    won.assertStatus(200)
    assert.deepEqual(won.body(), { buyer: '乙资产管理公司', price: '280000.03' })
    ;(
      await client
        .post(`${API}/packages/${pa}/contract`)
        .bearerToken(me.token)
        .json({ contractNo: 'PLZR-HT-001', contractDate: today, announcementNo: 'GG-2026-001' })
    ).assertStatus(200)
    ;(
      await client
        .post(`${API}/packages/${pa}/payment`)
        .bearerToken(me.token)
        .json({ paidOn: today, amount: '280000.00' })
    ).assertStatus(422)
    ;(
      await client
        .post(`${API}/packages/${pa}/payment`)
        .bearerToken(me.token)
        .json({ paidOn: today, amount: '280000.03' })
    ).assertStatus(200)
    const fee = await client.post(`${API}/packages/${pa}/fees`).bearerToken(me.token).json({
      feeKind: 'announcement_fee',
      payee: '某某日报社',
      amount: '1200.00',
      expenseDate: today,
      recoverable: false,
    })
    fee.assertStatus(201)
    assert.lengthOf(
      (await client.get(`${API}/packages/${pa}/fees`).bearerToken(me.token)).body().data,
      1
    )

    // 交割, twice: once.
    const delivered = await client
      .post(`${API}/packages/${pa}/delivery`)
      .bearerToken(me.token)
      .json({ handoverDate: today })
    delivered.assertStatus(200)
    assert.equal(delivered.body().status, 'delivered')
    assert.deepEqual(delivered.body().delivery, { total: 10, done: 10 })
    const twice = await client
      .post(`${API}/packages/${pa}/delivery`)
      .bearerToken(token2)
      .json({ handoverDate: today })
    twice.assertStatus(409)
    // The bulk step run again (a retried job after the last chunk committed): nothing more.
    assert.deepEqual(await deliverChunk(pa), { loans: 0, postings: 0, done: true })
    assert.equal((await assetClaims.holders(items.slice(0, 10).map((i: any) => i.loanId))).size, 0)

    const loans = await db.from('ca_loans').whereIn(
      'id',
      items.slice(0, 10).map((i: any) => i.loanId)
    )
    assert.isTrue(loans.every((l: any) => l.status === 'transferred'))
    const shares = await db
      .from('batch_disposal_allocations')
      .where('package_id', pa)
      .select(db.raw('CAST(price_fen AS CHAR) as f'))
    assert.equal(
      shares.reduce((s: bigint, r: any) => s + BigInt(r.f), 0n),
      28000003n
    )
    assert.sameMembers([...new Set(shares.map((r: any) => r.f))], ['2800001', '2800000'])
    assert.equal(
      await db
        .from('disposal_outcomes')
        .where('source_plugin', 'batch-disposal')
        .count('* as n')
        .then((r: any) => Number(r[0].n)),
      10
    )

    // Postings under a misbehaving core: 30 (price, loss, off-balance × 10), each applied once.
    sim.setFaults({
      system: 'core-banking',
      errorRate: 0.4,
      timeoutRate: 0.1,
      hangMs: 300,
      duplicateDeliveries: 0.2,
    })
    await outbox.deliverDue(FAST)
    sim.setFaults({ system: '*', errorRate: 0, timeoutRate: 0, duplicateDeliveries: 0 })
    await drain()
    const postings = await client
      .get(`${API}/packages/${pa}/postings`)
      .bearerToken(me.token)
      .qs({ perPage: 100 })
    postings.assertStatus(200)
    assert.equal(postings.body().meta.total, 30)
    assert.deepEqual(postings.body().byStatus, { sent: 30 })
    const applied = sim.stats().postings.appliedPerKey
    const ours = Object.entries(applied).filter(([k]) => k.startsWith(`batch-disposal:${pa}:`))
    assert.lengthOf(ours, 30)
    assert.isTrue(ours.every(([, n]) => n === 1))

    // Notices: 10 debtors and the guarantor, served in bulk by announcement.
    const notices = await client.get(`${API}/packages/${pa}/notices`).bearerToken(me.token)
    assert.equal(notices.body().meta.total, 11)
    assert.equal(notices.body().meta.unserved, 11)
    const served = await client
      .post(`${API}/packages/${pa}/notices/serve`)
      .bearerToken(me.token)
      .json({
        servedOn: today,
        serviceWay: 'announcement',
        proofRef: '《金融时报》2026-12-07 第 8 版',
      })
    assert.equal(served.body().served, 11)
    // 公告 and the 11 notices as PDF (one part each).
    for (const kind of ['announcement', 'notices']) {
      const pdf = await client.get(`${API}/packages/${pa}/${kind}.pdf`).bearerToken(me.token)
      pdf.assertStatus(200)
      assert.equal(pdf.header('x-document-parts'), '1')
      assert.equal((pdf.body() as Buffer).subarray(0, 5).toString('latin1'), '%PDF-')
    }

    // 批量转让台账 and the widget.
    const ledger = await client
      .get('/api/ledgers/batch-transfer/rows')
      .bearerToken(me.token)
      .qs({ keyword: region })
    ledger.assertStatus(200)
    const byPackage = await client
      .get('/api/ledgers/batch-transfer/rows')
      .bearerToken(me.token)
      .qs({ keyword: shown.body().packageNo })
    assert.equal(byPackage.body().meta.total, 10)
    const widget = await client
      .get('/api/dashboard/widgets/batch-disposal:pipeline/data')
      .bearerToken(me.token)
    widget.assertStatus(200)
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'batch-disposal.package.delivery')
        .where('entity_id', String(pa))
        .first()
    )
  }).timeout(300_000)

  test('committee: a package at the threshold goes to the committee after approval', async ({
    client,
    assert,
  }) => {
    const me = await headOffice()
    await changeSettingValue('batch-disposal.committeeThreshold', '0.00', null)
    const region = newRegion()
    await poolLoans(region, 3)
    const id = await approvedProject(client, me.token)
    await client
      .post(`${API}/projects/${id}/pool/filter`)
      .bearerToken(me.token)
      .json({ regions: [region] })
    await client
      .put(`${API}/rules/min_households`)
      .bearerToken(me.token)
      .json({ value: '3', enabled: true })
    await client
      .put(`${API}/rules/dd_coverage`)
      .bearerToken(me.token)
      .json({ value: '0', enabled: false })
    const p = await client
      .post(`${API}/projects/${id}/packages`)
      .bearerToken(me.token)
      .json(packageBody())
    ;(
      await client.post(`${API}/packages/${p.body().id}/submit`).bearerToken(me.token)
    ).assertStatus(200)
    await approveInstance(client, 'batch-disposal:package', p.body().id)
    const shown = await client.get(`${API}/packages/${p.body().id}`).bearerToken(me.token)
    assert.equal(shown.body().status, 'committee')
    const item = await itemFor({ plugin: 'batch-disposal', kind: 'package', id: p.body().id })
    assert.equal(item?.kind, 'batch-disposal:package')
  }).timeout(120_000)
})
