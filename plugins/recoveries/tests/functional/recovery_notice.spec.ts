import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'
import { callingSystem, signedCall } from '#tests/helpers/gateway'

/*
| 接入接口 through the API gateway with signed requests: 数据中台's recovery
| notice lands once as a pending transaction (a repeat is a duplicate, a loan
| not under risk management is not a recovery, a wrong sum is a 422), and
| 信贷门户's loan risk status query answers the loan's class.
*/
const NOTICE = '/gateway/v1/recoveries/recovery-notice'

test.group('接入接口: recovery notice and loan risk status', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a recovery notice is stored once, pending confirmation', async ({ client, assert }) => {
    const loan = await bookLoan({ riskAsset: true, fiveClass: 'substandard' })
    const other = await bookLoan({ riskAsset: false })
    const sys = await callingSystem(['recoveries.recovery-notice'])
    const notice = (txnNo: string, loanNo: string, amount = '150.50') => ({
      txnNo,
      loanNo,
      customerNo: 'C1',
      postedOn: '2026-03-02',
      principal: '100.00',
      interest: '50.50',
      penalty: '0.00',
      amount,
      channel: '柜面',
      payerName: '张三',
    })
    const call = (body: unknown) =>
      signedCall(client, {
        keyId: sys.keyId,
        secret: sys.secret,
        method: 'POST',
        path: NOTICE,
        body,
      })

    const first = await call(notice(`TN${loan.loanId}`, loan.loanNo))
    first.assertStatus(200)
    assert.equal(first.body().outcome, 'received')
    const row = await db.from('recoveries_transactions').where('txn_no', `TN${loan.loanId}`).first()
    assert.equal(row.status, 'pending')
    assert.equal(String(row.amount_fen), '15050')
    assert.equal((await call(notice(`TN${loan.loanId}`, loan.loanNo))).body().outcome, 'duplicate')
    assert.equal(
      (await call(notice(`TX${other.loanId}`, other.loanNo))).body().outcome,
      'notRiskAsset'
    )

    const wrongSum = await call(notice(`TW${loan.loanId}`, loan.loanNo, '999.00'))
    wrongSum.assertStatus(422)
    assert.equal(wrongSum.body().errors[0].field, 'amount')
    const bad = await call({ ...notice(`TB${loan.loanId}`, loan.loanNo), postedOn: '2026-02-30' })
    bad.assertStatus(422)
    const missing = await call({ txnNo: 'x' })
    missing.assertStatus(422)
    const outcomes = (
      await db.from('gateway_calls').where('client_code', sys.code).select('outcome')
    ).map((r) => r.outcome)
    assert.includeMembers(outcomes, ['ok', 'invalid'])
  })

  test('信贷门户 reads a loan risk status; an unknown loan is a 404', async ({
    client,
    assert,
  }) => {
    const loan = await bookLoan({ riskAsset: true, fiveClass: 'doubtful', overdueDays: 200 })
    const sys = await callingSystem(['credit-assets.loan-risk-status'])
    const path = `/gateway/v1/credit-assets/loan-risk-status?loanNo=${loan.loanNo}`
    const answer = await signedCall(client, {
      keyId: sys.keyId,
      secret: sys.secret,
      method: 'GET',
      path,
    })
    answer.assertStatus(200)
    assert.containsSubset(answer.body(), {
      loanNo: loan.loanNo,
      fiveClass: 'doubtful',
      overdueDays: 200,
      underRiskManagement: true,
    })
    const unknown = await signedCall(client, {
      keyId: sys.keyId,
      secret: sys.secret,
      method: 'GET',
      path: '/gateway/v1/credit-assets/loan-risk-status?loanNo=NOPE',
    })
    unknown.assertStatus(404)
    const noGrant = await signedCall(client, {
      keyId: sys.keyId,
      secret: sys.secret,
      method: 'POST',
      path: NOTICE,
      body: {},
    })
    noGrant.assertStatus(403)
  })
})
