import { test } from '@japa/runner'
import { Money } from '#core/money/money'
import { completionPercent } from '../../dashboard/write_off_progress.js'

/*
| 核销进度's 完成率: one decimal, cut rather than rounded (100.0 only when the
| target is met), exact for amounts past a float's 2^53 fen.
*/
const pct = (total: string, target: string) =>
  completionPercent(Money.fromYuan(total), Money.fromYuan(target))

test.group('write-off: 完成率 of the progress widget', () => {
  test('one decimal, cut not rounded', ({ assert }) => {
    assert.equal(pct('1', '3'), '33.3')
    assert.equal(pct('2', '3'), '66.6')
    assert.equal(pct('99.99', '100'), '99.9')
    assert.equal(pct('100', '100'), '100.0')
    assert.equal(pct('0', '100'), '0.0')
    assert.equal(pct('250', '100'), '250.0')
  })

  test('exact beyond 2^53 fen; no target, no rate', ({ assert }) => {
    // 99 999 999 999 999.99 of 100 000 000 000 000.00: a float would say 100.0.
    assert.equal(pct('99999999999999.99', '100000000000000.00'), '99.9')
    assert.equal(pct('12345678901234.56', '12345678901234.57'), '99.9')
    assert.isNull(pct('100', '0'))
  })
})
