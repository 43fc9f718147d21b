import { test } from '@japa/runner'
import { courtFee, FeeTrialError, type FeeKind } from '../../services/fee_api.js'

/*
| 诉讼费试算 per 《诉讼费用交纳办法》: every band edge of each schedule (the last fen
| inside a band and the first fen of the next), the 5,000 cap on 保全费, the halving
| under the summary procedure and the one third for a 支付令, each rounded once,
| half-up to the fen, after the rule.
*/
const fee = (kind: FeeKind, amount: string, summaryProcedure = false) =>
  courtFee(kind, amount, { summaryProcedure }).fee

test.group('litigation: 案件受理费 (§13 财产案件)', () => {
  test('不超过 1 万元的，每件交纳 50 元', ({ assert }) => {
    assert.equal(fee('acceptance', '0.01'), '50.00')
    assert.equal(fee('acceptance', '9999.99'), '50.00')
    assert.equal(fee('acceptance', '10000.00'), '50.00')
  })

  test('超过 1 万元至 10 万元的部分，按照 2.5% 交纳', ({ assert }) => {
    // 0.01 × 2.5% = 0.00025: below half a fen
    assert.equal(fee('acceptance', '10000.01'), '50.00')
    // 0.20 × 2.5% = 0.005: exactly half a fen rounds up
    assert.equal(fee('acceptance', '10000.20'), '50.01')
    assert.equal(fee('acceptance', '100000.00'), '2300.00')
  })

  test('each later band charges only the part inside it', ({ assert }) => {
    const edges: Array<[string, string]> = [
      ['100000.01', '2300.00'], // + 0.01 × 2%
      ['200000.00', '4300.00'], // 2300 + 100,000 × 2%
      ['200000.01', '4300.00'],
      ['500000.00', '8800.00'], // + 300,000 × 1.5%
      ['500000.01', '8800.00'],
      ['1000000.00', '13800.00'], // + 500,000 × 1%
      ['1000000.01', '13800.00'],
      ['2000000.00', '22800.00'], // + 1,000,000 × 0.9%
      ['2000000.01', '22800.00'],
      ['5000000.00', '46800.00'], // + 3,000,000 × 0.8%
      ['5000000.01', '46800.00'],
      ['10000000.00', '81800.00'], // + 5,000,000 × 0.7%
      ['10000000.01', '81800.00'],
      ['20000000.00', '141800.00'], // + 10,000,000 × 0.6%
      ['20000000.01', '141800.00'],
      ['30000000.00', '191800.00'], // + 10,000,000 × 0.5%
    ]
    for (const [amount, expected] of edges)
      assert.equal(fee('acceptance', amount), expected, `acceptance on ${amount}`)
    // The first fen of a band where it tips the rounding: 1 yuan into the 2% band = 0.02.
    assert.equal(fee('acceptance', '100001.00'), '2300.02')
    assert.equal(fee('acceptance', '123456.78'), '2769.14') // 2300 + 23,456.78 × 2% = 2769.1356
  })

  test('the breakdown lists each band with the part of the amount inside it', ({ assert }) => {
    const result = courtFee('acceptance', '150000.00')
    assert.deepEqual(
      result.lines.map((l) => [l.from, l.to, l.base, l.fee]),
      [
        ['0', '10000', '10000', '50'],
        ['10000', '100000', '90000', '2250'],
        ['100000', '200000', '50000', '1000'],
      ]
    )
    assert.equal(result.fee, '3300.00')
  })
})

test.group('litigation: 简易程序减半 (§16)', () => {
  test('the summary procedure halves the acceptance fee', ({ assert }) => {
    assert.equal(fee('acceptance', '10000.00', true), '25.00')
    assert.equal(fee('acceptance', '100000.00', true), '1150.00')
    assert.equal(fee('acceptance', '250000.00', true), '2525.00')
    assert.equal(fee('acceptance', '30000000.00', true), '95900.00')
  })

  test('halved before rounding: 50.005 / 2 = 25.0025 → 25.00, not 50.01 / 2 → 25.01', ({
    assert,
  }) => {
    assert.equal(fee('acceptance', '10000.20', true), '25.00')
    // 2300.02 exact → 1150.01
    assert.equal(fee('acceptance', '100001.00', true), '1150.01')
    // 50 + 0.60 × 2.5% = 50.015 → halved 25.0075 → 25.01
    assert.equal(fee('acceptance', '10000.60', true), '25.01')
  })

  test('only the acceptance fee is halved', ({ assert }) => {
    for (const kind of ['preservation', 'execution', 'payment-order'] as const)
      assert.throws(() => fee(kind, '100000.00', true), /简易程序/)
  })
})

