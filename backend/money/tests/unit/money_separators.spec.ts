import { test } from '@japa/runner'
import { Money, MoneyError } from '#core/money/money'

/* Issue 12 defect 10: thousands separators only in whole groups of three. */
test.group('Money · thousands separators', () => {
  test('accepts amounts grouped by three, or not grouped at all', ({ assert }) => {
    assert.equal(Money.fromYuan('1,000').toYuan(), '1000.00')
    assert.equal(Money.fromYuan('1,234,567.89').toYuan(), '1234567.89')
    assert.equal(Money.fromYuan('-12,345.6').toYuan(), '-12345.60')
    assert.equal(Money.fromYuan('1234567.89').toYuan(), '1234567.89')
  })

  test('refuses separators in the wrong place instead of guessing', ({ assert }) => {
    for (const text of [
      '1,00',
      '1,000,00',
      ',100',
      '100,',
      '1,,000',
      '1234,567',
      '1,000.0,0',
      '12,34.5',
    ])
      assert.throws(() => Money.fromYuan(text), MoneyError)
  })
})
