import { test } from '@japa/runner'
import { commissionFen } from '../../services/commission.js'

/*
| 委外清收佣金 = 回收金额 × 佣金比例, rounded once, half-up to the fen.
*/
test.group('collection: commission to the fen', () => {
  test('half a fen rounds up, less rounds down', ({ assert }) => {
    // 1,000.20 × 2.5 % = 25.005 → 25.01 (half-up; half-even would give 25.00)
    assert.equal(commissionFen('100020', '2.5'), '2501')
    // 1,000.10 × 2.5 % = 25.0025 → 25.00
    assert.equal(commissionFen('100010', '2.5'), '2500')
  })

  test('rates with four decimals and large amounts stay exact', ({ assert }) => {
    // 10,512.34 × 8.25 % = 867.26805 → 867.27
    assert.equal(commissionFen('1051234', '8.25'), '86727')
    // 123,456,789,012.34 × 3.1416 % = 3,878,518,483.61167344 → 3,878,518,483.61
    assert.equal(commissionFen('12345678901234', '3.1416'), '387851848361')
    // 0.01 × 8.5 % = 0.00085 → 0.00
    assert.equal(commissionFen('1', '8.5'), '0')
    assert.equal(commissionFen('1051234', '100'), '1051234')
  })
})
