import { test } from '@japa/runner'
import { Money } from '#core/money/money'
import { AllocationError, allocate, totalOf, type Buckets } from '../../receipts/allocation.js'

/* 抵债金额 over the buckets: 先本后息, shared pro rata inside the bucket it runs out in, exact to the fen. */
const b = (p: string, n: string, o = '0', pe = '0', c = '0'): Buckets => ({
  principal: Money.fromFen(p),
  normal_interest: Money.fromFen(n),
  overdue_interest: Money.fromFen(o),
  penalty: Money.fromFen(pe),
  compound: Money.fromFen(c),
})
const fen = (x: Buckets) => Object.values(x).map((m) => m.toFen())

test.group('foreclosure allocation', () => {
  test('principal first, then interest in order; the rest stays owed', ({ assert }) => {
    const [s] = allocate(Money.fromFen('10050'), [b('10000', '100', '30', '20', '1')])
    assert.deepEqual(fen(s), ['10000', '50', '0', '0', '0'])
  })

  test('two loans: a bucket it runs out in is shared by what each owes, no fen lost', ({
    assert,
  }) => {
    const owed = [b('100', '333'), b('200', '334')]
    const amount = Money.fromFen('400')
    const s = allocate(amount, owed)
    // principal 300 in full; the 100 left over 333 : 334 → 49.93… : 50.07… → 50 and 50.
    assert.deepEqual(fen(s[0]), ['100', '50', '0', '0', '0'])
    assert.deepEqual(fen(s[1]), ['200', '50', '0', '0', '0'])
    assert.equal(Money.sum(s.map(totalOf)).toFen(), '400')
    const odd = allocate(Money.fromFen('301'), [b('100', '1'), b('200', '2')])
    assert.equal(Money.sum(odd.map(totalOf)).toFen(), '301')
    for (let i = 0; i < 2; i++)
      for (const k of Object.keys(odd[i]) as (keyof Buckets)[])
        assert.isAtMost(
          Number(odd[i][k].toFen()),
          Number([b('100', '1'), b('200', '2')][i][k].toFen())
        )
  })

  test('more than owed is refused; zero settles nothing', ({ assert }) => {
    assert.throws(() => allocate(Money.fromFen('1001'), [b('1000', '0')]), AllocationError as any)
    const [s] = allocate(Money.zero(), [b('1000', '5')])
    assert.deepEqual(fen(s), ['0', '0', '0', '0', '0'])
  })
})
