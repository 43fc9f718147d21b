import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { outbox } from '#core/connectors/outbox'
import type { Simulator } from '../../../bank-systems/simulator/harness.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
} from '../../../bank-systems/simulator/harness.js'
import { bookWriter } from '../../../credit-assets/services/book_writer.js'
import { settleAcknowledged } from '../../receipts/book_settlement.js'
import bookSettlementJob from '../../jobs/book_settlement.js'
import { API, approvedReceipt, body, maker, securedLoan } from '../helpers.js'

/*
| 台账结清: the loan in credit-assets' book keeps its pre-抵债 balance until core
| banking acknowledged the receipt's loan postings; then its buckets go down by
| the settled amounts to the fen, the shortfall staying as the balance — once,
| however often the acknowledgement is seen (page read, job, a second node).
*/
const FAST = { backoffMs: 0, maxBackoffMs: 0, timeoutMs: 500, retries: 0, maxAttempts: 100 }

const buckets = async (loanId: number) => {
  const l = await db.from('ca_loans').where('id', loanId).firstOrFail()
  return [
    l.balance_fen,
    l.on_balance_interest_fen,
    l.overdue_interest_fen,
    l.penalty_interest_fen,
    l.compound_interest_fen,
  ].map(String)
}

test.group('foreclosure: the book settled once the postings are acknowledged', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    resetBreakers()
    return rollback
  })

  test('balance before and after the acknowledgement; run twice → settled once', async ({
    client,
    assert,
  }) => {
    const me = await maker()
    const loan = await securedLoan()
    const before = await buckets(loan.loanId)
    // 本金 200 000.00, 正常利息 1 500.00, 逾期利息 123.45, 罚息 67.89, 复利 1.01.
    assert.deepEqual(before, ['20000000', '150000', '12345', '6789', '101'])
    const id = await approvedReceipt(client, me.token, await body(loan))
    ;(await client.post(`${API}/receipts/${id}/post`).bearerToken(me.token)).assertStatus(200)

    // Posted, not yet acknowledged: the book still shows the debt; nothing to settle.
    assert.equal(await settleAcknowledged([id]), 0)
    const pending = await client.get(`${API}/receipts/${id}/postings`).bearerToken(me.token)
    assert.isTrue(pending.body().data.some((p: any) => p.status === 'pending'))
    assert.deepEqual(await buckets(loan.loanId), before)

    for (let i = 0; i < 20 && (await outbox.hasDue()); i++) await outbox.deliverDue(FAST)
    // Acknowledged: the page's read settles it (200 000.00 principal + 1 000.00 正常利息).
    const seen = await client.get(`${API}/receipts/${id}/postings`).bearerToken(me.token)
    seen.assertStatus(200)
    assert.isTrue(seen.body().data.every((p: any) => p.status === 'sent'))
    const after = ['0', '50000', '12345', '6789', '101']
    assert.deepEqual(await buckets(loan.loanId), after)
    // The shortfall 692.35 is the loan's remaining debt.
    const left = after.reduce((s, f) => s + BigInt(f), 0n)
    assert.equal(left, 69235n)

    // The ack seen again (the page, the job, a direct second run): nothing more.
    assert.equal(await settleAcknowledged([id]), 0)
    assert.deepEqual(await bookSettlementJob({} as any), { settled: 0 })
    await client.get(`${API}/receipts/${id}/postings`).bearerToken(me.token)
    assert.deepEqual(await buckets(loan.loanId), after)

    const rows = await db.from('ca_loan_settlements').where('loan_id', loan.loanId)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].ref, `foreclosure:${id}:${loan.loanId}`)
    assert.equal(String(rows[0].principal_fen), '20000000')
    assert.equal(String(rows[0].normal_interest_fen), '100000')
    const detail = await client.get(`${API}/receipts/${id}`).bearerToken(me.token)
    assert.isString(detail.body().bookSettledAt)
    const audits = await db
      .from('audit_logs')
      .where('action', 'foreclosure.receipt.book-settle')
      .where('entity_id', String(id))
    assert.lengthOf(audits, 1)
    const events = await db
      .from('ca_risk_events')
      .where('loan_id', loan.loanId)
      .where('event_type', 'balance')
    assert.lengthOf(events, 1)
    assert.deepInclude(JSON.parse(events[0].after_json), { balance: '0.00', interest: '692.35' })

    // The book itself refuses a second application of the same key.
    const again = await db.transaction((trx) =>
      bookWriter.settleLoan(trx, {
        loanId: loan.loanId,
        ref: `foreclosure:${id}:${loan.loanId}`,
        principalFen: '20000000',
        normalInterestFen: '100000',
        reason: '以资抵债 重复确认',
        businessDate: '2026-12-07',
        operatorId: null,
      })
    )
    assert.isFalse(again.applied)
    assert.equal(again.reduced.principal, '200000.00')
    assert.deepEqual(await buckets(loan.loanId), after)
  })
})
