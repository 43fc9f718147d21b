import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDate } from '#core/business_day/business_date'
import { buildBook } from '#tests/fixtures/book'
import type { CreditBook } from '../../../credit-assets/fixtures/book_fixture.js'
import {
  pointSystemsAt,
  resetBreakers,
  startTestSimulator,
  type Simulator,
} from '../../../bank-systems/simulator/harness.js'

/*
| 委外清收: an agency, an assignment of a customer's loans for a period with a
| target, the recoveries confirmed on 交易流水确认 attributed once each, the
| commission to the fen (half-up), 委外清收台账, strict input and the scope.
*/
const agency = (over: object = {}) => ({
  name: '北京某某资产管理有限公司',
  licenceNo: 'LIC-2026-001',
  licenceExpiresOn: '2027-12-31',
  contractNo: 'WW-HT-2026-01',
  contractFrom: '2026-01-01',
  contractTo: '2026-12-31',
  commissionRate: '2.5',
  contact: '张经理',
  status: 'active',
  ...over,
})

test.group('collection: 委外清收', (group) => {
  let sim: Simulator
  group.setup(async () => {
    sim = await startTestSimulator()
    return () => sim.stop()
  })
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    sim.reset()
    await pointSystemsAt(sim)
    await businessDate.set('2026-03-15')
    return async () => {
      await rollback()
      resetBreakers()
    }
  })

  test('confirmed recoveries in the period are attributed once, with commissions to the fen', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const hq = book.people.headOfficeRisk.token
    const created = await client.post('/api/collection/agencies').bearerToken(hq).json(agency())
    created.assertStatus(201)
    const agencyId = created.body().id

    const assign = await client
      .post('/api/collection/assignments')
      .bearerToken(hq)
      .json({
        agencyId,
        customerId: loans.doubtful.customerId,
        loanIds: [loans.doubtful.loanId],
        periodFrom: '2026-02-01',
        periodTo: '2026-06-30',
        target: '5000.00',
      })
    assign.assertStatus(201)
    const assignmentId = assign.body().id
    // The same loan to another agency for an overlapping period: refused.
    const second = await client
      .post('/api/collection/agencies')
      .bearerToken(hq)
      .json(agency({ licenceNo: 'LIC-2026-002', name: '上海某某清收公司' }))
    const overlap = await client
      .post('/api/collection/assignments')
      .bearerToken(hq)
      .json({
        agencyId: second.body().id,
        customerId: loans.doubtful.customerId,
        loanIds: [loans.doubtful.loanId],
        periodFrom: '2026-06-01',
        periodTo: '2026-08-31',
        target: '1.00',
      })
    overlap.assertStatus(422)
    assert.equal(overlap.body().errors[0].field, 'loanIds')

    // Two recoveries inside the period, one before it; confirmed on 交易流水确认.
    const txns = [
      ['TXW001', '2026-03-10', '100020'], // 1,000.20 × 2.5 % = 25.005 → 25.01
      ['TXW002', '2026-03-12', '100010'], // 1,000.10 × 2.5 % = 25.0025 → 25.00
      ['TXW003', '2026-01-20', '500000'], // before the period: not the agency's
    ] as const
    for (const [txnNo, postedOn, fen] of txns) {
      sim.injectRecoveryTransaction({
        txnNo,
        loanNo: loans.doubtful.loanNo,
        postedOn,
        principalFen: fen,
        interestFen: '0',
        penaltyFen: '0',
      })
      const fetch = await client
        .post('/api/recoveries/transactions/fetch')
        .bearerToken(hq)
        .json({ businessDate: postedOn })
      fetch.assertStatus(202)
    }
    // The fetch jobs, run here and now (the queue may not have reached them yet).
    const { jobRegistry } = await import('#core/queue/job_registry')
    const fetchJob = await jobRegistry.handler('recoveries:fetch')
    for (const [, postedOn] of txns)
      await fetchJob({
        jobId: 'test',
        payload: { businessDate: postedOn },
        progress: async () => {},
      })
    const rows = await client
      .get('/api/recoveries/transactions?keyword=TXW&perPage=50')
      .bearerToken(hq)
    for (const row of rows.body().data)
      (
        await client
          .post(`/api/recoveries/transactions/${row.id}/confirm`)
          .bearerToken(hq)
          .json({ method: 'cash' })
      ).assertStatus(200)

    const attributed = await client
      .post(`/api/collection/assignments/${assignmentId}/attribute`)
      .bearerToken(hq)
    attributed.assertStatus(200)
    assert.deepEqual(attributed.body(), { added: 2, recovered: '2000.30', commission: '50.01' })
    const again = await client
      .post(`/api/collection/assignments/${assignmentId}/attribute`)
      .bearerToken(book.people.branchManager.token)
    assert.equal(again.body().added, 0)

    const commissions = await client
      .get(`/api/collection/assignments/${assignmentId}/commissions`)
      .bearerToken(hq)
    assert.deepEqual(
      commissions.body().map((c: any) => [c.txnNo, c.recovered, c.commission, c.status]),
      [
        ['TXW001', '1000.20', '25.01', 'accrued'],
        ['TXW002', '1000.10', '25.00', 'accrued'],
      ]
    )
    const list = await client.get('/api/collection/assignments').bearerToken(hq)
    assert.include(list.body().data[0], {
      recovered: '2000.30',
      target: '5000.00',
      completion: '40.01',
      commissionAccrued: '50.01',
    })

    // 支付佣金: one expense for the agency through 费用管理; nothing left to pay after it.
    const paid = await client
      .post(`/api/collection/assignments/${assignmentId}/pay`)
      .bearerToken(hq)
    paid.assertStatus(200)
    assert.include(paid.body(), { amount: '50.01', commissions: 2 })
    const expense = await db.from('exp_expenses').where('expense_no', paid.body().expenseNo).first()
    assert.exists(expense)
    assert.equal(String(expense.amount_fen), '5001')
    const claimed = await client
      .get(`/api/collection/assignments/${assignmentId}/commissions`)
      .bearerToken(hq)
    assert.isTrue(
      claimed
        .body()
        .every((c: any) => c.status === 'claimed' && c.expenseRef === paid.body().expenseNo)
    )
    const twice = await client
      .post(`/api/collection/assignments/${assignmentId}/pay`)
      .bearerToken(book.people.branchManager.token)
    twice.assertStatus(422)

    // 委外清收台账: the two rows and their 合计.
    const ledger = await client.get('/api/ledgers/collection-outsourcing/rows').bearerToken(hq)
    ledger.assertStatus(200)
    assert.lengthOf(ledger.body().data, 2)
    assert.equal(ledger.body().data[0].agencyName, '北京某某资产管理有限公司')
  })

  test('agency input is strict; assignments and agencies follow the data scope', async ({
    client,
    assert,
  }) => {
    const book = await buildBook()
    const { loans } = book.data['credit-assets'] as unknown as CreditBook
    const hq = book.people.headOfficeRisk.token
    for (const [over, field] of [
      [{ commissionRate: '2.55555' }, 'commissionRate'],
      [{ commissionRate: '120' }, 'commissionRate'],
      [{ licenceExpiresOn: '2027-02-29' }, 'licenceExpiresOn'],
      [{ contractTo: '2025-12-31' }, 'contractTo'],
      [{ status: 'unknown' }, 'status'],
      [{ bonus: '1' }, 'bonus'],
    ] as const) {
      const response = await client
        .post('/api/collection/agencies')
        .bearerToken(hq)
        .json(agency(over))
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field)
    }
    const created = await client.post('/api/collection/agencies').bearerToken(hq).json(agency())
    // Same licence (another session: the repeat-submit guard would answer first).
    const dup = await client
      .post('/api/collection/agencies')
      .bearerToken(book.people.branchManager.token)
      .json(agency())
    dup.assertStatus(422)
    assert.equal(dup.body().errors[0].field, 'licenceNo')
    const past = await client
      .post('/api/collection/assignments')
      .bearerToken(hq)
      .json({
        agencyId: created.body().id,
        customerId: loans.substandard.customerId,
        loanIds: [loans.substandard.loanId],
        periodFrom: '2026-02-01',
        periodTo: '2027-06-30', // past the contract
        target: '100.00',
      })
    past.assertStatus(422)
    assert.equal(past.body().errors[0].field, 'periodTo')
    const ok = await client
      .post('/api/collection/assignments')
      .bearerToken(hq)
      .json({
        agencyId: created.body().id,
        customerId: loans.substandard.customerId,
        loanIds: [loans.substandard.loanId],
        periodFrom: '2026-02-01',
        periodTo: '2026-06-30',
        target: '100.00',
        commissionRate: '3',
      })
    ok.assertStatus(201)
    // 仅本人 A: the 次级 loan is B's → not listed, its actions 404.
    const a = book.people.accountManagerA.token
    assert.equal(
      (await client.get('/api/collection/assignments').bearerToken(a)).body().meta.total,
      0
    )
    ;(
      await client.post(`/api/collection/assignments/${ok.body().id}/attribute`).bearerToken(a)
    ).assertStatus(404)
    ;(
      await client
        .get(`/api/collection/assignments/${ok.body().id}/commissions`)
        .bearerToken(book.people.otherBranchManager.token)
    ).assertStatus(404)
    const b = await client
      .get('/api/collection/assignments')
      .bearerToken(book.people.accountManagerB.token)
    assert.equal(b.body().meta.total, 1)
    assert.equal(b.body().data[0].commissionRate, '3')
    const audit = await db.from('audit_logs').where('action', 'collection.assignment.create')
    assert.isAtLeast(audit.length, 1)
  })
})