test.group('litigation: 申请保全措施 (§14(2))', () => {
  test('不超过 1,000 元或者不涉及财产数额的，每件交纳 30 元', ({ assert }) => {
    assert.equal(fee('preservation', '0.01'), '30.00')
    assert.equal(fee('preservation', '1000.00'), '30.00')
  })

  test('超过 1,000 元至 10 万元的部分 1%，超过 10 万元的部分 0.5%', ({ assert }) => {
    assert.equal(fee('preservation', '1000.01'), '30.00') // + 0.0001
    assert.equal(fee('preservation', '1000.50'), '30.01') // + 0.005, half up
    assert.equal(fee('preservation', '100000.00'), '1020.00')
    assert.equal(fee('preservation', '100000.01'), '1020.00') // + 0.00005
    assert.equal(fee('preservation', '100001.00'), '1020.01') // + 0.005, half up
    assert.equal(fee('preservation', '500000.00'), '3020.00')
  })

  test('最多不超过 5,000 元: the cap is reached at 896,000.00', ({ assert }) => {
    assert.equal(fee('preservation', '895999.99'), '5000.00') // 4999.99995 rounds to 5000.00
    assert.equal(fee('preservation', '895998.00'), '4999.99')
    assert.equal(fee('preservation', '896000.00'), '5000.00')
    const above = courtFee('preservation', '896000.01')
    assert.equal(above.fee, '5000.00')
    assert.equal(above.bandTotal, '5000.00005')
    assert.match(above.adjustments.join(), /5000/)
    assert.equal(fee('preservation', '100000000.00'), '5000.00')
  })
})

test.group('litigation: 申请执行 (§14(1))', () => {
  test('没有执行金额或者价额不超过 1 万元的，每件交纳 50 元', ({ assert }) => {
    assert.equal(fee('execution', '10000.00'), '50.00')
    assert.equal(fee('execution', '10000.01'), '50.00') // + 0.00015
  })

  test('1.5% to 50 万, 1% to 500 万, 0.5% to 1,000 万, 0.1% above', ({ assert }) => {
    const edges: Array<[string, string]> = [
      ['500000.00', '7400.00'], // 50 + 490,000 × 1.5%
      ['500000.01', '7400.00'],
      ['5000000.00', '52400.00'], // + 4,500,000 × 1%
      ['5000000.01', '52400.00'],
      ['10000000.00', '77400.00'], // + 5,000,000 × 0.5%
      ['10000000.01', '77400.00'], // + 0.00001
      ['20000000.00', '87400.00'], // + 10,000,000 × 0.1%
    ]
    for (const [amount, expected] of edges)
      assert.equal(fee('execution', amount), expected, `execution on ${amount}`)
  })
})

test.group('litigation: 申请支付令 (§14(3))', () => {
  test('比照财产案件受理费标准的 1/3 交纳, rounded once after the third', ({ assert }) => {
    assert.equal(fee('payment-order', '10000.00'), '16.67') // 50 / 3 = 16.666…
    assert.equal(fee('payment-order', '100000.00'), '766.67') // 2300 / 3
    assert.equal(fee('payment-order', '200000.00'), '1433.33') // 4300 / 3
    assert.equal(fee('payment-order', '1000000.00'), '4600.00') // 13800 / 3
  })
})

test.group('litigation: fee trial input', () => {
  test('amounts must be positive yuan with at most two decimals', ({ assert }) => {
    for (const bad of ['0', '0.00', '-1', '1.234', 'abc', '', '1e5', '01'])
      assert.throws(() => fee('acceptance', bad), FeeTrialError, /金额/, `amount ${bad}`)
  })

  test('an unknown kind is refused', ({ assert }) => {
    assert.throws(() => courtFee('appeal' as FeeKind, '1.00'), FeeTrialError)
  })
})
