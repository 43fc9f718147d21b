import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { userWith } from '#tests/helpers/auth'
import { bookLoan } from '../../../credit-assets/fixtures/book_fixture.js'

/*
| 客户检索's keyword (services/search.ts keywordCustomerIds): the name matches
| from its start by default (an index range on the 1 M-loan book), anywhere only
| with match=contains; customer no. and 借据号 by prefix; LIKE's wildcards in
| the keyword are literal; the data scope still applies.
*/
const base = '/api/customer-view'
const LIST = 'customer-view:customer:list'

test.group('customer-view: keyword search', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('name prefix by default, substring on request, numbers by prefix, wildcards literal', async ({
    client,
    assert,
  }) => {
    const a = await bookLoan({ orgCode: '110101', customerName: '检索测试朝阳甲公司' })
    const b = await bookLoan({ orgCode: '310101', customerName: '检索测试浦东乙公司' })
    const c = await bookLoan({ orgCode: '110102', customerName: '另一家检索_测试%公司' })
    const all = await userWith({ permissions: [LIST] })
    const search = async (qs: Record<string, string>, token = all.token) => {
      const res = await client.get(`${base}/customers`).qs(qs).bearerToken(token)
      res.assertStatus(200)
      return res
        .body()
        .data.map((r: any) => r.id)
        .sort()
    }
    const sorted = (...ids: number[]) => [...ids].sort()

    assert.deepEqual(await search({ keyword: '检索测试' }), sorted(a.customerId, b.customerId))
    assert.deepEqual(await search({ keyword: '朝阳甲' }), [])
    assert.deepEqual(await search({ keyword: '朝阳甲', match: 'contains' }), [a.customerId])
    assert.deepEqual(await search({ keyword: a.loanNo }), [a.customerId])
    assert.deepEqual(
      await search({ keyword: a.loanNo.slice(0, -1) }).then((ids) => ids.includes(a.customerId)),
      true
    )
    // '_' and '%' are the characters themselves, not wildcards.
    assert.deepEqual(await search({ keyword: '另一家检索_测试%' }), [c.customerId])
    assert.deepEqual(await search({ keyword: '%', match: 'contains' }), [c.customerId])
    assert.deepEqual(await search({ keyword: '检索_测试', match: 'contains' }), [c.customerId])

    const branch = await userWith({
      permissions: [LIST],
      dataScope: 'org_and_below',
      orgCode: '110000',
    })
    assert.deepEqual(await search({ keyword: '检索测试' }, branch.token), [a.customerId])
    ;(
      await client
        .get(`${base}/customers`)
        .qs({ keyword: 'x', match: 'fuzzy' })
        .bearerToken(all.token)
    ).assertStatus(422)
  })
})
