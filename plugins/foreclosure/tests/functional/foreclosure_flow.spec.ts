import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { businessDate } from '#core/business_day/business_date'
import { connectorRegistry } from '#core/connectors/registry'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { tokenFor } from '#tests/helpers/auth'
import { findByReceipt } from '../../../foreclosed-assets/services/foreclosed_assets_api.js'
import { API, approvedReceipt, body, maker, securedLoan } from '../helpers.js'

/*
| 以资抵债 from 抵债资产收取 to 抵债账务处理: the collateral read from 押品管理 (and
| the section unavailable when it is down — the receipt still saves), the 抵债金额
| settling the debt 先本后息 to the fen with the shortfall kept as a claim, the
| postings exactly once under a misbehaving core (counted at the simulator),
| the asset booked into 抵债资产 at 入账价值, the ledger row, the audit, the PDF.
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

test.group('foreclosure: receipt to 抵债账务处理', (group) => {
  let sim: Simulator
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

  test('from 押品管理 data: settled 先本后息 to the fen, posted once each, booked, ledger', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const today = await businessDate.current()

    // 押品管理 answers: the loan's collateral with its 评估价.
    const view = await client
      .get(`${API}/collaterals`)
      .qs({ loanIds: String(loan.loanId) })
      .bearerToken(me.token)
    view.assertStatus(200)
    assert.isTrue(view.body().available)
    assert.containsSubset(view.body().rows[0], {
      loanId: loan.loanId,
      collateralRef: loan.collateralRef,
      appraisedValue: '250000.00',
      valuedOn: '2026-01-15',
    })
    // 押品管理's detail: 坐落位置, 权属证书 and the appraisal history, newest first.
    const seen = view.body().rows[0]
    assert.match(seen.certificates, /不动产权第\d{7}号/)
    assert.isAbove(seen.location.length, 4)
    assert.lengthOf(seen.appraisals, 3)
    assert.deepInclude(seen.appraisals[0], { valuedOn: '2026-01-15', appraisedValue: '250000.00' })
    assert.equal(seen.appraisals[1].valuedOn, '2025-01-15')

    const created = await client
      .post(`${API}/receipts`)
      .bearerToken(me.token)
      .json(await body(loan))
    created.assertStatus(201)
    const receipt = created.body()
    assert.isTrue(receipt.collateralChecked)
    assert.equal(receipt.collateral.appraisedValue, '250000.00')
    assert.equal(receipt.balanceSource, 'core')
    // 入账价值 = 抵债金额 201 000.00 + 税费 3 456.78.
    assert.equal(receipt.bookValue, '204456.78')
    // Owed 201 692.35: principal 200 000.00 first, then 1 000.00 of the 1 500.00 正常利息.
    assert.equal(receipt.owed, '201692.35')
    assert.equal(receipt.shortfall, '692.35')
    assert.deepEqual(receipt.loans[0].settled, {
      principal: '200000.00',
      normal_interest: '1000.00',
      overdue_interest: '0.00',
      penalty: '0.00',
      compound: '0.00',
    })
    assert.deepEqual(receipt.loans[0].shortfall, {
      principal: '0.00',
      normal_interest: '500.00',
      overdue_interest: '123.45',
      penalty: '67.89',
      compound: '1.01',
    })

    // Not approved yet: no 账务处理.
    ;(await client.post(`${API}/receipts/${receipt.id}/post`).bearerToken(me.token)).assertStatus(
      409
    )
    const id = receipt.id as number
    await client.post(`${API}/receipts/${id}/submit`).bearerToken(me.token)
    const { approveAll } = await import('../helpers.js')
    await approveAll(client, id)
    const approved = await client.get(`${API}/receipts/${id}`).bearerToken(me.token)
    assert.equal(approved.body().status, 'approved')

    sim.setFaults({
      system: 'core-banking',
      errorRate: 0.5,
      timeoutRate: 0.1,
      hangMs: 300,
      duplicateDeliveries: 0.2,
    })
    // Another session each time: the same request within 2 s is 防重复提交's to refuse,
    // and these must reach the receipt's own rules.
    const posted = await client
      .post(`${API}/receipts/${id}/post`)
      .bearerToken(await tokenFor(me.user.username))
    posted.assertStatus(200)
    assert.equal(posted.body().status, 'posted')
    assert.equal(posted.body().postedOn, today)
    // Posting twice is refused and enqueues nothing.
    const twice = await client
      .post(`${API}/receipts/${id}/post`)
      .bearerToken(await tokenFor(me.user.username))
    twice.assertStatus(409)
    assert.include(twice.body().message, '未批准或已入账')
    await outbox.deliverDue(FAST)
    sim.setFaults({ system: '*', errorRate: 0, timeoutRate: 0, duplicateDeliveries: 0 })
    await drain()

    const list = (await client.get(`${API}/receipts/${id}/postings`).bearerToken(me.token)).body()
      .data
    assert.deepEqual(
      list.map((p: any) => [p.kind, p.direction, p.amount, p.status]),
      [
        ['principal', 'credit', '200000.00', 'sent'],
        ['normal_interest', 'credit', '1000.00', 'sent'],
        ['asset', 'debit', '204456.78', 'sent'],
        ['taxes', 'credit', '3456.78', 'sent'],
      ]
    )
    const stats = sim.stats().postings
    for (const p of list) assert.equal(stats.appliedPerKey[p.idempotencyKey], 1, p.idempotencyKey)

    // The asset is in 抵债资产 at 入账价值; the loan keeps the shortfall as a claim.
    const asset = await findByReceipt(`receipt:${id}`)
    assert.exists(asset)
    assert.equal(posted.body().assetId, asset!.id)
    assert.equal(asset!.bookValue, '204456.78')
    assert.equal(asset!.appraisedValue, '250000.00')
    assert.deepInclude(posted.body().asset, { assetNo: asset!.assetNo, bookValue: '204456.78' })
    const loanRow = await db.from('ca_loans').where('id', loan.loanId).first()
    assert.equal(loanRow.status, 'active')
    const outcome = await db
      .from('disposal_outcomes')
      .where('source_plugin', 'foreclosure')
      .where('source_ref', `receipt:${id}`)
      .first()
    assert.exists(outcome)
    assert.equal(String(outcome.method), 'debt_for_asset')

    // 抵债资产收取台账, as of today and as of the day before.
    const ledger = await client
      .get('/api/ledgers/foreclosure-receipts/rows')
      .bearerToken(me.token)
      .qs({ keyword: receipt.receiptNo })
    ledger.assertStatus(200)
    assert.equal(ledger.body().meta.total, 1)
    assert.containsSubset(ledger.body().data[0], {
      postedOn: today,
      agreedValue: '201000.00',
      bookValue: '204456.78',
      shortfall: '692.35',
      way: 'court_ruling',
    })

    const pdf = await client.get(`${API}/receipts/${id}/notice/pdf`).bearerToken(me.token)
    pdf.assertStatus(200)
    assert.equal((pdf.body() as Buffer).subarray(0, 5).toString('latin1'), '%PDF-')

    for (const action of [
      'foreclosure.receipt.create',
      'foreclosure.receipt.submit',
      'foreclosure.receipt.post',
      'foreclosure.notice.print',
    ])
      assert.exists(
        await db.from('audit_logs').where('action', action).where('entity_id', String(id)).first(),
        action
      )
  }).timeout(120_000)

  test('押品管理 down: the section is unavailable, the receipt saves with manual entry', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    sim.setFaults({ system: 'collateral', errorRate: 1 })
    const view = await client
      .get(`${API}/collaterals`)
      .qs({ loanIds: String(loan.loanId) })
      .bearerToken(me.token)
    view.assertStatus(200)
    assert.isFalse(view.body().available)
    assert.include(view.body().message, '押品管理')
    // The book still names the loan's collateral; the facts are entered by hand.
    assert.equal(view.body().rows[0].collateralRef, loan.collateralRef)
    assert.isNull(view.body().rows[0].appraisedValue)
    const created = await client
      .post(`${API}/receipts`)
      .bearerToken(me.token)
      .json(await body(loan, { appraisedValue: '248000.00' }))
    created.assertStatus(201)
    assert.isFalse(created.body().collateralChecked)
    assert.isNull(created.body().collateral)
    assert.equal(created.body().appraisedValue, '248000.00')
    // A collateral that is not the loan's is refused.
    const wrong = await client
      .post(`${API}/receipts`)
      .bearerToken(me.token)
      .json(await body(loan, { collateralRef: 'YP-NOT-MINE' }))
    wrong.assertStatus(422)
    sim.setFaults({ system: '*', errorRate: 0 })
  })

  test('a fully settled loan leaves the book as 已抵债; full amount posts every bucket', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const id = await approvedReceipt(
      client,
      me.token,
      await body(loan, { agreedValue: '201692.35', taxesAndFees: '0.00', way: 'agreement' })
    )
    const posted = await client.post(`${API}/receipts/${id}/post`).bearerToken(me.token)
    posted.assertStatus(200)
    assert.equal(posted.body().shortfall, '0.00')
    assert.deepEqual(
      posted.body().postings.map((p: any) => [p.kind, p.amount]),
      [
        ['principal', '200000.00'],
        ['normal_interest', '1500.00'],
        ['overdue_interest', '123.45'],
        ['penalty', '67.89'],
        ['compound', '1.01'],
        ['asset', '201692.35'],
      ]
    )
    const loanRow = await db.from('ca_loans').where('id', loan.loanId).first()
    assert.equal(loanRow.status, 'foreclosed')
  })
})
