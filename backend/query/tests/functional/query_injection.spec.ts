import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenFor } from '#tests/helpers/auth'
import { DATASET, q, riskBook } from './query_fixtures.js'

/*
| Acceptance (issue 6): an injection attempt through every 综合查询 input is
| refused (422 with field errors) or bound (the database sees it as data).
| After each attempt the canary table still exists with its one row, and no
| answer carries SQL or a stack. Each attempt is listed here by input.
*/
const CANARY = 'query_canary'
const DROP = `x'; DROP TABLE ${CANARY}; --`

const refused: [input: string, mutate: (tag: string) => Record<string, unknown>, field: RegExp][] =
  [
    ['dataset id', (t) => ({ ...q(t), dataset: `${DATASET} UNION SELECT 1` }), /^query\.dataset$/],
    [
      'dataset id (unknown)',
      (t) => ({ ...q(t), dataset: 'credit-assets:loans' }),
      /^query\.dataset$/,
    ],
    [
      'field id (SQL)',
      (t) => ({ ...q(t), fields: ['balance; DROP TABLE query_canary'] }),
      /^query\.fields\.0$/,
    ],
    [
      'field id (column name)',
      (t) => ({ ...q(t), fields: ['l.balance_fen'] }),
      /^query\.fields\.0$/,
    ],
    [
      'field id (prototype key)',
      (t) => ({ ...q(t), fields: ['constructor'] }),
      /^query\.fields\.0$/,
    ],
    ['field id (__proto__)', (t) => ({ ...q(t), fields: ['__proto__'] }), /^query\.fields\.0$/],
    [
      'condition field id',
      (t) => q(t, {}, [{ field: 'loanNo) OR (1=1', op: 'eq', value: '1' }]),
      /^query\.where\.items\.1\.field$/,
    ],
    [
      'condition field id (unknown)',
      (t) => q(t, {}, [{ field: 'password', op: 'eq', value: '1' }]),
      /^query\.where\.items\.1\.field$/,
    ],
    [
      'operator (SQL)',
      (t) => q(t, {}, [{ field: 'loanNo', op: '= 1 OR 1=1 --', value: '1' }]),
      /^query\.where\.items\.1\.op$/,
    ],
    [
      'operator (wrong type: like on an amount)',
      (t) => q(t, {}, [{ field: 'balance', op: 'like', value: '1' }]),
      /^query\.where\.items\.1\.op$/,
    ],
    [
      'value (amount)',
      (t) => q(t, {}, [{ field: 'balance', op: 'gte', value: '0 OR 1=1' }]),
      /^query\.where\.items\.1\.value$/,
    ],
    [
      'value (number)',
      (t) => q(t, {}, [{ field: 'overdueDays', op: 'eq', value: `1; ${DROP}` }]),
      /^query\.where\.items\.1\.value$/,
    ],
    [
      'value (date)',
      (t) => q(t, {}, [{ field: 'enteredOn', op: 'eq', value: "2026-01-01' OR '1'='1" }]),
      /^query\.where\.items\.1\.value$/,
    ],
    [
      'value (dictionary code)',
      (t) => q(t, {}, [{ field: 'fiveClass', op: 'eq', value: "normal' OR 'x'='x" }]),
      /^query\.where\.items\.1\.value$/,
    ],
    [
      'value (between bound)',
      (t) => q(t, {}, [{ field: 'balance', op: 'between', values: ['0', '1) OR (1=1'] }]),
      /^query\.where\.items\.1\.values\.1$/,
    ],
    [
      'value (not a string)',
      (t) => q(t, {}, [{ field: 'loanNo', op: 'eq', value: { $gt: '' } as any }]),
      /^query\.where\.items\.1\.value$/,
    ],
    [
      'sort field (SQL)',
      (t) => q(t, { sort: [{ field: 'balance desc, (SELECT 1)', order: 'asc' }] }),
      /^query\.sort\.0\.field$/,
    ],
    [
      'sort order (SQL)',
      (t) => q(t, { sort: [{ field: 'balance', order: 'desc; DROP' }] }),
      /^query\.sort\.0\.order$/,
    ],
    [
      'sort field (unknown)',
      (t) => q(t, { sort: [{ field: 'sum_balance', order: 'asc' }] }),
      /^query\.sort\.0\.field$/,
    ],
    [
      'sort field (grouped: not a group or total)',
      (t) => q(t, { groupBy: ['fiveClass'], sort: [{ field: 'customerName', order: 'asc' }] }),
      /^query\.sort\.0\.field$/,
    ],
    [
      'group field (SQL)',
      (t) => q(t, { groupBy: ['fiveClass, (SELECT 1)'] }),
      /^query\.groupBy\.0$/,
    ],
    ['group field (not groupable)', (t) => q(t, { groupBy: ['loanNo'] }), /^query\.groupBy\.0$/],
    ['group field (amount)', (t) => q(t, { groupBy: ['balance'] }), /^query\.groupBy\.0$/],
    [
      'sum field (text)',
      (t) => q(t, { groupBy: ['fiveClass'], sums: ['customerName'] }),
      /^query\.sums\.0$/,
    ],
    ['as-of date (SQL)', (t) => q(t, { asOf: `2026-01-01' OR '1'='1` }), /^query\.asOf$/],
    ['as-of date (impossible)', (t) => q(t, { asOf: '2026-02-30' }), /^query\.asOf$/],
    ['as-of date (future)', (t) => q(t, { asOf: '2999-01-01' }), /^query\.asOf$/],
    [
      'nested group depth (4 levels)',
      (t) =>
        q(t, {}, [
          {
            logic: 'or',
            items: [
              {
                logic: 'and',
                items: [{ logic: 'or', items: [{ field: 'loanNo', op: 'eq', value: '1' }] }],
              },
            ],
          },
        ]),
      /^query\.where\.items\.1\.items\.0\.items\.0/,
    ],
    [
      'group logic (SQL)',
      (t) => ({ ...q(t), where: { logic: 'or 1=1', items: [] } }),
      /^query\.where\.logic$/,
    ],
  ]

