import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import { businessDate } from '#core/business_day/business_date'
import { connectorRegistry } from '#core/connectors/registry'
import { tokenFor, userWith } from '#tests/helpers/auth'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { assetClaims } from '../../../credit-assets/services/asset_claims.js'
import { API, applicant, approvedApplication, body, doubtfulLoan } from '../helpers.js'

/*
| 债权转让 from application to 结果登记: the notices to the debtor and the
| guarantor, completion blocked (409, 民法典 §546) until both are served, the
| fees through the expenses plugin, the postings exactly once under a
| misbehaving core, the loan 已转让 with its timeline kept, the disposal outcome.
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

const RESULT = { contractNo: 'ZRHT-2026-001', paidAmount: '150000.00' }

test.group('transfer: application to 结果登记', (group) => {
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

  test('blocked until every notice is served; then posted once each, 已转让, outcome', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const loan = await doubtfulLoan()
    const id = await approvedApplication(client, me.token, [loan.loanId])
    const today = await businessDate.current()
    const detail = await client.get(`${API}/applications/${id}`).bearerToken(me.token)
    detail.assertStatus(200)
    assert.equal(detail.body().status, 'approved')
    // The approved application still holds its loan across plugins (asset claims).
    assert.equal((await assetClaims.holders([loan.loanId])).get(loan.loanId)?.holder, 'transfer')
    assert.equal(detail.body().bookValue, '201500.00')
    assert.equal(detail.body().loss, '51500.00')
    const notices = detail.body().notices
    assert.deepEqual(
      notices.map((n: any) => n.partyKind),
      ['debtor', 'guarantor']
    )

    // The notice is a real PDF.
    const pdf = await client
      .get(`${API}/applications/${id}/notices/${notices[1].id}/pdf`)
      .bearerToken(me.token)
    pdf.assertStatus(200)
    assert.equal((pdf.body() as Buffer).subarray(0, 5).toString('latin1'), '%PDF-')

    const result = { ...RESULT, paidOn: today, transferDate: today }
    // Nothing served: 409 naming §546 and both parties.
    const blocked = await client
      .post(`${API}/applications/${id}/result`)
      .bearerToken(me.token)
      .json(result)
    blocked.assertStatus(409)
    assert.include(blocked.body().message, '第五百四十六条')
    assert.include(blocked.body().message, '测试保证人有限公司')

    const serve = (noticeId: number, proofRef: string) =>
      client
        .post(`${API}/applications/${id}/notices/${noticeId}/serve`)
        .bearerToken(me.token)
        .json({ servedOn: today, serviceWay: 'mail', proofRef })
    ;(await serve(notices[0].id, 'EMS1234567890')).assertStatus(200)
    // The debtor alone is not enough: the guarantor too.
    const still = await client
      .post(`${API}/applications/${id}/result`)
      .bearerToken(await tokenFor(me.user.username))
      .json(result)
    still.assertStatus(409)
    assert.include(still.body().message, '1 份')
    ;(await serve(notices[1].id, 'EMS1234567891')).assertStatus(200)
    // Served once only.
    ;(await serve(notices[1].id, 'EMS-again')).assertStatus(409)

    // A fee through the expenses plugin, sourced to this application.
    const fee = await client.post(`${API}/applications/${id}/fees`).bearerToken(me.token).json({
      feeKind: 'appraisal_fee',
      payee: '某某资产评估事务所',
      amount: '3000.00',
      expenseDate: today,
      recoverable: false,
    })
    fee.assertStatus(201)
    const fees = await client.get(`${API}/applications/${id}/fees`).bearerToken(me.token)
    assert.lengthOf(fees.body().data, 1)

    // The paid amount must equal the agreed price.
    const wrong = await client
      .post(`${API}/applications/${id}/result`)
      .bearerToken(me.token)
      .json({ ...result, paidAmount: '149999.99' })
    wrong.assertStatus(422)

    const done = await client
      .post(`${API}/applications/${id}/result`)
      .bearerToken(await tokenFor(me.user.username))
      .json(result)
    done.assertStatus(200)
    assert.equal(done.body().status, 'completed')
    assert.equal(done.body().transferDate, today)
    // Completed once: a second 结果登记 is refused and posts nothing.
    ;(
      await client
        .post(`${API}/applications/${id}/result`)
        .bearerToken(await tokenFor(me.user.username))
        .json(result)
    ).assertStatus(409)

    // The loan left the book as 已转让; its timeline keeps the change.
    const row = await db.from('ca_loans').where('id', loan.loanId).first()
    assert.equal(row.status, 'transferred')
    // Transferred, the application holds it no more.
    assert.equal((await assetClaims.holders([loan.loanId])).size, 0)
    assert.exists(
      await db
        .from('ca_risk_events')
        .where('loan_id', loan.loanId)
        .where('event_type', 'status')
        .first()
    )
    const outcome = await db.from('disposal_outcomes').where('source_plugin', 'transfer').first()
    assert.exists(outcome)

    // Postings under a misbehaving core: each applied exactly once.
    sim.setFaults({
      system: 'core-banking',
      errorRate: 0.5,
      timeoutRate: 0.1,
      hangMs: 300,
      duplicateDeliveries: 0.2,
    })
    await outbox.deliverDue(FAST)
    sim.setFaults({ system: '*', errorRate: 0, timeoutRate: 0, duplicateDeliveries: 0 })
    await drain()
    const postings = await client.get(`${API}/applications/${id}/postings`).bearerToken(me.token)
    postings.assertStatus(200)
    const list = postings.body().data
    assert.deepEqual(
      list.map((p: any) => [p.kind, p.amount, p.status]),
      [
        ['price', '150000.00', 'sent'],
        ['loss', '51500.00', 'sent'],
        ['off_balance', '1500.00', 'sent'],
      ]
    )
    const stats = sim.stats().postings
    for (const p of list) assert.equal(stats.appliedPerKey[p.idempotencyKey], 1, p.idempotencyKey)
    // 非批量转让台账 and the home-page widget show it.
    const ledger = await client
      .get('/api/ledgers/transfer-single/rows')
      .bearerToken(me.token)
      .qs({ keyword: detail.body().appNo })
    ledger.assertStatus(200)
    assert.equal(ledger.body().meta.total, 1)
    assert.containsSubset(ledger.body().data[0], {
      transferDate: today,
      bookValue: '201500.00',
      price: '150000.00',
      loss: '51500.00',
      transferee: '某某资产管理有限公司',
    })
    const widget = await client
      .get('/api/dashboard/widgets/transfer:year/data')
      .bearerToken(me.token)
    widget.assertStatus(200)
    assert.isAtLeast(widget.body().count ?? widget.body().data?.count, 1)
    assert.exists(
      await db
        .from('audit_logs')
        .where('action', 'transfer.application.complete')
        .where('entity_id', String(id))
        .first()
    )
  })

  test('422s: price below the reserve, malformed amounts, unknown fields, impossible dates', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const loan = await doubtfulLoan()
    const low = await client
      .post(`${API}/applications`)
      .bearerToken(me.token)
      .json(body([loan.loanId], { price: '100000.00' }))
    low.assertStatus(422)
    assert.include(low.body().message, '底价')
    const bad = await client
      .post(`${API}/applications`)
      .bearerToken(me.token)
      .json(body([loan.loanId], { valuation: '1.234', method: 'gift', extra: 1 }))
    bad.assertStatus(422)
    const id = await approvedApplication(client, me.token, [loan.loanId])
    const detail = await client.get(`${API}/applications/${id}`).bearerToken(me.token)
    const wrongDate = await client
      .post(`${API}/applications/${id}/notices/${detail.body().notices[0].id}/serve`)
      .bearerToken(me.token)
      .json({ servedOn: '2026-02-30', serviceWay: 'mail', proofRef: 'x' })
    wrongDate.assertStatus(422)
    // The loan is held by the open application.
    const again = await client
      .post(`${API}/applications`)
      .bearerToken(me.token)
      .json(body([loan.loanId]))
    again.assertStatus(409)
  })

  test('scope: another branch gets 404 on the list and every by-id route', async ({
    client,
    assert,
  }) => {
    const me = await applicant()
    const loan = await doubtfulLoan()
    const id = await approvedApplication(client, me.token, [loan.loanId])
    const other = await userWith({
      permissions: [
        'transfer:application:list',
        'transfer:application:create',
        'transfer:notice:update',
        'transfer:posting:list',
        'transfer:result:create',
        'transfer:fee:create',
        'transfer:posting:update',
      ],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const list = await client.get(`${API}/applications`).bearerToken(other.token)
    list.assertStatus(200)
    assert.isFalse(list.body().data.some((a: any) => a.id === id))
    ;(await client.get(`${API}/applications/${id}`).bearerToken(other.token)).assertStatus(404)
    ;(await client.get(`${API}/applications/${id}/postings`).bearerToken(other.token)).assertStatus(
      404
    )
    ;(await client.get(`${API}/applications/${id}/fees`).bearerToken(other.token)).assertStatus(404)
    ;(await client.post(`${API}/applications/${id}/submit`).bearerToken(other.token)).assertStatus(
      404
    )
    ;(
      await client
        .post(`${API}/applications/${id}/result`)
        .bearerToken(other.token)
        .json({ ...RESULT, paidOn: '2026-12-01', transferDate: '2026-12-01' })
    ).assertStatus(404)
    // The notices, their service, a fee and a posting retry: 404 as well.
    const noticeId = (await client.get(`${API}/applications/${id}`).bearerToken(me.token)).body()
      .notices[0].id
    for (const request of [
      client.get(`${API}/applications/${id}/notices/${noticeId}/pdf`),
      client
        .post(`${API}/applications/${id}/notices/${noticeId}/serve`)
        .json({ servedOn: '2026-12-01', serviceWay: 'mail', proofRef: 'EMS1' }),
      client.post(`${API}/applications/${id}/fees`).json({
        feeKind: 'appraisal_fee',
        payee: '某评估所',
        amount: '100.00',
        expenseDate: '2026-12-01',
        recoverable: false,
      }),
      client.post(`${API}/applications/${id}/postings/1/retry`),
    ])
      (await request.bearerToken(other.token)).assertStatus(404)
    // Creating with a loan outside the scope is a 404 too.
    ;(
      await client
        .post(`${API}/applications`)
        .bearerToken(other.token)
        .json(body([loan.loanId]))
    ).assertStatus(404)
  })
})
