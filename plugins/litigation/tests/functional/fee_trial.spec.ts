import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenFor, userWith } from '#tests/helpers/auth'

const url = '/api/litigation/fee-trial'

test.group('litigation: POST /api/litigation/fee-trial (诉讼费试算)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each kind over HTTP, answered as a decimal string', async ({ client, assert }) => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'acceptance', amount: '100000.00' }, '2300.00'],
      [{ kind: 'acceptance', amount: '250000.00', summaryProcedure: true }, '2525.00'],
      [{ kind: 'preservation', amount: '2000000.00' }, '5000.00'],
      [{ kind: 'execution', amount: '500000.00' }, '7400.00'],
      [{ kind: 'payment-order', amount: '10000.00' }, '16.67'],
    ]
    for (const [body, fee] of cases) {
      // A fresh session each time: the repeat-submit guard would refuse a repeated body.
      const response = await client
        .post(url)
        .bearerToken(await tokenFor('admin'))
        .json(body)
      response.assertStatus(200)
      assert.strictEqual(response.body().fee, fee, JSON.stringify(body))
    }
  })

  test('422 with zh-CN messages: negative, malformed, unknown kind or field, halving misapplied', async ({
    client,
    assert,
  }) => {
    const bad: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ kind: 'acceptance', amount: '-1.00' }, 'amount', /金额/],
      [{ kind: 'acceptance', amount: '12.345' }, 'amount', /金额/],
      [{ kind: 'acceptance', amount: 1000 }, 'amount', /金额/],
      [{ kind: 'acceptance', amount: '0' }, 'amount', /金额/],
      [{ kind: 'appeal', amount: '100.00' }, 'kind', /费用种类/],
      [
        { kind: 'acceptance', amount: '100.00', summaryProcdure: true },
        'summaryProcdure',
        /未知字段/,
      ],
      [
        { kind: 'execution', amount: '100.00', summaryProcedure: true },
        'summaryProcedure',
        /简易程序/,
      ],
    ]
    for (const [body, field, message] of bad) {
      const response = await client
        .post(url)
        .bearerToken(await tokenFor('admin'))
        .header('accept-language', 'zh-CN')
        .json(body)
      response.assertStatus(422)
      const error = response.body().errors.find((e: any) => e.field === field)
      assert.exists(error, `${JSON.stringify(body)} → ${JSON.stringify(response.body())}`)
      assert.match(error.message, message)
    }
  })

  test('the schedules the page shows are the ones the server computes with', async ({
    client,
    assert,
  }) => {
    const response = await client.get(`${url}/schedules`).bearerToken(await tokenFor('admin'))
    response.assertStatus(200)
    const acceptance = response.body().data.find((s: any) => s.kind === 'acceptance')
    assert.lengthOf(acceptance.bands, 10)
    assert.equal(acceptance.bands[1].percent, '2.5%')
    assert.equal(response.body().data.find((s: any) => s.kind === 'preservation').cap, '5000')
  })

  test('without the permission: 403', async ({ client }) => {
    const user = await userWith({ permissions: [], dataScope: 'org', orgCode: '110101' })
    const response = await client
      .post(url)
      .bearerToken(user.token)
      .json({ kind: 'acceptance', amount: '100.00' })
    response.assertStatus(403)
  })
})
