import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { addRepayment, bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'

const url = '/api/disposal/interest-trial'

const workedExample = {
  start: '2023-01-01',
  asOf: '2024-01-01',
  rates: [{ from: '2023-01-01', annualRate: '0.0435' }],
  penaltySurcharge: '0.5',
  installments: [{ dueDate: '2023-07-01', principal: '1000000.00' }],
  interestDueDates: ['2023-03-21', '2023-06-21'],
  repayments: [{ date: '2023-10-01', amount: '50000.00' }],
}

test.group('disposal: POST /api/disposal/interest-trial', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the worked example over HTTP, with its step table', async ({ client, assert }) => {
    const response = await client
      .post(url)
      .bearerToken(await tokenFor('admin'))
      .json(workedExample)
    response.assertStatus(200)
    const body = response.body()
    assert.include(body, {
      notDuePrincipal: '0.00',
      overduePrincipal: '989107.15',
      accruedInterest: '0.00',
      overdueInterest: '0.00',
      penaltyInterest: '16493.36',
      compoundInterest: '0.00',
      unapplied: '0.00',
    })
    assert.isAbove(body.steps.length, 3)
    assert.include(body.steps.at(-1).formula, '16,493.36 元')
  })

  test('422 with zh-CN field messages, for single fields and cross-field rules', async ({
    client,
    assert,
  }) => {
    const token = await tokenFor('admin')
    const bad = await client
      .post(url)
      .bearerToken(token)
      .json({
        ...workedExample,
        start: '2023-02-30',
        rates: [],
        repayments: [{ date: '2023-10-01', amount: '1.234' }],
      })
    bad.assertStatus(422)
    const fields = bad.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['start', 'rates', 'repayments.0.amount'])
    assert.match(bad.body().errors.find((e: any) => e.field === 'start').message, /起息日/)

    const cross = await client
      .post(url)
      .bearerToken(token)
      .json({ ...workedExample, asOf: '2022-01-01' })
    cross.assertStatus(422)
    assert.deepEqual(cross.body().errors[0].field, 'asOf')
    assert.equal(cross.body().errors[0].message, '试算日不得早于起息日')
  })

  test('403 without the permission, 401 without a token', async ({ client }) => {
    const { token } = await userWith({ permissions: ['credit-assets:loan:list'] })
    ;(await client.post(url).bearerToken(token).json(workedExample)).assertStatus(403)
    ;(await client.post(url).json(workedExample)).assertStatus(401)
  })

  test('the form fills from a loan in scope; another branch’s loan is a 404', async ({
    client,
    assert,
  }) => {
    const mine = await bookLoan({ orgCode: '110101', riskAsset: true, customerName: '试算客户甲' })
    const theirs = await bookLoan({ orgCode: '310101', riskAsset: true })
    await addRepayment(mine.loanId, {
      paidOn: '2025-06-21',
      principalFen: '100000',
      interestFen: '2345',
      penaltyFen: '5',
    })
    const { token } = await userWith({
      permissions: ['disposal:interest:trial'],
      dataScope: 'org',
      orgCode: '110101',
    })
    const filled = await client.get(`${url}/loans/${mine.loanId}`).bearerToken(token)
    filled.assertStatus(200)
    const input = filled.body().input
    assert.equal(input.start, '2025-01-01')
    assert.deepEqual(input.rates, [{ from: '2025-01-01', annualRate: '0.0435' }])
    assert.deepEqual(input.installments, [{ dueDate: '2027-01-01', principal: '1000000.00' }])
    assert.deepEqual(input.repayments, [{ date: '2025-06-21', amount: '1023.50' }])
    assert.equal(input.interestDueDates[0], '2025-01-21')
    // The filled form runs as is.
    ;(await client.post(url).bearerToken(token).json(input)).assertStatus(200)

    ;(await client.get(`${url}/loans/${theirs.loanId}`).bearerToken(token)).assertStatus(404)
    const search = await client.get(`${url}/loans`).qs({ keyword: '试算客户甲' }).bearerToken(token)
    assert.deepEqual(
      search.body().data.map((l: any) => l.id),
      [mine.loanId]
    )
    const all = await client.get(`${url}/loans`).bearerToken(token)
    assert.notInclude(
      all.body().data.map((l: any) => l.id),
      theirs.loanId
    )
  })
})
