import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../../fixtures/book_fixture.js'

/*
| 记录选择器 (RecordPicker sources, ui/pickers.ts): customers and a customer's
| loans in the caller's data scope, searched by name/number, paged, labelled
| by ids; bad input is 422 with zh-CN messages.
*/
const tag = () => `PK${process.pid}`

test.group('credit-assets record pickers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a branch user picks only customers and loans of their branch', async ({
    client,
    assert,
  }) => {
    const chaoyang = await bookLoan({ orgCode: '110101', customerName: `${tag()}朝阳客户` })
    const second = await bookLoan({ orgCode: '110101', customerId: chaoyang.customerId })
    const pudong = await bookLoan({ orgCode: '310101', customerName: `${tag()}浦东客户` })
    const clerk = await userWith({
      permissions: ['credit-assets:loan:list'],
      dataScope: 'org_and_below',
      orgCode: '110101',
    })

    const found = await client
      .get('/api/credit-assets/pickers/customers')
      .qs({ keyword: tag() })
      .bearerToken(clerk.token)
    found.assertStatus(200)
    assert.deepEqual(found.body(), {
      data: [
        { value: chaoyang.customerId, label: `${tag()}朝阳客户`, hint: found.body().data[0].hint },
      ],
      total: 1,
    })

    const loans = await client
      .get('/api/credit-assets/pickers/loans')
      .qs({ customerId: chaoyang.customerId, perPage: 1, page: 2 })
      .bearerToken(clerk.token)
    assert.equal(loans.body().total, 2)
    assert.lengthOf(loans.body().data, 1)
    assert.includeMembers(
      [chaoyang.loanNo, second.loanNo],
      loans.body().data.map((l: { label: string }) => l.label)
    )

    // Labelling a saved value: an out-of-scope id comes back as nothing, not as a name.
    const labels = await client
      .get('/api/credit-assets/pickers/loans')
      .qs({ ids: `${chaoyang.loanId},${pudong.loanId}` })
      .bearerToken(clerk.token)
    assert.deepEqual(
      labels.body().data.map((l: { value: number }) => l.value),
      [chaoyang.loanId]
    )
  })

  test('bad input is 422, no permission is 403', async ({ client, assert }) => {
    const clerk = await userWith({ permissions: ['credit-assets:loan:list'] })
    const bad = await client
      .get('/api/credit-assets/pickers/customers')
      .qs({ ids: '1,abc', perPage: 500 })
      .bearerToken(clerk.token)
      .header('Accept-Language', 'zh-CN')
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((e: { field: string }) => e.field),
      ['ids', 'perPage']
    )
    const nobody = await userWith({ permissions: [] })
    const forbidden = await client
      .get('/api/credit-assets/pickers/customers')
      .bearerToken(nobody.token)
    forbidden.assertStatus(403)
  })
})

test.group('credit-assets risk-asset picker', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a branch user finds risk assets of their branch only, by customer or loan number', async ({
    client,
    assert,
  }) => {
    const ours = await bookLoan({
      orgCode: '110101',
      customerName: `${tag()}_甲风险`,
      riskAsset: true,
    })
    const lookAlike = await bookLoan({
      orgCode: '110101',
      customerName: `${tag()}X甲风险`,
      riskAsset: true,
    })
    await bookLoan({ orgCode: '110101', customerName: `${tag()}_甲正常` }) // not a risk asset
    const theirs = await bookLoan({
      orgCode: '310101',
      customerName: `${tag()}_甲浦东`,
      riskAsset: true,
    })
    const clerk = await userWith({
      permissions: ['credit-assets:risk-asset:list'],
      dataScope: 'org_and_below',
      orgCode: '110101',
    })
    const ask = (qs: Record<string, unknown>) =>
      client.get('/api/credit-assets/pickers/risk-assets').qs(qs).bearerToken(clerk.token)

    // '_' is literal: the look-alike (X) and the other branch's asset are not found.
    const found = await ask({ keyword: `${tag()}_甲`, value: 'loan' })
    found.assertStatus(200)
    assert.deepEqual(
      found.body().data.map((o: { value: number; label: string }) => [o.value, o.label]),
      [[ours.loanId, `${ours.loanNo} ${tag()}_甲风险`]]
    )
    assert.equal(found.body().total, 1)

    const byLoanNo = await ask({ keyword: lookAlike.loanNo, value: 'loan' })
    assert.deepEqual(
      byLoanNo.body().data.map((o: { value: number }) => o.value),
      [lookAlike.loanId]
    )

    // Labelling a saved value: the other branch's loan comes back as nothing.
    const labels = await ask({ ids: `${ours.loanId},${theirs.loanId}`, value: 'loan' })
    assert.deepEqual(
      labels.body().data.map((o: { value: number }) => o.value),
      [ours.loanId]
    )

    // Default value is the risk asset's id; a keyword search never crosses branches.
    const riskIds = await ask({ keyword: tag() })
    assert.equal(riskIds.body().total, 2)
    assert.notInclude(
      riskIds.body().data.map((o: { label: string }) => o.label),
      `${theirs.loanNo} ${tag()}_甲浦东`
    )
  })
})