async function canaryAlive(assert: any) {
  const rows = await db.from(CANARY).select('id')
  assert.lengthOf(rows, 1)
}

function assertNoLeak(assert: any, body: unknown) {
  const text = JSON.stringify(body)
  assert.notMatch(text, /select |from `|sqlMessage|ER_|stack|at .*\.ts:/i)
}

test.group('综合查询: every input refuses or binds injection attempts', (group) => {
  group.setup(async () => {
    await db.rawQuery(`CREATE TABLE IF NOT EXISTS ${CANARY} (id INT PRIMARY KEY)`)
    await db.rawQuery(`DELETE FROM ${CANARY}`)
    await db.table(CANARY).insert({ id: 1 })
    return async () => {
      await db.rawQuery(`DROP TABLE IF EXISTS ${CANARY}`)
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [input, mutate, field] of refused) {
    test(`refused (422): ${input}`, async ({ client, assert }) => {
      const { tag } = await riskBook()
      const admin = await tokenFor('admin')
      const response = await client
        .post('/api/query/run')
        .bearerToken(admin)
        .json({ query: mutate(tag) })
      response.assertStatus(422)
      const errors = response.body().errors as { field: string; message: string }[]
      assert.isTrue(
        errors.some((e) => field.test(e.field)),
        `expected an error on ${field}, got ${JSON.stringify(errors)}`
      )
      assert.isTrue(
        errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message)),
        'zh-CN messages'
      )
      assertNoLeak(assert, response.body())
      await canaryAlive(assert)
      // Saving the same query is refused the same way (one validator, one compiler).
      const saved = await client
        .post('/api/query/saved')
        .bearerToken(admin)
        .json({ name: 'x', visibility: 'private', query: mutate(tag) })
      saved.assertStatus(422)
    })
  }

  const bound: [input: string, condition: Record<string, unknown>][] = [
    ['value: quote breakout on eq', { field: 'loanNo', op: 'eq', value: "' OR '1'='1" }],
    ['value: statement stacking on eq', { field: 'customerName', op: 'eq', value: DROP }],
    ['value: comment on ne', { field: 'loanNo', op: 'ne', value: "x' --" }],
    ['value: in list', { field: 'loanNo', op: 'in', values: ["a') OR ('1'='1", DROP] }],
    ['value: like with quote', { field: 'customerName', op: 'like', value: `%' OR 1=1 -- ` }],
    ['value: backslash escape', { field: 'customerName', op: 'eq', value: "\\' OR 1=1 -- " }],
  ]

  for (const [input, condition] of bound) {
    test(`bound as data (200, no extra rows): ${input}`, async ({ client, assert }) => {
      const { tag } = await riskBook()
      const admin = await tokenFor('admin')
      const response = await client
        .post('/api/query/run')
        .bearerToken(admin)
        .json({ query: q(tag, {}, [condition as any]) })
      response.assertStatus(200)
      // 'ne' legitimately matches the book; everything else matches nothing.
      const expected = condition.op === 'ne' ? 3 : 0
      assert.equal(response.body().meta.total, expected)
      assert.lengthOf(response.body().data, expected)
      await canaryAlive(assert)
    })
  }

  test('like: % and _ are literal characters, not wildcards', async ({ client, assert }) => {
    const { tag } = await riskBook()
    const admin = await tokenFor('admin')
    const run = async (value: string) =>
      (
        await client
          .post('/api/query/run')
          .bearerToken(admin)
          .json({ query: q(tag, {}, [{ field: 'customerName', op: 'like', value }]) })
      ).body()
    // Only 乙%_!公司 has a literal %, _ or ! in its name.
    for (const value of ['%', '_', '!', '%_!', '乙%_']) {
      const body = await run(value)
      assert.equal(body.meta.total, 1, `like "${value}"`)
      assert.match(body.data[0].customerName, /乙%_!公司$/)
    }
    assert.equal((await run('甲_司')).meta.total, 0)
    assert.equal((await run('甲%司')).meta.total, 0)
    assert.equal((await run('甲公司')).meta.total, 1)
  })
})
