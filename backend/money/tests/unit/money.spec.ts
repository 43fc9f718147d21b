import { test } from '@japa/runner'
import { groupThousands, Money, MoneyError } from '#core/money/money'

test.group('Money', () => {
  test('keeps fen exact where floats drift (0.1 + 0.2)', ({ assert }) => {
    const sum = Money.fromYuan('0.10').plus(Money.fromYuan('0.20'))
    assert.equal(sum.toYuan(), '0.30')
    assert.equal(sum.toFen(), '30')
  })

  test('round-trips BIGINT fen beyond 2^53 as text', ({ assert }) => {
    const big = Money.fromFen('900719925474099312')
    assert.equal(big.plus(Money.fromFen(1)).toFen(), '900719925474099313')
    assert.equal(big.toYuan(), '9007199254740993.12')
  })

  test('refuses more than two decimals unless a rounding mode is named', ({ assert }) => {
    assert.throws(() => Money.fromYuan('1.005'), MoneyError)
    assert.equal(Money.fromYuan('1.005', 'HALF_UP').toYuan(), '1.01')
    assert.equal(Money.fromYuan('1.005', 'HALF_EVEN').toYuan(), '1.00')
    assert.equal(Money.fromYuan('1.015', 'HALF_EVEN').toYuan(), '1.02')
  })

  test('refuses floats and junk', ({ assert }) => {
    assert.throws(() => Money.fromFen(1.5), MoneyError)
    assert.throws(() => Money.fromYuan('1e3'), MoneyError)
    assert.throws(() => Money.fromYuan('abc'), MoneyError)
  })

  test('multiplies by a decimal rate and rounds once in the named mode', ({ assert }) => {
    assert.equal(Money.fromYuan('100000.00').times('0.0435', 'HALF_UP').toYuan(), '4350.00')
    // 100,000.00 × 4.35% × 31 / 360 = 374.5833… → 374.58, rounded once.
    assert.equal(
      Money.fromYuan('100000.00').interest('0.0435', 31, 360, 'HALF_UP').toYuan(),
      '374.58'
    )
    // Rounding the daily interest first (12.08 × 31) would lose ten fen: the helper never does.
    assert.equal(
      Money.fromYuan('100000.00')
        .interest('0.0435', 1, 360, 'HALF_UP')
        .times('31', 'HALF_UP')
        .toYuan(),
      '374.48'
    )
    assert.equal(Money.fromFen(25).times('0.5', 'HALF_EVEN').toFen(), '12')
    assert.equal(Money.fromFen(25).times('0.5', 'HALF_UP').toFen(), '13')
  })

  test('allocates without losing or inventing a fen', ({ assert }) => {
    const parts = Money.fromYuan('100.00').allocate(['1', '1', '1'])
    assert.deepEqual(
      parts.map((p) => p.toYuan()),
      ['33.34', '33.33', '33.33']
    )
    assert.equal(Money.sum(parts).toYuan(), '100.00')
    const negative = Money.fromYuan('-0.05').allocate(['1', '1'])
    assert.equal(Money.sum(negative).toYuan(), '-0.05')
  })

  test('formats with thousands separators', ({ assert }) => {
    assert.equal(Money.fromYuan('1234567.8').format(), '1,234,567.80')
    assert.equal(Money.fromYuan('-1000').format(), '-1,000.00')
    assert.equal(Money.zero().format(), '0.00')
    // The one grouping the server prints amounts with: never through a float.
    assert.equal(groupThousands('-9007199254740993.10'), '-9,007,199,254,740,993.10')
    assert.equal(groupThousands('123'), '123')
    assert.equal(groupThousands('1000.5'), '1,000.5')
  })

  test('compares and tests sign', ({ assert }) => {
    assert.equal(Money.fromYuan('2').compare(Money.fromYuan('10')), -1)
    assert.isTrue(Money.fromYuan('-0.01').isNegative())
    assert.isTrue(Money.fromYuan('0.00').isZero())
    assert.isTrue(Money.fromYuan('1.1').equals(Money.fromFen(110)))
  })
})
