import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { buildBook } from '#tests/fixtures/book'
import { API, chaoyangManager, distributor, otherBranchClerk, receivedAsset } from '../helpers.js'

/*
| Data scope on every by-id read and action (out of scope = 404, like a
| missing id), and strict input (unknown fields, impossible dates, malformed
| amounts are 422 with field messages; nothing is written).
*/
test.group('foreclosed-assets: scope and validation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('another branch and an unassigned 仅本人 clerk get 404 on every by-id route', async ({
    client,
    assert,
  }) => {
    await buildBook()
    const boss = await distributor()
    const stranger = await otherBranchClerk()
    const manager = await chaoyangManager()
    const { id } = await receivedAsset()
    const check = await client
      .post(`${API}/assets/${id}/checks`)
      .bearerToken(boss.token)
      .json({ checkedOn: '2026-09-30', condition: 'good', occupancy: 'vacant', damage: 'none' })
    check.assertStatus(201)
    const sale = await client.post(`${API}/disposals`).bearerToken(boss.token).json({
      assetId: id,
      kind: 'to_fixed',
      amount: '0',
      reason: '转为营业用房',
      appliedOn: '2026-11-20',
    })
    sale.assertStatus(201)

    for (const who of [stranger, manager]) {
      const calls = [
        client.get(`${API}/assets/${id}`).bearerToken(who.token),
        client
          .put(`${API}/assets/${id}`)
          .bearerToken(who.token)
          .json({ name: 'x', custodianOrgId: 1 }),
        client.post(`${API}/assets/${id}/checks`).bearerToken(who.token).json({
          checkedOn: '2026-10-30',
          condition: 'good',
          occupancy: 'vacant',
          damage: 'none',
        }),
        client
          .post(`${API}/checks/${check.body().id}/photos`)
          .bearerToken(who.token)
          .json({ fileName: 'a.png', content: 'AAAA' }),
        client.post(`${API}/assets/${id}/leases`).bearerToken(who.token).json({
          tenant: 't',
          rent: '1.00',
          rentPeriod: 'month',
          startOn: '2026-10-01',
          endOn: '2026-12-31',
        }),
        client.get(`${API}/disposals/${sale.body().id}`).bearerToken(who.token),
        client.post(`${API}/disposals`).bearerToken(who.token).json({
          assetId: id,
          kind: 'sale',
          method: 'auction',
          buyer: 'b',
          amount: '1.00',
          reason: 'r',
          appliedOn: '2026-11-20',
        }),
      ]
      for (const res of await Promise.all(calls)) res.assertStatus(404)
      const list = await client.get(`${API}/assets`).bearerToken(who.token)
      assert.equal(list.body().meta.total, 0)
      const checks = await client.get(`${API}/checks`).bearerToken(who.token)
      assert.equal(checks.body().meta.total, 0)
      const ledger = await client.get('/api/ledgers/foreclosed-assets/rows').bearerToken(who.token)
      assert.equal(ledger.body().meta.total, 0)
    }
    // The branch sees it.
    ;(await client.get(`${API}/assets/${id}`).bearerToken(boss.token)).assertStatus(200)
  })

  test('unknown fields, impossible dates and malformed amounts are 422; nothing is written', async ({
    client,
    assert,
  }) => {
    await buildBook()
    const boss = await distributor()
    const { id } = await receivedAsset()
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        `${API}/assets/${id}/checks`,
        { checkedOn: '2026-02-30', condition: 'good', occupancy: 'vacant', damage: 'none' },
        'checkedOn',
      ],
      [
        `${API}/assets/${id}/checks`,
        { checkedOn: '2026-09-30', condition: 'shiny', occupancy: 'vacant', damage: 'none' },
        'condition',
      ],
      [
        `${API}/assets/${id}/checks`,
        {
          checkedOn: '2026-09-30',
          condition: 'good',
          occupancy: 'vacant',
          damage: 'none',
          sneaky: 1,
        },
        'sneaky',
      ],
      [
        `${API}/assets/${id}/leases`,
        {
          tenant: 't',
          rent: '12.345',
          rentPeriod: 'month',
          startOn: '2026-10-01',
          endOn: '2026-12-31',
        },
        'rent',
      ],
      [
        `${API}/assets/${id}/leases`,
        {
          tenant: 't',
          rent: '1,00',
          rentPeriod: 'month',
          startOn: '2026-10-01',
          endOn: '2026-12-31',
        },
        'rent',
      ],
      [
        `${API}/assets/${id}/leases`,
        {
          tenant: 't',
          rent: '100.00',
          rentPeriod: 'month',
          startOn: '2026-10-01',
          endOn: '2026-09-30',
        },
        'endOn',
      ],
      [
        `${API}/assets/${id}/entries`,
        { direction: 'income', kind: 'repair', amount: '10.00', entryDate: '2026-10-01' },
        'kind',
      ],
      [
        `${API}/assets/${id}/entries`,
        { direction: 'expense', kind: 'repair', amount: '10.00', entryDate: '2026-10-01' },
        'payee',
      ],
      [
        `${API}/disposals`,
        { assetId: id, kind: 'sale', amount: '1.00', reason: 'r', appliedOn: '2026-11-20' },
        'method',
      ],
      [
        `${API}/disposals`,
        {
          assetId: id,
          kind: 'write_off',
          amount: '860000.01',
          reason: 'r',
          evidence: 'e',
          appliedOn: '2026-11-20',
        },
        'amount',
      ],
      [
        `${API}/disposals`,
        { assetId: id, kind: 'write_off', amount: '1.00', reason: 'r', appliedOn: '2026-11-20' },
        'evidence',
      ],
      [
        `${API}/distribution`,
        { assetIds: [id], managerId: boss.user.id, businessLine: 'nope' },
        'businessLine',
      ],
    ]
    for (const [url, body, field] of cases) {
      const res = await client.post(url).bearerToken(boss.token).json(body)
      res.assertStatus(422)
      assert.include(
        res.body().errors.map((e: any) => e.field),
        field,
        `${url} ${field}`
      )
      assert.match(res.body().errors.find((e: any) => e.field === field).message, /[\u4e00-\u9fa5]/)
    }
    for (const table of [
      'foreclosed_assets_checks',
      'foreclosed_assets_leases',
      'foreclosed_assets_entries',
      'foreclosed_assets_disposals',
    ])
      assert.equal(Number((await db.from(table).count('* as n'))[0].n), 0, table)
    const asset = await db.from('foreclosed_assets').where('id', id).first()
    assert.equal(asset.status, 'held')
    assert.isNull(asset.manager_id)
  })
})
