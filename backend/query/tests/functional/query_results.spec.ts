import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor, userWith } from '#tests/helpers/auth'
import { grantRole, makeRole } from '#tests/factories/identity'
import { DATASET, q, riskBook, snapshot } from './query_fixtures.js'

// A distinct URL per call: the same POST twice within 2 s is 防重复提交's 409.
let calls = 0
const run = (client: any, token: string, query: unknown, extra: Record<string, unknown> = {}) =>
  client
    .post(`/api/query/run?call=${++calls}`)
    .bearerToken(token)
    .json({ query, ...extra })

test.group('综合查询: results, groups, as-of, scope and permissions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('catalogue lists only usable datasets and fields, never SQL', async ({ client, assert }) => {
    const viewer = await userWith({
      permissions: ['system:query:run', 'credit-assets:risk-asset:list'],
    })
    const response = await client.get('/api/query/catalogue').bearerToken(viewer.token)
    response.assertStatus(200)
    const dataset = response.body().datasets.find((d: any) => d.id === DATASET)
    assert.isTrue(dataset.asOf)
    const ids = dataset.fields.map((f: any) => f.id)
    assert.include(ids, 'balance')
    // 证件号码 needs credit-assets:loan:list.
    assert.notInclude(ids, 'idNo')
    assert.notMatch(JSON.stringify(response.body()), /balance_fen|ca_loans|l\.\w+/)
    const nobody = await userWith({ permissions: ['system:query:run'] })
    const empty = await client.get('/api/query/catalogue').bearerToken(nobody.token)
    assert.deepEqual(empty.body().datasets, [])
    ;(await run(client, nobody.token, q('x'))).assertStatus(422)
    const noRun = await userWith({ permissions: ['credit-assets:risk-asset:list'] })
    ;(await run(client, noRun.token, q('x'))).assertStatus(403)
    ;(await client.post('/api/query/run').json({ query: q('x') })).assertStatus(401)
  })

  test('a field the user may not use is refused in every position', async ({ client, assert }) => {
    const { tag } = await riskBook()
    const viewer = await userWith({
      permissions: ['system:query:run', 'credit-assets:risk-asset:list'],
    })
    for (const query of [
      q(tag, { fields: ['loanNo', 'idNo'] }),
      q(tag, {}, [{ field: 'idNo', op: 'eq', value: '1' }]),
      q(tag, { sort: [{ field: 'idNo', order: 'asc' }] }),
    ]) {
      const response = await run(client, viewer.token, query)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].rule, 'query.unknownField')
    }
  })

  test('detail rows: exact amounts in yuan, totals, paging, sort', async ({ client, assert }) => {
    const { tag } = await riskBook()
    const admin = await tokenFor('admin')
    const first = await run(client, admin, q(tag), { page: 1, perPage: 2 })
    first.assertStatus(200)
    const body = first.body()
    assert.equal(body.meta.total, 3)
    assert.deepEqual(
      body.data.map((r: any) => r.balance),
      ['90071992547409.93', '1234567.89']
    )
    // 2^53 + 1 fen survives: never a JS float.
    assert.equal(body.totals.balance, '90071993781978.82')
    assert.deepEqual(
      body.columns.map((c: any) => c.key),
      ['loanNo', 'customerName', 'balance', 'fiveClass']
    )
    // Paging a counted result: rows only, no second count.
    const second = await run(client, admin, q(tag), { page: 2, perPage: 2, count: false })
    assert.isNull(second.body().meta.total)
    assert.isNull(second.body().totals)
    assert.deepEqual(
      second.body().data.map((r: any) => r.balance),
      ['1.00']
    )
  })

  test('AND/OR groups nest as written', async ({ client, assert }) => {
    const { tag } = await riskBook()
    const admin = await tokenFor('admin')
    // tag AND (doubtful OR (substandard AND overdue ≥ 100))
    const response = await run(
      client,
      admin,
      q(tag, { sort: [{ field: 'overdueDays', order: 'asc' }], fields: ['overdueDays'] }, [
        {
          logic: 'or',
          items: [
            { field: 'fiveClass', op: 'eq', value: 'doubtful' },
            {
              logic: 'and',
              items: [
                { field: 'fiveClass', op: 'in', values: ['substandard'] },
                { field: 'overdueDays', op: 'gte', value: '100' },
              ],
            },
          ],
        },
      ])
    )
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((r: any) => r.overdueDays),
      [120, 400]
    )
    const between = await run(
      client,
      admin,
      q(tag, { fields: ['overdueDays'] }, [
        { field: 'balance', op: 'between', values: ['1.00', '1234567.89'] },
        { field: 'enteredOn', op: 'notEmpty' },
        { field: 'exitReason', op: 'empty' },
      ])
    )
    assert.equal(between.body().meta.total, 2)
  })

  test('group by with counts and exact sums, sorted by a total', async ({ client, assert }) => {
    const { tag } = await riskBook()
    const admin = await tokenFor('admin')
    const response = await run(
      client,
      admin,
      q(tag, {
        groupBy: ['fiveClass'],
        sums: ['balance'],
        sort: [{ field: 'sum_balance', order: 'desc' }],
      })
    )
    response.assertStatus(200)
    assert.deepEqual(response.body().data, [
      { fiveClass: 'substandard', count: 2, sum_balance: '90071993781977.82' },
      { fiveClass: 'doubtful', count: 1, sum_balance: '1.00' },
    ])
    assert.equal(response.body().meta.total, 2)
    assert.isTrue(response.body().meta.grouped)
    // The 合计 row counts loans (not groups) and sums over all of them.
    assert.deepEqual(response.body().totals, { count: 3, sum_balance: '90071993781978.82' })
  })

  test('as of a past date shows that date’s state after later changes', async ({
    client,
    assert,
  }) => {
    const { tag, a, b } = await riskBook()
    await snapshot('2026-06-30', a.loanId, { balance_fen: '50000', five_class: 'special_mention' })
    await snapshot('2026-06-30', b.loanId, { risk_status: null })
    await snapshot('2026-07-01', a.loanId, { balance_fen: '40000' })
    const admin = await tokenFor('admin')
    const query = q(tag, { fields: ['loanNo', 'balance', 'fiveClass'] })
    const then = await run(client, admin, { ...query, asOf: '2026-06-30' })
    assert.equal(then.status(), 200, JSON.stringify(then.body()))
    // b was not a risk asset that day; c has no snapshot that day.
    assert.deepEqual(
      then.body().data.map((r: any) => [r.balance, r.fiveClass]),
      [['500.00', 'special_mention']]
    )
    const now = await run(client, admin, query)
    assert.equal(now.body().meta.total, 3)
    await db.from('ca_loans').where('id', a.loanId).update({ balance_fen: '1' })
    const again = await run(client, admin, { ...query, asOf: '2026-06-30' })
    assert.equal(again.body().data[0].balance, '500.00')
  })

  test('the data scope of the dataset’s permission applies, today and as of', async ({
    client,
    assert,
  }) => {
    const { tag, a, b } = await riskBook()
    await snapshot('2026-06-30', a.loanId)
    await snapshot('2026-06-30', b.loanId)
    const branch = await userWith({
      permissions: ['system:query:run', 'credit-assets:risk-asset:list'],
      dataScope: 'org_and_below',
      orgCode: '310000',
    })
    const now = await run(client, branch.token, q(tag))
    assert.equal(now.body().meta.total, 1)
    assert.match(now.body().data[0].customerName, /乙/)
    const then = await run(client, branch.token, { ...q(tag), asOf: '2026-06-30' })
    assert.equal(then.body().meta.total, 1)
    // A second role granting only 综合查询 (all data) does not widen the dataset's scope.
    await grantRole(
      branch,
      await makeRole({ name: 'wide', permissions: ['system:query:run'], scope: 'all' })
    )
    const still = await run(client, branch.token, q(tag))
    assert.equal(still.body().meta.total, 1)
  })
})
