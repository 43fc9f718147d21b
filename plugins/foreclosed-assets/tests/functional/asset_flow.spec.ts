import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { listFor } from '../../../expenses/services/expenses_api.js'
import {
  API,
  PNG_BASE64,
  approveAll,
  chaoyangManager,
  distributor,
  otherBranchClerk,
  receivedAsset,
} from '../helpers.js'

/*
| The way of one asset: distributed to the 朝阳 manager, checked with a photo
| (to the 影像平台 through the outbox), leased with rent registered, a custody
| expense through the expenses plugin, sold through the workflow; the postings
| and the ledgers show every step.
*/
test.group('foreclosed-assets: distribute, check, lease, income, sell', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the whole way of an asset, to the fen', async ({ client, assert }) => {
    await buildBook()
    const boss = await distributor()
    const manager = await chaoyangManager()
    const elsewhere = await otherBranchClerk()
    const { id } = await receivedAsset()

    // 资产分发: a manager of another branch cannot be given it (422); the 朝阳 manager can.
    const refused = await client
      .post(`${API}/distribution`)
      .bearerToken(boss.token)
      .json({ assetIds: [id], managerId: elsewhere.user.id, businessLine: 'corporate' })
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'managerId')
    const given = await client
      .post(`${API}/distribution`)
      .bearerToken(boss.token)
      .json({
        assetIds: [id],
        managerId: manager.user.id,
        businessLine: 'corporate',
        region: '北京朝阳',
      })
    given.assertStatus(200)
    const summary = await client.get(`${API}/distribution/summary`).bearerToken(boss.token)
    assert.containsSubset(
      summary.body().data.find((r: any) => r.managerId === manager.user.id),
      { assets: 1, openAssets: 1, openBookFen: '86000000' }
    )
    // 仅本人: the manager now sees it.
    ;(await client.get(`${API}/assets/${id}`).bearerToken(manager.token)).assertStatus(200)

    // 定期检查 with a value change and a photo (queued for the 影像平台 through the outbox).
    const check = await client.post(`${API}/assets/${id}/checks`).bearerToken(manager.token).json({
      checkedOn: '2026-09-30',
      condition: 'good',
      occupancy: 'vacant',
      damage: 'none',
      valueFound: '850000.00',
    })
    check.assertStatus(201)
    assert.equal(check.body().nextDue, '2026-12-30')
    const photo = await client
      .post(`${API}/checks/${check.body().id}/photos`)
      .bearerToken(manager.token)
      .json({ fileName: '外观.png', content: PNG_BASE64 })
    photo.assertStatus(201)
    const upload = await db
      .from('outbox_messages')
      .where('system_code', 'imaging')
      .where('correlation_id', `foreclosed-assets:check:${check.body().id}`)
      .first()
    assert.equal(upload.interface_code, 'upload')
    const notImage = await client
      .post(`${API}/checks/${check.body().id}/photos`)
      .bearerToken(manager.token)
      .json({ fileName: 'x.png', content: Buffer.from('not a picture').toString('base64') })
    notImage.assertStatus(422)

    // 临时经营: a quarterly lease; the rent registered moves the next due date a quarter on.
    const lease = await client.post(`${API}/assets/${id}/leases`).bearerToken(manager.token).json({
      tenant: '北京某餐饮有限公司',
      rent: '15000.00',
      rentPeriod: 'quarter',
      startOn: '2026-10-01',
      endOn: '2027-09-30',
    })
    lease.assertStatus(201)
    const rent = await client.post(`${API}/assets/${id}/entries`).bearerToken(manager.token).json({
      direction: 'income',
      kind: 'rent',
      amount: '15000.00',
      entryDate: '2026-10-01',
      leaseId: lease.body().id,
    })
    rent.assertStatus(201)
    const leases = await client.get(`${API}/leases`).bearerToken(manager.token).qs({ assetId: id })
    assert.containsSubset(leases.body().data[0], {
      nextRentDue: '2027-01-01',
      rentReceived: '15000.00',
      status: 'active',
    })
    const rentDeadline = await db
      .from('deadlines')
      .where({ kind: 'foreclosed-assets:rent', subject_id: String(lease.body().id) })
      .first()
    assert.equal(String(rentDeadline.due_date).slice(0, 10), '2027-01-01')

    // A custody expense is an expense of the expenses plugin, sourced from the asset.
    const fee = await client.post(`${API}/assets/${id}/entries`).bearerToken(manager.token).json({
      direction: 'expense',
      kind: 'property_fee',
      amount: '1234.56',
      entryDate: '2026-10-08',
      payee: '某物业公司',
    })
    fee.assertStatus(201)
    const expenses = await listFor({ plugin: 'foreclosed-assets', kind: 'asset', id: String(id) })
    assert.lengthOf(expenses, 1)
    assert.equal(expenses[0].amount, '1234.56')

    // 出售申请: price 800 000.00 against 入账价值 860 000.00 → loss 60 000.00; approved by the branch.
    const sale = await client.post(`${API}/disposals`).bearerToken(manager.token).json({
      assetId: id,
      kind: 'sale',
      method: 'auction',
      buyer: '王某',
      amount: '800000.00',
      reason: '经公开拍卖成交',
      appliedOn: '2026-11-20',
    })
    sale.assertStatus(201)
    assert.containsSubset(sale.body(), {
      status: 'applied',
      loss: '60000.00',
      bookValue: '860000.00',
    })
    const again = await client.post(`${API}/disposals`).bearerToken(manager.token).json({
      assetId: id,
      kind: 'write_off',
      amount: '1.00',
      reason: '重复',
      evidence: 'x',
      appliedOn: '2026-11-20',
    })
    again.assertStatus(409)
    await approveAll(client, 'foreclosed-assets:disposal', sale.body().id)
    const done = await client.get(`${API}/disposals/${sale.body().id}`).bearerToken(manager.token)
    assert.equal(done.body().status, 'completed')
    assert.deepEqual(
      done.body().postings.map((p: any) => [p.kind, p.amount]),
      [
        ['proceeds', '800000.00'],
        ['loss', '60000.00'],
      ]
    )
    const asset = await client.get(`${API}/assets/${id}`).bearerToken(manager.token)
    assert.containsSubset(asset.body(), {
      status: 'sold',
      disposalKind: 'sale',
      disposalOverdue: false,
    })
    assert.deepEqual(
      asset.body().values.map((v: any) => v.kind),
      ['book', 'appraisal', 'check', 'disposal']
    )
    // The lease ended with the sale; no disposal or rent reminder is left.
    assert.equal(
      (await db.from('foreclosed_assets_leases').where('id', lease.body().id).first()).status,
      'ended'
    )
    const live = await db
      .from('deadlines')
      .where('source', 'foreclosed-assets')
      .whereNull('removed_at')
      .where((q) =>
        q.where('subject_id', String(id)).orWhere('subject_id', String(lease.body().id))
      )
    assert.lengthOf(live, 0)

    // 抵债资产明细 shows every step; the idle ledger no longer lists it.
    const ledger = await client
      .get('/api/ledgers/foreclosed-assets/rows')
      .bearerToken(boss.token)
      .qs({ keyword: asset.body().assetNo })
    ledger.assertStatus(200)
    assert.containsSubset(ledger.body().data[0], {
      status: 'sold',
      bookValue: '860000.00',
      proceeds: '800000.00',
      rentIncome: '15000.00',
      expenses: '1234.56',
      lastCheckedOn: '2026-09-30',
      overdue: 'no',
    })
    // As of before the lease it was idle; today it is sold.
    const idleThen = await client
      .get('/api/ledgers/foreclosed-assets-idle/rows')
      .bearerToken(boss.token)
      .qs({ keyword: asset.body().assetNo, asOf: '2026-09-30' })
    assert.containsSubset(idleThen.body().data[0], { idleSince: '2026-06-30', idleDays: 92 })
    const idleNow = await client
      .get('/api/ledgers/foreclosed-assets-idle/rows')
      .bearerToken(boss.token)
      .qs({ keyword: asset.body().assetNo })
    assert.lengthOf(idleNow.body().data, 0)

    const actions = (
      await db.from('audit_logs').where('action', 'like', 'foreclosed_asset.%').select('action')
    ).map((r) => r.action)
    for (const a of [
      'foreclosed_asset.receive',
      'foreclosed_asset.distribute',
      'foreclosed_asset.check.create',
      'foreclosed_asset.photo.upload',
      'foreclosed_asset.lease.create',
      'foreclosed_asset.entry.income',
      'foreclosed_asset.entry.expense',
      'foreclosed_asset.disposal.apply',
      'foreclosed_asset.disposal.complete',
    ])
      assert.include(actions, a)
  })
})
