import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { buildBook, type SharedBook } from '#tests/fixtures/book'
import { addRepayment, type CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'
import { outcomeTotals } from '../../../disposal/services/outcomes_api.js'
import { fetchTransactions } from '../../services/fetch_transactions.js'

/*
| 交易流水确认: transactions fetched from the simulated 核心系统 once per number,
| only for risk assets; confirmed with a recovery method that reaches
| 风险资产处置回收台账, the disposal outcome (目标管理's 完成金额) and the customer
| timeline; corrected with an audited reason; all in the caller's data scope.
*/
const DATE = '2026-03-10'

async function setup(sim: Simulator) {
  await businessDate.set('2026-03-15')
  const book = await buildBook()
  const { loans } = book.data['credit-assets'] as unknown as CreditBook
  sim.injectRecoveryTransaction({
    txnNo: 'TX20260310001',
    loanNo: loans.substandard.loanNo,
    postedOn: DATE,
    principalFen: '1000000', // 10,000.00
    interestFen: '50000', // 500.00
    penaltyFen: '1234', // 12.34
  })
  // An ordinary loan's repayment is no recovery: not kept.
  sim.injectRecoveryTransaction({
    txnNo: 'TX20260310002',
    loanNo: loans.normal.loanNo,
    postedOn: DATE,
    principalFen: '500000',
    interestFen: '0',
    penaltyFen: '0',
  })
  return { book, loans }
}

const txnRow = () => db.from('recoveries_transactions').where('txn_no', 'TX20260310001').first()

const ledgerRows = async (client: ApiClient, book: SharedBook, loanNo: string) => {
  const response = await client
    .get(`/api/ledgers/risk-recoveries/rows?keyword=${loanNo}`)
    .bearerToken(book.people.headOfficeRisk.token)
  response.assertStatus(200)
  return response.body().data as any[]
}

test.group('recoveries: 交易流水确认', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  test('fetching a date twice stores each transaction once, risk assets only', async ({
    assert,
  }) => {
    await setup(sim)
    const first = await fetchTransactions(DATE)
    assert.include(first, { received: 2, added: 1, notRiskAssets: 1, alreadyKnown: 0 })
    const again = await fetchTransactions(DATE)
    assert.include(again, { received: 2, added: 0, alreadyKnown: 1 })
    const rows = await db.from('recoveries_transactions').where('txn_no', 'like', 'TX20260310%')
    assert.lengthOf(rows, 1)
    assert.equal(String(rows[0].amount_fen), '1051234')
    assert.equal(rows[0].status, 'pending')
  })

  test('fetch on demand is a job; a future date, a bad date or an unknown field is a 422', async ({
    client,
    assert,
  }) => {
    const { book } = await setup(sim)
    const token = book.people.headOfficeRisk.token
    const post = (body: object) =>
      client.post('/api/recoveries/transactions/fetch').bearerToken(token).json(body)
    const future = await post({ businessDate: '2026-03-16' })
    future.assertStatus(422)
    assert.equal(future.body().errors[0].field, 'businessDate')
    ;(await post({ businessDate: '2026-02-30' })).assertStatus(422)
    const unknown = await post({ businessDate: DATE, force: true })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'force')
    const ok = await post({ businessDate: DATE })
    ok.assertStatus(202)
    assert.isString(String(ok.body().jobId))
  })

  test('a confirmed method reaches the recovery ledger, the outcome, the targets and the timeline; a correction follows', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await setup(sim)
    await fetchTransactions(DATE)
    const txn = await txnRow()
    const clerk = book.people.accountManagerB.token // 管户人 of the 次级 loan
    const url = `/api/recoveries/transactions/${txn.id}`

    // Bad input: a method outside the dictionary, none, or an unknown field.
    const bad = await client.post(`${url}/confirm`).bearerToken(clerk).json({ method: 'magic' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'method')
    ;(await client.post(`${url}/confirm`).bearerToken(clerk).json({})).assertStatus(422)
    ;(
      await client.post(`${url}/confirm`).bearerToken(clerk).json({ method: 'cash', amount: '1' })
    ).assertStatus(422)

    // A recovery target for the loan's branch: 以资抵债 is no cash (清收), but 压降.
    const hq = book.people.headOfficeRisk.token
    for (const kind of ['recovery', 'reduction'])
      (
        await client.post('/api/targets/head/targets').bearerToken(hq).json({
          orgId: book.orgs.branches[0],
          year: 2026,
          period: 'Y',
          kind,
          amount: '100000.00',
        })
      ).assertStatus(201)

    const confirmed = await client
      .post(`${url}/confirm`)
      .bearerToken(clerk)
      .json({ method: 'foreclosure', remark: '抵债房产过户' })
    confirmed.assertStatus(200)
    assert.include(confirmed.body(), { status: 'confirmed', method: 'foreclosure' })
    const again = await client
      .post(`${url}/confirm`)
      .bearerToken(book.people.headOfficeRisk.token)
      .json({ method: 'cash' })
    again.assertStatus(409)

    // The book: one repayment with the number and the method; the ledger shows it.
    const repayments = await db.from('ca_repayments').where('txn_no', 'TX20260310001')
    assert.lengthOf(repayments, 1)
    assert.equal(repayments[0].recovery_method, 'foreclosure')
    const [ledgerRow] = await ledgerRows(client, book, loans.substandard.loanNo)
    assert.include(ledgerRow, { method: 'foreclosure', txnNo: 'TX20260310001' })
    assert.equal(ledgerRow.recovered, '10512.34')

    // The outcome: 以资抵债, non-cash 10,512.34, 压降 = principal 10,000.00.
    let totals = await outcomeTotals({ completedFrom: DATE, completedTo: DATE })
    const debt = totals.byMethod.find((m) => m.method === 'debt_for_asset')!
    assert.include(debt, {
      cashRecovered: '0.00',
      nonCashRecovered: '10512.34',
      balanceReduced: '10000.00',
    })
    const tracking = async () =>
      Object.fromEntries(
        (await client.get('/api/targets/head/tracking?year=2026').bearerToken(hq))
          .body()
          .data.filter((r: any) => r.orgId === book.orgs.branches[0])
          .map((r: any) => [r.kind, r.actual])
      )
    assert.deepEqual(await tracking(), { recovery: '0.00', reduction: '10000.00' })

    // The customer timeline.
    const events = await db
      .from('ca_risk_events')
      .where({ loan_id: loans.substandard.loanId, event_type: 'recoveries.confirmed' })
    assert.lengthOf(events, 1)
    assert.include(JSON.parse(events[0].after_json), { method: 'foreclosure', amount: '10512.34' })

    // Correction: a reason is required, the same method refused, then 现金清收.
    ;(await client.post(`${url}/correct`).bearerToken(clerk).json({ method: 'cash' })).assertStatus(
      422
    )
    const same = await client
      .post(`${url}/correct`)
      .bearerToken(clerk)
      .json({ method: 'foreclosure', reason: '重复' })
    same.assertStatus(422)
    assert.equal(same.body().errors[0].field, 'method')
    const corrected = await client
      .post(`${url}/correct`)
      .bearerToken(clerk)
      .json({ method: 'cash', reason: '抵债未成，实为现金还款' })
    corrected.assertStatus(200)
    assert.include(corrected.body(), { method: 'cash', corrections: 1 })

    assert.equal(
      (await db.from('ca_repayments').where('txn_no', 'TX20260310001').first()).recovery_method,
      'cash'
    )
    assert.equal((await ledgerRows(client, book, loans.substandard.loanNo))[0].method, 'cash')
    totals = await outcomeTotals({ completedFrom: DATE, completedTo: DATE })
    const by = Object.fromEntries(totals.byMethod.map((m) => [m.method, m]))
    assert.equal(by.debt_for_asset.nonCashRecovered, '0.00') // reversed: nets out
    assert.include(by.collection, { cashRecovered: '10512.34', balanceReduced: '10000.00' })
    assert.deepEqual(await tracking(), { recovery: '10512.34', reduction: '10000.00' })

    // The evening recovery step does not record the repayment a second time.
    const { jobRegistry } = await import('#core/queue/job_registry')
    const handler = await jobRegistry.handler('disposal:recovery-outcomes')
    await handler({ jobId: 'test', payload: {}, progress: async () => {} })
    totals = await outcomeTotals({ completedFrom: DATE, completedTo: DATE })
    assert.equal(totals.total.cashRecovered, '10512.34')

    const detail = await client.get(url).bearerToken(clerk)
    assert.lengthOf(detail.body().correctionsList, 1)
    assert.include(detail.body().correctionsList[0], {
      fromMethod: 'foreclosure',
      toMethod: 'cash',
      reason: '抵债未成，实为现金还款',
    })
    const audits = await db
      .from('audit_logs')
      .where('entity_type', 'recoveries_transaction')
      .where('entity_id', String(txn.id))
      .orderBy('id')
    assert.deepEqual(
      audits.map((a) => a.action),
      ['recoveries.transaction.confirm', 'recoveries.transaction.correct']
    )
    assert.include(audits[1].detail, '抵债未成')
  })

  test('a repayment the book already holds is claimed, not doubled; its 清收 outcome is re-filed', async ({
    client,
    assert,
  }) => {
    const { book, loans } = await setup(sim)
    // The book's own repayment (data platform / demo) on the 次级 risk asset, already turned
    // into a 清收 outcome by the evening recovery step.
    await addRepayment(loans.substandard.loanId, {
      paidOn: '2026-03-11',
      principalFen: '300000',
      interestFen: '2000',
      createdAt: '2026-03-11 18:00:00',
    })
    const { jobRegistry } = await import('#core/queue/job_registry')
    const step = await jobRegistry.handler('disposal:recovery-outcomes')
    await step({ jobId: 'test', payload: {}, progress: async () => {} })
    let totals = await outcomeTotals({ completedFrom: '2026-03-11', completedTo: '2026-03-11' })
    assert.equal(totals.byMethod.find((m) => m.method === 'collection')?.cashRecovered, '3020.00')

    // Core banking reports the same payment with its transaction number.
    const fetched = await fetchTransactions('2026-03-11')
    assert.include(fetched, { received: 1, added: 1 })
    const txn = await db
      .from('recoveries_transactions')
      .where('loan_id', loans.substandard.loanId)
      .where('posted_on', '2026-03-11')
      .first()
    ;(
      await client
        .post(`/api/recoveries/transactions/${txn.id}/confirm`)
        .bearerToken(book.people.headOfficeRisk.token)
        .json({ method: 'litigation' })
    ).assertStatus(200)
    const repayments = await db
      .from('ca_repayments')
      .where('loan_id', loans.substandard.loanId)
      .where('paid_on', '2026-03-11')
    assert.lengthOf(repayments, 1)
    assert.include(repayments[0], { txn_no: txn.txn_no, recovery_method: 'litigation' })
    totals = await outcomeTotals({ completedFrom: '2026-03-11', completedTo: '2026-03-11' })
    const by = Object.fromEntries(totals.byMethod.map((m) => [m.method, m]))
    assert.equal(by.collection.cashRecovered, '0.00') // reversed
    assert.include(by.litigation, { cashRecovered: '3020.00', balanceReduced: '3000.00' })
    assert.equal(totals.total.cashRecovered, '3020.00')
  })

  test('out of the caller’s data scope a transaction is hidden and a 404', async ({
    client,
    assert,
  }) => {
    const { book } = await setup(sim)
    await fetchTransactions(DATE)
    const txn = await txnRow()
    const a = book.people.accountManagerA.token // 仅本人; the 次级 loan is manager B's
    const list = await client.get('/api/recoveries/transactions').bearerToken(a)
    list.assertStatus(200)
    assert.notInclude(
      list.body().data.map((r: any) => r.txnNo),
      'TX20260310001'
    )
    ;(await client.get(`/api/recoveries/transactions/${txn.id}`).bearerToken(a)).assertStatus(404)
    ;(
      await client
        .post(`/api/recoveries/transactions/${txn.id}/confirm`)
        .bearerToken(a)
        .json({ method: 'cash' })
    ).assertStatus(404)
    const other = await client
      .get('/api/recoveries/transactions')
      .bearerToken(book.people.otherBranchManager.token)
    assert.equal(other.body().meta.total, 0)
    const b = await client
      .get('/api/recoveries/transactions')
      .bearerToken(book.people.accountManagerB.token)
    assert.include(
      b.body().data.map((r: any) => r.txnNo),
      'TX20260310001'
    )
  })
})
