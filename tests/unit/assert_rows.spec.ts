import { test } from '@japa/runner'
import { assertRows } from '#tests/helpers/assert_rows'

/*
| The table assertion flow specs lean on must itself fail when the data
| differs — otherwise every spec using it would pass on anything.
*/
const rows = [
  { id: 1, name: { zh: '分行审批' }, state: 'approved', amountFen: 10_000_000n, note: null },
  { id: 2, name: { zh: '总行审批' }, state: 'pending', amountFen: 0n, note: '待会签' },
]

/** The assertion error assertRows raised, or null when it passed. */
function failureOf(check: () => void): { actual: string; expected: string } | null {
  try {
    check()
    return null
  } catch (error) {
    return error as { actual: string; expected: string }
  }
}

test.group('assertRows', () => {
  test('compares only the named columns, nested and empty cells included', ({ assert }) => {
    assertRows(
      assert,
      rows,
      `
      name.zh  | state    | amountFen | note
      分行审批 | approved | 10000000  |
      总行审批 | pending  | 0         | 待会签
      `
    )
    assertRows(assert, rows, [
      { state: 'approved', id: 1 },
      { state: 'pending', id: 2 },
    ])
  })

  test('a different cell fails with both tables to diff', ({ assert }) => {
    const failure = failureOf(() => assertRows(assert, rows, `state\napproved\napproved`))
    assert.isNotNull(failure)
    assert.equal(failure!.actual, 'state   \napproved\npending ')
    assert.equal(failure!.expected, 'state   \napproved\napproved')
  })

  test('a missing or extra row fails; a ragged expectation is a spec error', ({ assert }) => {
    assert.isNotNull(failureOf(() => assertRows(assert, rows, `id\n1`)))
    assert.isNotNull(failureOf(() => assertRows(assert, rows, [{ id: 1 }, { id: 2 }, { id: 3 }])))
    assert.throws(() => assertRows(assert, rows, `id | state\n1`), /needs 2 cells/)
  })
})
